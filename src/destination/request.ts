import type { ModifiedResponse, RequestClient, RequestOptions } from '@segment/actions-core'
import { failureOf, toActionsError, transportFailure, type Failure, type IterableReply } from '../iterable/errors'

/** The thin layer that talks to Iterable: every reply is judged here, nothing else sends. */

function retryAfterSeconds(response: ModifiedResponse): number | undefined {
  const header = response.headers.get('retry-after')
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(header)
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : undefined
}

/** Sends one request and never throws: Iterable's reply, or why there was none. */
export async function exchange(
  request: RequestClient,
  url: string,
  options: RequestOptions
): Promise<{ reply: IterableReply; response: ModifiedResponse } | { failure: Failure }> {
  try {
    const response = await request(url, { ...options, throwHttpErrors: false, skipResponseCloning: true })
    const body = response.data ?? response.content
    return { reply: { status: response.status, body, retryAfterSeconds: retryAfterSeconds(response) }, response }
  } catch (error) {
    return { failure: transportFailure(error) }
  }
}

/** Sends one request and returns Iterable's response, or throws the actions-core error for its failure. */
export async function sendToIterable(
  request: RequestClient,
  url: string,
  options: RequestOptions
): Promise<ModifiedResponse> {
  const result = await exchange(request, url, options)
  const failure = 'failure' in result ? result.failure : failureOf(result.reply)
  if (failure) throw toActionsError(failure)
  return (result as { response: ModifiedResponse }).response
}
