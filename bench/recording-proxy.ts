import { Agent, createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { endpointOf, wireBytes, type EndpointTraffic } from './traffic'

/** What one endpoint received through the proxy and how it answered. */
export interface RecordedTraffic extends EndpointTraffic {
  /** Requests by the HTTP status they were answered with. */
  statuses: Record<number, number>
  /** Events or users the requests answered 200 carried: a bulk body's list length, otherwise 1. */
  deliveredItems: number
  /** performance.now() when the first and the last request arrived. */
  firstRequestAt: number
  lastRequestAt: number
}

export interface RecordingProxy {
  url: string
  traffic(): RecordedTraffic[]
  close(): Promise<void>
}

function itemsIn(body: Buffer): number {
  if (body.length === 0) return 1
  const parsed = JSON.parse(body.toString('utf8')) as { events?: unknown; users?: unknown }
  const list = parsed.events ?? parsed.users
  return Array.isArray(list) ? list.length : 1
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/**
 * A loopback HTTP proxy in front of `target` that records, per endpoint, the requests, their statuses,
 * what they carried and when: the view from the wire, outside both the command and the sandbox.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const traffic = new Map<string, RecordedTraffic>()
  const record = (request: IncomingMessage, body: Buffer, status: number, arrivedAt: number) => {
    const endpoint = endpointOf(request)
    const recorded = traffic.get(endpoint) ?? {
      endpoint,
      requests: 0,
      bytes: 0,
      statuses: {},
      deliveredItems: 0,
      firstRequestAt: arrivedAt,
      lastRequestAt: arrivedAt
    }
    recorded.requests++
    recorded.bytes += wireBytes(request, body.length)
    recorded.statuses[status] = (recorded.statuses[status] ?? 0) + 1
    if (status === 200) recorded.deliveredItems += itemsIn(body)
    recorded.firstRequestAt = Math.min(recorded.firstRequestAt, arrivedAt)
    recorded.lastRequestAt = Math.max(recorded.lastRequestAt, arrivedAt)
    traffic.set(endpoint, recorded)
  }

  const agent = new Agent({ keepAlive: true })
  const { hostname, port } = new URL(target)
  const relay = async (request: IncomingMessage, response: ServerResponse) => {
    const arrivedAt = performance.now()
    const body = await bodyOf(request)
    const { method, url: path, headers } = request
    const upstream = forward({ hostname, port, method, path, headers, agent }, (answer) => {
      const status = answer.statusCode ?? 502
      response.writeHead(status, answer.headers)
      answer.pipe(response)
      answer.on('end', () => record(request, body, status, arrivedAt))
    })
    upstream.on('error', () => response.destroy())
    upstream.end(body)
  }
  const server = createServer((request, response) => void relay(request, response).catch(() => response.destroy()))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    traffic: () => [...traffic.values()],
    close: async () => {
      agent.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
