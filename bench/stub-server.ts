import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { endpointOf, wireBytes, type EndpointTraffic } from './traffic'

/** A loopback server that answers every request at once as Iterable does on success, and counts what it got. */
export interface StubServer {
  url: string
  /** What each endpoint received since the start or the last `clearTraffic`. */
  traffic(): EndpointTraffic[]
  clearTraffic(): void
  close(): Promise<void>
}

const SUCCESS = JSON.stringify({ msg: '', code: 'Success', params: null })
// The destination reads a bulk reply's failure lists, not its counts; answering without parsing the
// request keeps the stub's own cost out of the measurement.
const BULK_SUCCESS = JSON.stringify({ successCount: 0, failCount: 0, failedUpdates: {} })

export async function startStubServer(): Promise<StubServer> {
  const traffic = new Map<string, EndpointTraffic>()
  const server = createServer((request, response) => {
    let bodyBytes = 0
    request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length))
    request.on('end', () => {
      const endpoint = endpointOf(request)
      const counted = traffic.get(endpoint) ?? { endpoint, requests: 0, bytes: 0 }
      counted.requests++
      counted.bytes += wireBytes(request, bodyBytes)
      traffic.set(endpoint, counted)
      const bulk = request.url?.endsWith('Bulk') || request.url?.endsWith('bulkUpdate')
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(bulk ? BULK_SUCCESS : SUCCESS)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    traffic: () => [...traffic.values()],
    clearTraffic: () => traffic.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
