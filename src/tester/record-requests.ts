/**
 * Records every HTTP request a destination's actions send, as sent, and the reply to it, without changing
 * either. Like `pointDestinationAt`, it wraps the request client that perform and performBatch receive; the
 * two compose, and wrapped inside `pointDestinationAt` it sees Iterable's URLs while the requests go to the
 * sandbox.
 *
 * The client the wrapper receives adds the `Api-Key` header (from `extendRequest`) and the content type
 * itself, so only the client knows the request as sent. actions-core's request client also takes its
 * `beforeRequest` / `afterResponse` hooks per call, after its own (request-client.js merges the hook lists
 * of its defaults and of the call), though `RequestOptions` does not declare them: `afterResponse` is handed
 * the request exactly as sent and the reply as read.
 */
import type { DestinationDefinition, RequestClient, RequestOptions } from '@segment/actions-core'
import { withRequestClient } from '../actions-kit/with-request-client'
import type { RecordedExchange, RecordedReply, RecordedRequest } from './api-types'

export const REDACTED = '[redacted]'

/** Headers whose values are secrets: they are recorded as REDACTED. */
const SECRET_HEADERS = new Set(['api-key', 'authorization'])

interface HeaderList {
  forEach(callback: (value: string, name: string) => void): void
}

/** The options the client hands its hooks: merged headers, and the body as the text it sends. */
interface SendingOptions {
  method: string
  headers?: HeaderList
  body?: unknown
}

interface SentRequest {
  url: string
  method: string
  headers: HeaderList
}

/** The reply after actions-core's own hooks have read it (`data` when JSON, `content` as text). */
interface ReadReply {
  status: number
  headers: HeaderList
  data?: unknown
  content?: string
}

type OptionsWithHooks = RequestOptions & {
  beforeRequest?: Array<(options: SendingOptions) => void>
  afterResponse?: Array<(request: SentRequest, options: SendingOptions, response: ReadReply) => void>
}

function headersOf(list: HeaderList | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  list?.forEach((value, name) => {
    const key = name.toLowerCase()
    headers[key] = SECRET_HEADERS.has(key) ? REDACTED : value
  })
  return headers
}

/** A JSON body as its value, so that it can be shown pretty; any other body as its text. */
function bodyOf(body: unknown): unknown {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch {
    return body
  }
}

function describeRequest(
  url: string,
  method: string,
  headers: HeaderList | undefined,
  body: unknown,
  sentTo?: string
): RecordedRequest {
  return {
    method: method.toUpperCase(),
    url,
    headers: headersOf(headers),
    ...(body !== undefined && { body: bodyOf(body) }),
    ...(sentTo !== undefined && sentTo !== new URL(url).href && { deliveredTo: sentTo })
  }
}

function describeReply(response: ReadReply): RecordedReply {
  return { status: response.status, headers: headersOf(response.headers), body: response.data ?? response.content }
}

function recording(request: RequestClient, onExchange: (exchange: RecordedExchange) => void): RequestClient {
  return (async (url: string, options: RequestOptions = {}) => {
    let sending: SendingOptions | undefined
    let exchange: RecordedExchange | undefined
    const withHooks: OptionsWithHooks = {
      ...options,
      beforeRequest: [
        (prepared) => {
          sending = prepared
        }
      ],
      afterResponse: [
        (sent, prepared, response) => {
          exchange = {
            request: describeRequest(url, sent.method, sent.headers, prepared.body, sent.url),
            reply: describeReply(response)
          }
        }
      ]
    }
    try {
      const response = await request(url, withHooks)
      // `afterResponse` has run by the time the client resolves (record-requests.test.ts pins this).
      if (exchange) onExchange(exchange)
      return response
    } catch (error) {
      // A reply with an error status was recorded above; without a reply the request is known from the
      // options the client was about to send, and the error says why nothing came back.
      onExchange(
        exchange ?? {
          request: describeRequest(
            url,
            sending?.method ?? options.method ?? 'GET',
            sending?.headers,
            sending ? sending.body : options.json
          ),
          error: error instanceof Error ? error.message : String(error)
        }
      )
      throw error
    }
  }) as RequestClient
}

/** The definition with each request it sends, and the reply to it, handed to `onExchange`. */
export function recordRequests<Settings>(
  definition: DestinationDefinition<Settings>,
  onExchange: (exchange: RecordedExchange) => void
): DestinationDefinition<Settings> {
  return withRequestClient(definition, (request) => recording(request, onExchange))
}
