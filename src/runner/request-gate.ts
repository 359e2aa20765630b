import type { DestinationDefinition, RequestClient } from '@segment/actions-core'

/** Runs before each request a destination sends, with its method and absolute URL; may delay it. */
export type RequestGate = (method: string, url: URL) => Promise<void>

/**
 * The definition with every request its actions, authentication test and deletion send passing through
 * `gate` first. actions-core's `beforeRequest` hooks are not told the URL, so the gate wraps the
 * request client each function receives instead; it needs to know nothing about which action calls
 * which endpoint.
 */
export function gateRequests<Settings>(
  definition: DestinationDefinition<Settings>,
  gate: RequestGate
): DestinationDefinition<Settings> {
  const gated = (request: RequestClient): RequestClient =>
    (async (url: string, options?: Parameters<RequestClient>[1]) => {
      await gate((options?.method ?? 'GET').toUpperCase(), new URL(url))
      return request(url, options)
    }) as RequestClient
  const actions = Object.fromEntries(
    Object.entries(definition.actions).map(([slug, action]) => {
      const { perform, performBatch } = action
      return [
        slug,
        {
          ...action,
          perform: (request, data) => perform(gated(request), data),
          ...(performBatch && { performBatch: (request, data) => performBatch(gated(request), data) })
        } satisfies typeof action
      ]
    })
  )
  const { authentication, onDelete } = definition
  const testAuthentication = authentication?.testAuthentication
  return {
    ...definition,
    actions,
    ...(authentication &&
      testAuthentication && {
        authentication: {
          ...authentication,
          testAuthentication: (request, input) => testAuthentication(gated(request), input)
        }
      }),
    ...(onDelete && { onDelete: (request, input) => onDelete(gated(request), input) })
  }
}
