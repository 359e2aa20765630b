/**
 * Points an unmodified destination definition at the sandbox: every request it makes to Iterable (US or
 * EU) goes to the sandbox instead, path and query kept.
 *
 * actions-core offers no way to do this from `extendRequest`: a `beforeRequest` hook may return new options,
 * but the request client rebuilds the request from its original URL (request-client.js,
 * `setOptions(this.request.url, ...)`), so no option changes where it goes. Instead each function the
 * runtime hands a request client to (perform, performBatch, testAuthentication, onDelete) gets one whose
 * Iterable URLs are rewritten; `extendRequest` (the Api-Key header) is left as it is.
 */
import type { DestinationDefinition, RequestClient, RequestOptions } from '@segment/actions-core'
import { REGIONS } from '../iterable/endpoints'

type RequestFunction<Input, Output> = (request: RequestClient, input: Input) => Output

/** `url` with Iterable's origin (either data center) replaced by the sandbox's; any other URL as it is. */
function toSandbox(url: string, sandboxUrl: string): string {
  for (const origin of Object.values(REGIONS)) {
    if (url === origin || url.startsWith(`${origin}/`) || url.startsWith(`${origin}?`)) {
      return sandboxUrl.replace(/\/+$/, '') + url.slice(origin.length)
    }
  }
  return url
}

function pointRequestsAt(request: RequestClient, sandboxUrl: string): RequestClient {
  return <Data = unknown>(url: string, options?: RequestOptions) => request<Data>(toSandbox(url, sandboxUrl), options)
}

function pointed<Input, Output>(
  run: RequestFunction<Input, Output>,
  sandboxUrl: string
): RequestFunction<Input, Output> {
  return (request, input) => run(pointRequestsAt(request, sandboxUrl), input)
}

export function pointDestinationAt<Settings>(
  definition: DestinationDefinition<Settings>,
  sandboxUrl: string
): DestinationDefinition<Settings> {
  const actions = Object.fromEntries(
    Object.entries(definition.actions).map(([slug, action]) => [
      slug,
      {
        ...action,
        perform: pointed(action.perform, sandboxUrl),
        ...(action.performBatch && { performBatch: pointed(action.performBatch, sandboxUrl) })
      }
    ])
  )
  const { authentication, onDelete } = definition
  return {
    ...definition,
    actions,
    ...(authentication?.testAuthentication && {
      authentication: { ...authentication, testAuthentication: pointed(authentication.testAuthentication, sandboxUrl) }
    }),
    ...(onDelete && { onDelete: pointed(onDelete, sandboxUrl) })
  }
}
