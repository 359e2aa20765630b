import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Destination, type JSONObject } from '@segment/actions-core'
import definition from '../../src/index'
import { pointDestinationAt, startSandbox, type Sandbox } from '../../src/sandbox'
import type { RecordedExchange } from '../../src/tester/api-types'
import { defaultSubscriptions } from '../../src/tester/catalog'
import { recordRequests } from '../../src/tester/record-requests'

/** The recorder composed with `pointDestinationAt` as the tester composes them, over real HTTP. */

const SANDBOX_KEY = 'the-sandbox-key'
const identify = { type: 'identify' as const, userId: 'u1', traits: { email: 'ada@example.com', plan: 'pro' } }
const identifyCalls = defaultSubscriptions(definition).find((subscription) => subscription.name === 'Identify Calls')

let sandbox: Sandbox

async function deliver(to: string, apiKey = SANDBOX_KEY): Promise<{ exchanges: RecordedExchange[]; error?: Error }> {
  const exchanges: RecordedExchange[] = []
  const recorded = recordRequests(definition, (exchange) => exchanges.push(exchange))
  const destination = new Destination(pointDestinationAt(recorded, to))
  const settings = { apiKey, subscriptions: [identifyCalls] } as unknown as JSONObject
  const error = await destination.onEvent(identify, settings).then(
    () => undefined,
    (thrown: Error) => thrown
  )
  return { exchanges, error }
}

/** An address where nothing listens: a port that was free a moment ago. */
async function closedAddress(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: SANDBOX_KEY })
})

afterAll(() => sandbox.close())

test('records the request as sent: method, the URL the destination asked for, headers with the key redacted, body', async () => {
  const { exchanges } = await deliver(sandbox.url)
  expect(exchanges.map((exchange) => exchange.request)).toEqual([
    {
      method: 'POST',
      url: 'https://api.iterable.com/api/users/update',
      headers: { 'api-key': '[redacted]', 'content-type': 'application/json', 'user-agent': 'Segment (Actions)' },
      body: expect.objectContaining({ email: 'ada@example.com', userId: 'u1', dataFields: expect.any(Object) }),
      deliveredTo: `${sandbox.url}/api/users/update`
    }
  ])
})

test('records the reply as read: status, headers, body', async () => {
  const { exchanges } = await deliver(sandbox.url)
  expect(exchanges[0].reply).toEqual({
    status: 200,
    headers: expect.objectContaining({ 'content-type': 'application/json; charset=utf-8' }),
    body: expect.objectContaining({ code: 'Success' })
  })
})

test('changes nothing about the delivery: the runtime succeeds and the user is stored', async () => {
  const { error } = await deliver(sandbox.url)
  expect(error).toBeUndefined()
  expect(sandbox.state.user({ email: 'ada@example.com' })?.dataFields).toMatchObject({ plan: 'pro' })
})

test('records an error reply as a reply, and the runtime still fails', async () => {
  const { exchanges, error } = await deliver(sandbox.url, 'a-wrong-key')
  expect(exchanges).toHaveLength(1)
  expect(exchanges[0].reply).toMatchObject({ status: 401, body: { code: 'BadApiKey' } })
  expect(exchanges[0].error).toBeUndefined()
  expect(error?.message).toMatch(/BadApiKey/)
})

test('records a request that got no reply, with the reason, and the runtime still fails', async () => {
  const nowhere = await closedAddress()
  const { exchanges, error } = await deliver(nowhere)
  expect(exchanges).toEqual([
    {
      request: expect.objectContaining({
        method: 'POST',
        url: 'https://api.iterable.com/api/users/update',
        headers: expect.objectContaining({ 'api-key': '[redacted]' }),
        body: expect.objectContaining({ email: 'ada@example.com' })
      }),
      error: expect.stringContaining('ECONNREFUSED')
    }
  ])
  expect(error).toBeDefined()
})
