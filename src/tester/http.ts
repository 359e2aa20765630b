/**
 * The tester's HTTP layer: the page and its assets, and the JSON API over `TesterApp`. It listens on
 * loopback and holds an API key, so it answers only requests addressed to itself by a loopback name (a
 * page elsewhere that rebinds its own host name to 127.0.0.1 gets nothing), and it takes bodies only as
 * application/json, which a page elsewhere cannot send it without a CORS preflight it never answers.
 */
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { redactor } from '../runner/redact'
import type { ApiError } from './api-types'
import type { TesterApp } from './app'
import { PAGE_CSS, PAGE_HTML } from './page-shell'
import { BadRequest } from './send-request'

/** More than any event or mapping a person types; larger bodies are refused unread. */
export const MAX_BODY_BYTES = 1_000_000

/** Where the compiled page scripts are: `page/` beside this module, in dist. */
const PAGE_SCRIPTS = join(__dirname, 'page')
const SCRIPT_NAME = /^\/page\/([a-z][a-z-]*\.mjs)$/

/** Everything the page loads comes from here; anything else the browser refuses to load or call. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'"
].join('; ')

/** A fixed text (the page, its styles and scripts), or a JSON value. */
type Reply = { status: number; type: string; text: string } | { status: number; json: unknown }

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

const NO_CONTENT: Reply = { status: 204, type: 'text/plain; charset=utf-8', text: '' }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/**
 * JSON with every occurrence of a secret in its strings and property names replaced. Redacting values
 * rather than the serialized text catches a secret however JSON escapes it and never breaks the syntax.
 */
function redactedJson(value: unknown, secrets: string[]): string {
  if (secrets.length === 0) return JSON.stringify(value)
  const redact = redactor(secrets)
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'string') return redact(item)
    if (isPlainObject(item)) return Object.fromEntries(Object.entries(item).map(([key, inner]) => [redact(key), inner]))
    return item
  })
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new HttpProblem(415, 'send the body as application/json')
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, `the body is larger than ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HttpProblem(400, `the body is not valid JSON (${(error as Error).message})`)
  }
}

async function pageScript(name: string): Promise<Reply> {
  try {
    const text = await readFile(join(PAGE_SCRIPTS, name), 'utf8')
    return { status: 200, type: 'text/javascript; charset=utf-8', text }
  } catch {
    throw new HttpProblem(404, `no page script ${name} (is the package built?)`)
  }
}

async function route(app: TesterApp, request: IncomingMessage, path: string): Promise<Reply> {
  const endpoint = `${request.method ?? 'GET'} ${path}`
  switch (endpoint) {
    case 'GET /':
      return { status: 200, type: 'text/html; charset=utf-8', text: PAGE_HTML }
    case 'GET /page.css':
      return { status: 200, type: 'text/css; charset=utf-8', text: PAGE_CSS }
    case 'GET /api/setup':
      return { status: 200, json: app.setup() }
    case 'POST /api/send':
      return { status: 200, json: await app.send(await readBody(request)) }
    case 'PUT /api/api-key':
      app.keepApiKey(await readBody(request))
      return NO_CONTENT
    case 'DELETE /api/api-key':
      app.forgetApiKey()
      return NO_CONTENT
    case 'POST /api/sandbox/reset':
      await readBody(request)
      app.resetSandbox()
      return NO_CONTENT
  }
  const script = request.method === 'GET' ? SCRIPT_NAME.exec(path) : null
  if (script) return pageScript(script[1])
  throw new HttpProblem(404, `nothing at ${endpoint}`)
}

function failureReply(error: unknown): Reply {
  const status = error instanceof HttpProblem ? error.status : error instanceof BadRequest ? 400 : 500
  const message = error instanceof Error ? error.message : String(error)
  const reply: ApiError = { error: status === 500 ? `the tester failed: ${message}` : message }
  return { status, json: reply }
}

function write(response: ServerResponse, reply: Reply, secrets: string[]): void {
  const isJson = 'json' in reply
  response.writeHead(reply.status, {
    'content-type': isJson ? 'application/json; charset=utf-8' : reply.type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY
  })
  // Whatever a reply carries (an event, Iterable's answer, an error), the kept API key never leaves.
  response.end(isJson ? redactedJson(reply.json, secrets) : reply.text)
}

/** `hosts`: the Host header values this server answers to, e.g. 127.0.0.1:4020 and localhost:4020. */
export function testerListener(app: TesterApp, hosts: () => string[]): RequestListener {
  return (request, response) => {
    if (!hosts().includes(request.headers.host ?? '')) {
      write(response, { status: 403, json: { error: 'this tester answers only on its loopback address' } }, [])
      return
    }
    const path = new URL(request.url ?? '/', 'http://tester').pathname
    route(app, request, path)
      .catch(failureReply)
      .then((reply) => write(response, reply, app.secrets))
  }
}
