/**
 * An Iterable stand-in on loopback: the part of Iterable's REST API the destination uses, over real HTTP,
 * with Iterable's checks, limits, project types and reply shapes, plus injected faults. It does not know
 * the destination; it judges whatever calls it.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Faults, type FaultOptions } from './faults'
import { PROJECT_TYPES, type ProjectType } from './identity'
import { RateLimiter } from './rate-limit'
import { sandboxRouter } from './routes'
import { requestListener } from './server'
import { SandboxState } from './state'

export { pointDestinationAt } from './point-at-sandbox'
export type { FaultOptions } from './faults'
export { PROJECT_TYPES, type ProjectType } from './identity'
export type { Counts, UserKey } from './state'
export type { EventView, UserView } from './views'
export type { Faults, SandboxState }

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Loopback unless set. */
  host?: string
  /** Which of Iterable's project types the sandbox project is; hybrid unless set. */
  projectType?: ProjectType
  /** When set, the only Api-Key accepted; otherwise any non-empty key is. */
  apiKey?: string
  /** Multiplies every rate limit: 10 allows ten times Iterable's documented rates, 0.1 a tenth. 1 unless set. */
  rateScale?: number
  /** Faults in force from the start; change them later through `faults`. */
  faults?: FaultOptions
}

export interface Sandbox {
  /** Base URL standing in for https://api.iterable.com, e.g. http://127.0.0.1:53121 */
  url: string
  projectType: ProjectType
  /** The project's data: read it, mark users forgotten, reset it. */
  state: SandboxState
  /** Injected faults, changeable while running. */
  faults: Faults
  /** Empties the project and refills every rate-limit budget (POST /sandbox/reset does the same). */
  reset(): void
  close(): Promise<void>
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { port = 0, host = '127.0.0.1', projectType = 'hybrid', apiKey, rateScale = 1 } = options
  if (!PROJECT_TYPES.includes(projectType)) {
    throw new RangeError(`projectType must be one of ${PROJECT_TYPES.join(', ')}, not ${projectType}`)
  }
  if (apiKey === '') throw new RangeError('apiKey, when set, must not be empty')

  const state = new SandboxState(projectType)
  const faults = new Faults(options.faults)
  const limiter = new RateLimiter(rateScale)
  const reset = () => {
    state.reset()
    limiter.reset()
  }
  const closing = new AbortController()
  const router = sandboxRouter({ state, faults, reset })
  const server = createServer(requestListener({ router, faults, limiter, apiKey, closing: closing.signal }))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    url: `http://${shownHost}:${address.port}`,
    projectType,
    state,
    faults,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}
