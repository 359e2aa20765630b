import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback server that answers every request at once as Iterable does on success, and counts what it got. */
export interface StubServer {
  url: string
  requests: number
  bytes: number
  close(): Promise<void>
}

const SUCCESS = JSON.stringify({ msg: '', code: 'Success', params: null })
// The destination reads a bulk reply's failure lists, not its counts; answering without parsing the
// request keeps the stub's own cost out of the measurement.
const BULK_SUCCESS = JSON.stringify({ successCount: 0, failCount: 0, failedUpdates: {} })

export async function startStubServer(): Promise<StubServer> {
  const stub = { url: '', requests: 0, bytes: 0 } as StubServer
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (stub.bytes += chunk.length))
    request.on('end', () => {
      stub.requests++
      const bulk = request.url?.endsWith('Bulk') || request.url?.endsWith('bulkUpdate')
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(bulk ? BULK_SUCCESS : SUCCESS)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  stub.close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return stub
}
