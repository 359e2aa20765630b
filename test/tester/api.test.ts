import { request as httpRequest } from 'node:http'
import definition from '../../src/index'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { startTester, type Tester } from '../../src/tester'
import type { SendResponse, Setup, SubscriptionResult, TesterSubscription } from '../../src/tester/api-types'
import { EXAMPLES } from '../../src/tester/examples'
import { UNREADABLE_TRIGGER } from '../../src/tester/outcome'

/**
 * The tester's API over real HTTP, as its page uses it. A second sandbox stands in for Iterable: it accepts
 * only API_KEY, so a delivery there proves the kept key was used.
 */

const API_KEY = '4f1c9e2ab7d84c0e9a6b3f5d2c1e0a9b'

let tester: Tester
let iterable: Sandbox

interface Answer {
  status: number
  headers: Headers
  text: string
  json: unknown
}

async function call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Answer> {
  const response = await fetch(new URL(path, tester.url), {
    method,
    headers: { 'content-type': contentType },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) })
  })
  const text = await response.text()
  const isJson = response.headers.get('content-type')?.startsWith('application/json')
  return { status: response.status, headers: response.headers, text, json: isJson ? JSON.parse(text) : undefined }
}

const example = (name: string) => {
  const found = EXAMPLES.find((candidate) => candidate.name === name)
  if (!found) throw new Error(`no example ${name}`)
  return found.event
}

let presets: TesterSubscription[]

async function send(
  event: object,
  options: { subscriptions?: TesterSubscription[]; region?: string; target?: string } = {}
): Promise<SendResponse> {
  const { subscriptions = presets, region = 'united_states', target = 'sandbox' } = options
  const answer = await call('POST', '/api/send', { event, settings: { region, target }, subscriptions })
  expect(answer.status).toBe(200)
  return answer.json as SendResponse
}

const resultFor = (response: SendResponse, action: string): SubscriptionResult => {
  const result = response.results.find((candidate) => candidate.partnerAction === action)
  if (!result) throw new Error(`no result for ${action}`)
  return result
}

const presetFor = (action: string): TesterSubscription => {
  const preset = presets.find((candidate) => candidate.partnerAction === action)
  if (!preset) throw new Error(`no preset for ${action}`)
  return preset
}

beforeAll(async () => {
  iterable = await startSandbox({ apiKey: API_KEY, projectType: 'email' })
  tester = await startTester({ iterableStandIn: iterable.url })
  presets = ((await call('GET', '/api/setup')).json as Setup).subscriptions
})

afterAll(async () => {
  await tester?.close()
  await iterable?.close()
})

beforeEach(async () => {
  tester.sandbox.reset()
  iterable.reset()
  await call('DELETE', '/api/api-key')
})

describe('the page', () => {
  test('GET / serves the page, whose styles and scripts all come from the tester', async () => {
    const answer = await call('GET', '/')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const addresses = [...answer.text.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1])
    expect(addresses).toEqual(['data:,', '/page.css', '/page/app.mjs'])
  })

  test('the page may load and call nothing but the tester (Content-Security-Policy)', async () => {
    const answer = await call('GET', '/')
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'")
  })

  test('the styles import nothing and use system fonts', async () => {
    const answer = await call('GET', '/page.css')
    expect(answer.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(answer.text).not.toMatch(/url\(|@import|@font-face/)
  })
})

describe('GET /api/setup', () => {
  test('offers the examples to start from', async () => {
    const setup = (await call('GET', '/api/setup')).json as Setup
    expect(setup.examples.map((candidate) => candidate.name)).toEqual([
      'Identify',
      'Custom track (Article Read)',
      'Cart Updated',
      'Order Completed',
      'Track without identity'
    ])
  })

  test('offers the automatic presets, with their triggers and mappings, as the subscriptions', async () => {
    const setup = (await call('GET', '/api/setup')).json as Setup
    const automatic = (definition.presets ?? []).flatMap((preset) => (preset.type === 'automatic' ? [preset] : []))
    expect(setup.subscriptions).toEqual(
      automatic.map(({ name, partnerAction, subscribe, mapping }) => ({ name, partnerAction, subscribe, mapping }))
    )
  })

  test('describes each action for adding a subscription: default trigger, mapping, required fields', async () => {
    const setup = (await call('GET', '/api/setup')).json as Setup
    const trackPurchase = setup.actions.find((action) => action.slug === 'trackPurchase')
    expect(setup.actions.map((action) => action.slug)).toEqual(Object.keys(definition.actions))
    expect(trackPurchase).toMatchObject({
      title: 'Track Purchase',
      defaultSubscription: 'type = "track" and event = "Order Completed"',
      requiredFields: ['User Data (user)', 'Cart items (items)', 'Total (total)']
    })
    expect(trackPurchase?.mapping).toEqual(presetFor('trackPurchase').mapping)
  })

  test('names the regions and the sandbox project, and says no key is kept', async () => {
    const setup = (await call('GET', '/api/setup')).json as Setup
    expect(setup.regions).toEqual([
      { value: 'united_states', label: 'United States' },
      { value: 'europe', label: 'Europe' }
    ])
    expect(setup.sandboxProject).toBe('an email-based project')
    expect(setup.apiKeySet).toBe(false)
  })
})

describe('POST /api/send to the sandbox', () => {
  test('runs every subscription in order and says which triggers matched', async () => {
    const response = await send(example('Order Completed'))
    expect(response.deliveredTo).toBe('the embedded Iterable sandbox (an email-based project)')
    expect(response.results.map((result) => [result.partnerAction, result.outcome.kind])).toEqual([
      ['customEvent', 'not-matched'],
      ['upsertUser', 'not-matched'],
      ['cartUpdates', 'not-matched'],
      ['trackPurchase', 'delivered']
    ])
  })

  test('shows the payload the mapping resolved', async () => {
    const purchase = resultFor(await send(example('Order Completed')), 'trackPurchase')
    expect(purchase.payload).toMatchObject({
      id: 'order-1843',
      total: 63.5,
      user: { email: 'ada@example.com', userId: 'user-42' },
      items: [{ id: 'sku-lamp', categories: 'Home' }, { id: 'sku-ink' }]
    })
  })

  test('shows the request as sent to Iterable: method, URL, headers with the key redacted, body', async () => {
    const [exchange] = resultFor(await send(example('Order Completed')), 'trackPurchase').exchanges
    expect(exchange.request).toEqual({
      method: 'POST',
      url: 'https://api.iterable.com/api/commerce/trackPurchase',
      headers: { 'api-key': '[redacted]', 'content-type': 'application/json', 'user-agent': 'Segment (Actions)' },
      body: expect.objectContaining({ id: 'order-1843', total: 63.5, createdAt: 1772443800 }),
      deliveredTo: `${tester.sandbox.url}/api/commerce/trackPurchase`
    })
  })

  test("shows Iterable's reply", async () => {
    const [exchange] = resultFor(await send(example('Order Completed')), 'trackPurchase').exchanges
    expect(exchange.reply).toMatchObject({
      status: 200,
      body: { code: 'Success', msg: 'Purchase with id: order-1843 tracked.' }
    })
  })

  test('shows the purchase on the profile of the user the request named', async () => {
    const [profile] = (await send(example('Order Completed'))).profiles
    expect(profile).toMatchObject({ email: 'ada@example.com', userId: 'user-42', cart: [], events: [] })
    expect(profile.purchases).toEqual([
      expect.objectContaining({ id: 'order-1843', total: 63.5, createdAt: '2026-03-02 09:30:00 +00:00' })
    ])
  })

  test('identify: the profile shows the fields it set', async () => {
    const [profile] = (await send(example('Identify'))).profiles
    expect(profile.fields).toMatchObject({ firstName: 'Ada', plan: 'premium', phoneNumber: '+14155550123' })
  })

  test("a custom event after identify: the profile lists it among the user's events", async () => {
    await send(example('Identify'))
    const [profile] = (await send(example('Custom track (Article Read)'))).profiles
    expect(profile.events).toEqual([
      expect.objectContaining({
        eventName: 'Article Read',
        dataFields: expect.objectContaining({ readingMinutes: 12 })
      })
    ])
  })

  test('Cart Updated: the profile shows the cart', async () => {
    const [profile] = (await send(example('Cart Updated'))).profiles
    expect(profile.cart).toEqual([
      expect.objectContaining({ id: 'sku-lamp', quantity: 1 }),
      expect.objectContaining({ id: 'sku-ink', quantity: 2 })
    ])
  })

  test("a refusal from Iterable fails the subscription with Iterable's status, code and message", async () => {
    // An email-based project creates no user for a custom event: Ada has not been identified yet.
    const track = resultFor(await send(example('Custom track (Article Read)')), 'customEvent')
    expect(track.outcome).toEqual({
      kind: 'failed',
      status: 400,
      message: expect.stringMatching(/^Iterable answered 400 UnknownEmailError: No user with email ada@example\.com/)
    })
    expect(track.exchanges[0].reply?.body).toMatchObject({ code: 'UnknownEmailError' })
  })

  test('an event without email or userId fails validation in plain words and sends nothing', async () => {
    const track = resultFor(await send(example('Track without identity')), 'customEvent')
    expect(track.outcome).toEqual({ kind: 'invalid-payload', problems: ['Must include email or userId.'] })
    expect(track.exchanges).toEqual([])
  })

  test('a mapping that gives a required field no value names the field and sends nothing', async () => {
    const { total: _total, ...mapping } = presetFor('trackPurchase').mapping
    const response = await send(example('Order Completed'), {
      subscriptions: [{ ...presetFor('trackPurchase'), mapping }]
    })
    expect(response.results[0].outcome).toEqual({
      kind: 'invalid-payload',
      problems: ['Total (total) is required, but the mapping gives it no value for this event.']
    })
    expect(response.results[0].exchanges).toEqual([])
  })

  test('a trigger that is not FQL is reported for its subscription while the others still run', async () => {
    const broken = { ...presetFor('customEvent'), subscribe: 'type = "track" and (' }
    const response = await send(example('Order Completed'), { subscriptions: [broken, presetFor('trackPurchase')] })
    expect(response.results[0].outcome).toEqual({ kind: 'invalid-trigger', message: UNREADABLE_TRIGGER })
    expect(response.results[1].outcome).toEqual({ kind: 'delivered' })
  })

  test('a mapping directive that cannot be applied is reported as a mapping error', async () => {
    const subscription = { ...presetFor('trackPurchase'), mapping: { total: { '@path': 42 } } }
    const [result] = (await send(example('Order Completed'), { subscriptions: [subscription] })).results
    expect(result.outcome).toEqual({ kind: 'invalid-mapping', message: expect.stringContaining('@path') })
  })

  test("the Europe data center: the request names Iterable's EU host, and the sandbox answers it", async () => {
    const response = await send(example('Order Completed'), { region: 'europe' })
    const [exchange] = resultFor(response, 'trackPurchase').exchanges
    expect(exchange.request.url).toBe('https://api.eu.iterable.com/api/commerce/trackPurchase')
    expect(exchange.reply?.status).toBe(200)
  })
})

describe('an API key for Iterable', () => {
  test('a kept key is used for requests to Iterable and appears nowhere in the answer', async () => {
    expect((await call('PUT', '/api/api-key', { apiKey: API_KEY })).status).toBe(204)
    const answer = await call('POST', '/api/send', {
      event: example('Order Completed'),
      settings: { region: 'united_states', target: 'iterable' },
      subscriptions: [presetFor('trackPurchase')]
    })
    const response = answer.json as SendResponse
    expect(response.deliveredTo).toBe('Iterable (United States data center)')
    expect(response.results[0].outcome).toEqual({ kind: 'delivered' })
    expect(response.results[0].exchanges[0].request.headers['api-key']).toBe('[redacted]')
    expect(answer.text).not.toContain(API_KEY)
  })

  test('the kept key is scrubbed even from what the event itself carries', async () => {
    await call('PUT', '/api/api-key', { apiKey: API_KEY })
    const event = { ...example('Order Completed'), properties: { note: `key ${API_KEY}`, [API_KEY]: true } }
    const answer = await call('POST', '/api/send', {
      event,
      settings: { region: 'united_states', target: 'sandbox' },
      subscriptions: [presetFor('trackPurchase')]
    })
    expect(answer.text).not.toContain(API_KEY)
    expect(answer.text).toContain('key [redacted]')
  })

  test('the setup says a key is kept, without showing it', async () => {
    await call('PUT', '/api/api-key', { apiKey: API_KEY })
    const answer = await call('GET', '/api/setup')
    expect((answer.json as Setup).apiKeySet).toBe(true)
    expect(answer.text).not.toContain(API_KEY)
  })

  test('sending to Iterable without a kept key is refused', async () => {
    const answer = await call('POST', '/api/send', {
      event: example('Order Completed'),
      settings: { region: 'united_states', target: 'iterable' },
      subscriptions: presets
    })
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({ error: 'no API key is kept: enter one before sending to Iterable' })
  })

  test('a forgotten key is no longer kept', async () => {
    await call('PUT', '/api/api-key', { apiKey: API_KEY })
    expect((await call('DELETE', '/api/api-key')).status).toBe(204)
    expect(((await call('GET', '/api/setup')).json as Setup).apiKeySet).toBe(false)
  })

  test('an empty key is refused', async () => {
    const answer = await call('PUT', '/api/api-key', { apiKey: '  ' })
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({ error: 'expected {"apiKey": "..."} with a non-empty key' })
  })
})

describe('POST /api/sandbox/reset', () => {
  test('empties the sandbox', async () => {
    await send(example('Identify'))
    expect((await call('POST', '/api/sandbox/reset', {})).status).toBe(204)
    expect(tester.sandbox.state.user({ email: 'ada@example.com' })).toBeUndefined()
  })
})

describe('requests the API refuses', () => {
  test('a send request without subscriptions as an array, saying what is wrong', async () => {
    const answer = await call('POST', '/api/send', {
      event: {},
      settings: { region: 'united_states', target: 'sandbox' },
      subscriptions: {}
    })
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual({ error: 'subscriptions must be an array' })
  })

  test('a body that is not JSON', async () => {
    const answer = await call('POST', '/api/send', '{"event": ')
    expect(answer.status).toBe(400)
    expect((answer.json as { error: string }).error).toMatch(/^the body is not valid JSON/)
  })

  test('a body sent as anything but application/json, which a page elsewhere could post (415)', async () => {
    const answer = await call('PUT', '/api/api-key', JSON.stringify({ apiKey: API_KEY }), 'text/plain')
    expect(answer.status).toBe(415)
    expect(((await call('GET', '/api/setup')).json as Setup).apiKeySet).toBe(false)
  })

  test('a request addressed to another host name, as a DNS-rebinding page would send (403)', async () => {
    const { port } = new URL(tester.url)
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port, path: '/api/setup', headers: { host: `attacker.example:${port}` } },
        (incoming) => {
          incoming.resume()
          resolve(incoming.statusCode ?? 0)
        }
      )
      outgoing.on('error', reject).end()
    })
    expect(status).toBe(403)
  })

  test('an unknown address (404)', async () => {
    const answer = await call('GET', '/api/nothing')
    expect(answer.status).toBe(404)
    expect(answer.json).toEqual({ error: 'nothing at GET /api/nothing' })
  })
})
