import type { DestinationDefinition, RequestClient } from '@segment/actions-core'
import { pointDestinationAt } from '../../src/sandbox'

const SANDBOX = 'http://127.0.0.1:4010'

/** A definition whose every request function asks for `url`, and a request client recording what is sent. */
function definitionRequesting(url: string) {
  const ask = (request: RequestClient) => request(url)
  const definition: DestinationDefinition<object> = {
    name: 'Probe',
    mode: 'cloud',
    authentication: { scheme: 'custom', fields: {}, testAuthentication: ask },
    onDelete: ask,
    actions: { probe: { title: 'Probe', description: 'Probe', fields: {}, perform: ask, performBatch: ask } }
  }
  return definition
}

function recordingClient(): { request: RequestClient; urls: string[] } {
  const urls: string[] = []
  const request = (async (url: string) => {
    urls.push(url)
    return {}
  }) as unknown as RequestClient
  return { request, urls }
}

async function urlsSentFor(url: string): Promise<string[]> {
  const pointed = pointDestinationAt(definitionRequesting(url), SANDBOX)
  const { request, urls } = recordingClient()
  const input = {} as never
  await pointed.actions.probe.perform(request, input)
  await pointed.actions.probe.performBatch!(request, input)
  await pointed.authentication!.testAuthentication!(request, input)
  await pointed.onDelete!(request, input)
  return urls
}

describe('pointDestinationAt', () => {
  it('sends requests for Iterable’s US data center to the sandbox, path and query kept', async () => {
    const urls = await urlsSentFor('https://api.iterable.com/api/events/track?x=1')
    expect(urls).toEqual(Array(4).fill(`${SANDBOX}/api/events/track?x=1`))
  })

  it('sends requests for Iterable’s EU data center to the sandbox', async () => {
    expect(await urlsSentFor('https://api.eu.iterable.com/api/users/update')).toEqual(
      Array(4).fill(`${SANDBOX}/api/users/update`)
    )
  })

  it('leaves requests to any other host alone, including look-alikes of Iterable’s', async () => {
    expect(await urlsSentFor('https://example.com/api')).toEqual(Array(4).fill('https://example.com/api'))
    expect(await urlsSentFor('https://api.iterable.com.example.com/x')).toContain(
      'https://api.iterable.com.example.com/x'
    )
  })

  it('leaves the definition it was given untouched', async () => {
    const definition = definitionRequesting('https://api.iterable.com/api/webhooks')
    const perform = definition.actions.probe.perform
    pointDestinationAt(definition, SANDBOX)
    expect(definition.actions.probe.perform).toBe(perform)
  })
})
