/**
 * The event tester: a web page on loopback to try an event and its mappings and see exactly what Iterable
 * receives, with an embedded Iterable sandbox standing in for Iterable.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startSandbox, type ProjectType, type Sandbox } from '../sandbox'
import { TesterApp } from './app'
import { testerListener } from './http'

export interface TesterOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** The embedded sandbox's project type; email-based unless set, as for `send`. */
  projectType?: ProjectType
  /** Where requests meant for Iterable go instead; tests stand a second sandbox there. */
  iterableStandIn?: string
}

export interface Tester {
  /** The page, e.g. http://127.0.0.1:4020/ */
  url: string
  sandbox: Sandbox
  close(): Promise<void>
}

const HOST = '127.0.0.1'

export async function startTester(options: TesterOptions = {}): Promise<Tester> {
  const { port = 0, projectType = 'email', iterableStandIn } = options
  const sandbox = await startSandbox({ projectType })
  const app = new TesterApp(sandbox, iterableStandIn)
  let hosts: string[] = []
  const server = createServer(testerListener(app, () => hosts))
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, HOST, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await sandbox.close()
    throw error
  }
  const { port: listening } = server.address() as AddressInfo
  hosts = [`${HOST}:${listening}`, `localhost:${listening}`]
  return {
    url: `http://${HOST}:${listening}/`,
    sandbox,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      await sandbox.close()
    }
  }
}
