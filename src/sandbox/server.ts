/**
 * HTTP plumbing: reads each request, puts Iterable's routes through the checks Iterable makes before any
 * work (key, body size, rate limit, JSON, definitions) and through the injected faults, and writes replies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { MAX_REQUEST_BODY_BYTES } from '../iterable/endpoints'
import { validateDefinition } from '../iterable/schema'
import type { Faults, Spoilage } from './faults'
import type { RateLimiter } from './rate-limit'
import { badParams, reply, type Reply } from './replies'
import type { Match, Router } from './router'

export interface ServerParts {
  router: Router
  faults: Faults
  limiter: RateLimiter
  /** When set, the only Api-Key accepted; otherwise any non-empty key is. */
  apiKey?: string
  /** Aborted when the sandbox closes, cutting injected latency short. */
  closing: AbortSignal
}

interface ReceivedBody {
  text: string
  bytes: number
}

/** Reads the whole body; past the limit the rest is read and dropped, so the client can finish and read the 413. */
async function readBody(request: IncomingMessage): Promise<ReceivedBody> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    bytes += chunk.length
    if (bytes <= MAX_REQUEST_BODY_BYTES) chunks.push(chunk)
  }
  return { text: bytes <= MAX_REQUEST_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : '', bytes }
}

type Parsed = { value: unknown } | { reply: Reply }

function parseJson(text: string): Parsed {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return { reply: reply(400, 'BadJsonBody', 'The request body is not valid JSON') }
  }
}

function hasValidKey(request: IncomingMessage, expected: string | undefined): boolean {
  const key = request.headers['api-key']
  return typeof key === 'string' && key !== '' && (expected === undefined || key === expected)
}

/** One of Iterable's routes, past the injected faults: Iterable's checks in Iterable's order, then the work. */
function answerIterable(
  parts: ServerParts,
  request: IncomingMessage,
  url: URL,
  match: Match,
  body: ReceivedBody
): Reply {
  const traits = match.route.iterable!
  if (!hasValidKey(request, parts.apiKey)) return reply(401, 'BadApiKey', 'Invalid API key')
  if (body.bytes > MAX_REQUEST_BODY_BYTES) {
    return reply(
      413,
      'BatchTooLarge',
      `Request body of ${body.bytes} bytes is over the limit of ${MAX_REQUEST_BODY_BYTES}`
    )
  }
  if (!parts.limiter.tryTake(traits.endpoint, traits.requestsPerSecond)) {
    const limit = `${traits.requestsPerSecond} requests/second`
    return reply(429, 'RateLimitExceeded', `Rate limit exceeded for ${match.route.path} (${limit} before scaling)`)
  }
  let parsed: unknown
  if (traits.definition) {
    const json = parseJson(body.text)
    if ('reply' in json) return json.reply
    const problems = validateDefinition(traits.definition, json.value)
    if (problems.length > 0) return badParams(problems)
    parsed = json.value
  }
  return match.route.handle({ body: parsed, params: match.params, query: url.searchParams })
}

/** A sandbox control route: no key, limits or faults; a body, when sent, is JSON. */
function answerControl(url: URL, match: Match, body: ReceivedBody): Reply {
  const json = body.text === '' ? { value: undefined } : parseJson(body.text)
  if ('reply' in json) return json.reply
  return match.route.handle({ body: json.value, params: match.params, query: url.searchParams })
}

function guarded(answer: () => Reply): Reply {
  try {
    return answer()
  } catch (error) {
    return reply(500, 'GenericError', `Sandbox error: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function write(response: ServerResponse, { status, body, headers }: Reply, spoilage?: Spoilage): void {
  const text = JSON.stringify(body)
  const half = text.slice(0, Math.ceil(text.length / 2))
  const sent = spoilage === 'malform' ? half : text
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    // A dropped reply announces its full length, then the connection dies partway through it.
    'content-length': Buffer.byteLength(sent),
    ...headers
  })
  if (spoilage === 'drop') response.write(half, () => response.destroy())
  else response.end(sent)
}

async function respond(parts: ServerParts, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://sandbox')
  const body = await readBody(request)
  const match = parts.router.match(request.method ?? '', url.pathname)
  if (!match) return write(response, reply(404, 'NotFound', `The sandbox has no ${request.method} ${url.pathname}`))
  if (!match.route.iterable) {
    write(
      response,
      guarded(() => answerControl(url, match, body))
    )
    return
  }

  const preempted = parts.faults.preempt()
  const answer = preempted ?? guarded(() => answerIterable(parts, request, url, match, body))
  const spoilage = preempted ? undefined : parts.faults.spoil()
  if (parts.faults.latencyMs > 0) await delay(parts.faults.latencyMs, undefined, { signal: parts.closing })
  write(response, answer, spoilage)
}

export function requestListener(parts: ServerParts): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    // Client aborts and the sandbox closing mid-wait end here: there is nobody left to answer.
    respond(parts, request, response).catch(() => response.destroy())
  }
}
