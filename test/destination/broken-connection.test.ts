import { Destination, type JSONObject } from '@segment/actions-core'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import definition from '../../src'
import { pointDestinationAt } from '../../src/sandbox/point-at-sandbox'

/**
 * A connection that breaks before Iterable answers: a real loopback server that hangs up on every
 * request (nock's simulated socket errors race with the HTTP client and are not reliable here).
 */
describe('a connection that breaks before Iterable answers', () => {
  let server: Server
  let url: string

  beforeAll(async () => {
    server = createServer((request) => request.socket.destroy())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** The automatic preset that runs an action, as the only subscription. */
  const subscriptionsFor = (partnerAction: string) =>
    (definition.presets ?? []).filter(
      (preset) => preset.type === 'automatic' && preset.partnerAction === partnerAction
    ) as unknown as JSONObject[]

  it('fails every event of a batch as retryable 503, naming the broken connection', async () => {
    const destination = new Destination(pointDestinationAt(definition, url))
    const [result] = await destination.onBatch(
      [
        { type: 'track', event: 'Signed Up', userId: 'u1' },
        { type: 'track', event: 'Signed Up', userId: 'u2' }
      ],
      { apiKey: 'k', subscriptions: subscriptionsFor('customEvent') }
    )
    expect(result.multistatus).toHaveLength(2)
    for (const entry of result.multistatus ?? []) {
      expect(entry).toMatchObject({ status: 503, errortype: 'SERVICE_UNAVAILABLE' })
      expect('errormessage' in entry && entry.errormessage).toMatch(/could not be reached: .*socket hang up/)
    }
  })

  it('fails a single event with a retryable error', async () => {
    const destination = new Destination(pointDestinationAt(definition, url))
    await expect(
      destination.onEvent(
        { type: 'identify', userId: 'u1' },
        { apiKey: 'k', subscriptions: subscriptionsFor('upsertUser') }
      )
    ).rejects.toMatchObject({ status: 503, code: 'RETRYABLE_ERROR' })
  })
})
