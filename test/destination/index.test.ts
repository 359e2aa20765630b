import { createTestIntegration, Destination } from '@segment/actions-core'
import nock from 'nock'
import definition from '../../src'
import { API_KEY, EU, SUCCESS, US } from '../helpers/iterable'

describe('the destination definition', () => {
  it('is the cloud destination "Iterable (Actions)" with the slug Segment users know', () => {
    expect(definition).toMatchObject({ name: 'Iterable (Actions)', slug: 'actions-iterable', mode: 'cloud' })
  })

  it('offers exactly the four actions', () => {
    expect(Object.keys(definition.actions).sort()).toEqual([
      'cartUpdates',
      'customEvent',
      'trackPurchase',
      'upsertUser'
    ])
  })
})

describe('settings', () => {
  const fields = definition.authentication!.fields

  it('asks for the API key as a required password with the documented description', () => {
    expect(fields.apiKey).toMatchObject({
      label: 'API Key',
      type: 'password',
      required: true,
      description:
        "To obtain the API Key, go to the Iterable app and naviate to Integrations > API Keys. Create a new API Key with the 'Server-Side' type."
    })
  })

  it('offers the data center as United States or Europe, United States by default', () => {
    expect(fields.dataCenterLocation).toMatchObject({
      label: 'Data Center Location',
      description: 'The location where your Iterable data is hosted.',
      required: false,
      default: 'united_states',
      choices: [
        { label: 'United States', value: 'united_states' },
        { label: 'Europe', value: 'europe' }
      ]
    })
  })
})

describe('testAuthentication', () => {
  const destination = createTestIntegration(definition)

  it('reads the webhooks of the US data center with the key', async () => {
    const scope = nock(US, { reqheaders: { 'Api-Key': API_KEY } })
      .get('/api/webhooks')
      .reply(200, { webhooks: [] })
    await expect(
      destination.testAuthentication({ apiKey: API_KEY, dataCenterLocation: 'united_states' })
    ).resolves.not.toThrow()
    expect(scope.isDone()).toBe(true)
  })

  it('reads the webhooks of the EU data center when Europe is chosen', async () => {
    const scope = nock(EU).get('/api/webhooks').reply(200, { webhooks: [] })
    await destination.testAuthentication({ apiKey: API_KEY, dataCenterLocation: 'europe' })
    expect(scope.isDone()).toBe(true)
  })

  it("fails with Iterable's reason when the key is refused", async () => {
    nock(US).get('/api/webhooks').reply(401, { msg: 'Invalid API key', code: 'BadApiKey', params: null })
    await expect(destination.testAuthentication({ apiKey: 'wrong' })).rejects.toThrow(
      /Credentials are invalid: .*401 BadApiKey: Invalid API key/
    )
  })
})

describe('every request', () => {
  it('carries the API key in the Api-Key header', async () => {
    const scope = nock(US, { reqheaders: { 'Api-Key': API_KEY } })
      .post('/api/events/track')
      .reply(200, SUCCESS)
    await new Destination(definition).onEvent(
      { type: 'track', event: 'Signed Up', userId: 'u1', messageId: 'm1' },
      {
        apiKey: API_KEY,
        subscriptions: [
          {
            subscribe: 'type = "track"',
            partnerAction: 'customEvent',
            mapping: { eventName: { '@path': '$.event' }, userId: { '@path': '$.userId' } }
          }
        ]
      }
    )
    expect(scope.isDone()).toBe(true)
  })

  it('goes to the US data center when the configured region is unknown', async () => {
    const scope = nock(US).post('/api/users/update').reply(200, SUCCESS)
    await createTestIntegration(definition).testAction('upsertUser', {
      event: { type: 'identify', userId: 'u1' },
      settings: { apiKey: API_KEY, dataCenterLocation: 'mars' as never },
      useDefaultMappings: true
    })
    expect(scope.isDone()).toBe(true)
  })
})
