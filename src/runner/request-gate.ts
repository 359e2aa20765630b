import type { DestinationDefinition, RequestClient } from '@segment/actions-core'
import { withRequestClient } from '../actions-kit/with-request-client'

/** Runs before each request a destination sends, with its method and absolute URL; may delay it. */
export type RequestGate = (method: string, url: URL) => Promise<void>

/**
 * The definition with every request its actions, authentication test and deletion send passing through
 * `gate` first; the gate needs to know nothing about which action calls which endpoint.
 */
export function gateRequests<Settings>(
  definition: DestinationDefinition<Settings>,
  gate: RequestGate
): DestinationDefinition<Settings> {
  return withRequestClient(
    definition,
    (request) =>
      (async (url: string, options?: Parameters<RequestClient>[1]) => {
        await gate((options?.method ?? 'GET').toUpperCase(), new URL(url))
        return request(url, options)
      }) as RequestClient
  )
}
