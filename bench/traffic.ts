import type { IncomingMessage } from 'node:http'

/** What one endpoint received, named `METHOD /path`. */
export interface EndpointTraffic {
  endpoint: string
  requests: number
  /** Request bytes as they came over the connection: request line, headers and body. */
  bytes: number
}

export const endpointOf = (request: IncomingMessage): string =>
  `${request.method} ${new URL(request.url ?? '/', 'http://loopback').pathname}`

/** The size of a request as it came over HTTP/1.1: request line, headers as sent, blank line, body. */
export function wireBytes(request: IncomingMessage, bodyBytes: number): number {
  let bytes = Buffer.byteLength(`${request.method} ${request.url} HTTP/${request.httpVersion}\r\n\r\n`) + bodyBytes
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    bytes += Buffer.byteLength(`${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}\r\n`)
  }
  return bytes
}
