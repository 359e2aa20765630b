/** Talking to a sandbox over real HTTP, the way the destination does. */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox'

export interface Answer {
  status: number
  /** The parsed JSON reply (undefined for an empty one). */
  body: Record<string, unknown>
  headers: Headers
}

export interface Api {
  post(path: string, body?: unknown): Promise<Answer>
  get(path: string): Promise<Answer>
  delete(path: string): Promise<Answer>
  /** Sends `text`, when given, as the body, exactly as it is. */
  send(method: string, path: string, text?: string): Promise<Answer>
}

export const API_KEY = 'test-api-key'

/** `apiKey` null sends no Api-Key header at all. */
export function apiFor(url: string, apiKey: string | null = API_KEY): Api {
  const send = async (method: string, path: string, text?: string) => {
    const response = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(apiKey !== null && { 'api-key': apiKey }) },
      body: text
    })
    const reply = await response.text()
    return { status: response.status, body: reply === '' ? undefined : JSON.parse(reply), headers: response.headers }
  }
  return {
    post: (path, body) => send('POST', path, body === undefined ? undefined : JSON.stringify(body)),
    get: (path) => send('GET', path),
    delete: (path) => send('DELETE', path),
    send
  }
}

export interface SandboxContext {
  sandbox: Sandbox
  api: Api
}

/** A fresh sandbox for every test of the enclosing describe, closed after it. */
export function sandboxPerTest(options: SandboxOptions = {}): SandboxContext {
  const context = {} as SandboxContext
  beforeEach(async () => {
    context.sandbox = await startSandbox(options)
    context.api = apiFor(context.sandbox.url)
  })
  afterEach(() => context.sandbox.close())
  return context
}
