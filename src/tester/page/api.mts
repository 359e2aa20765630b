/// <reference lib="dom" />
/** The tester's JSON API, as the page calls it. Every body goes as application/json, which the API requires. */
import type { ApiError, SendRequest, SendResponse, Setup } from '../api-types.js'

async function call<Answer>(method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) })
  })
  if (response.status === 204) return undefined as Answer
  const answer: unknown = await response.json()
  if (!response.ok) throw new Error((answer as ApiError).error ?? `the tester answered ${response.status}`)
  return answer as Answer
}

export const api = {
  setup: () => call<Setup>('GET', '/api/setup'),
  send: (request: SendRequest) => call<SendResponse>('POST', '/api/send', request),
  keepApiKey: (apiKey: string) => call<void>('PUT', '/api/api-key', { apiKey }),
  forgetApiKey: () => call<void>('DELETE', '/api/api-key'),
  resetSandbox: () => call<void>('POST', '/api/sandbox/reset', {})
}
