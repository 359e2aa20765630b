/**
 * Points an unmodified destination definition at the sandbox: every request it makes to Iterable (US or
 * EU) goes to the sandbox instead, path and query kept; `extendRequest` (the Api-Key header) is left as
 * it is.
 */
import type { DestinationDefinition, RequestOptions } from '@segment/actions-core'
import { withRequestClient } from '../actions-kit/with-request-client'
import { REGIONS } from '../iterable/endpoints'

/** `url` with Iterable's origin (either data center) replaced by the sandbox's; any other URL as it is. */
function toSandbox(url: string, sandboxUrl: string): string {
  for (const origin of Object.values(REGIONS)) {
    if (url === origin || url.startsWith(`${origin}/`) || url.startsWith(`${origin}?`)) {
      return sandboxUrl.replace(/\/+$/, '') + url.slice(origin.length)
    }
  }
  return url
}

export function pointDestinationAt<Settings>(
  definition: DestinationDefinition<Settings>,
  sandboxUrl: string
): DestinationDefinition<Settings> {
  return withRequestClient(
    definition,
    (request) =>
      <Data = unknown>(url: string, options?: RequestOptions) =>
        request<Data>(toSandbox(url, sandboxUrl), options)
  )
}
