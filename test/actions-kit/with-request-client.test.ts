import type { DestinationDefinition, RequestClient } from '@segment/actions-core'
import { withRequestClient } from '../../src/actions-kit/with-request-client'

/** A definition whose every function reports which request client it was handed. */
function reportingDefinition(seen: string[]): DestinationDefinition<unknown> {
  const report = (where: string) => (request: RequestClient) =>
    seen.push(`${where}:${(request as { label?: string }).label}`)
  return {
    name: 'Reporting',
    mode: 'cloud',
    authentication: {
      scheme: 'custom',
      fields: {},
      testAuthentication: (request) => report('testAuthentication')(request)
    },
    onDelete: (request) => report('onDelete')(request),
    actions: {
      act: {
        title: 'Act',
        description: 'Reports.',
        fields: {},
        perform: (request) => report('perform')(request),
        performBatch: (request) => report('performBatch')(request)
      }
    }
  }
}

describe('withRequestClient', () => {
  const labelled = (label: string) => Object.assign((() => undefined) as unknown as RequestClient, { label })

  it('hands every function the runtime calls with a request client the wrapped one', async () => {
    const seen: string[] = []
    const wrapped = withRequestClient(reportingDefinition(seen), () => labelled('wrapped'))
    const original = labelled('original')
    const input = {} as never
    await wrapped.actions.act.perform(original, input)
    await wrapped.actions.act.performBatch!(original, input)
    await wrapped.authentication!.testAuthentication!(original, input)
    await wrapped.onDelete!(original, input)
    expect(seen).toEqual(['perform:wrapped', 'performBatch:wrapped', 'testAuthentication:wrapped', 'onDelete:wrapped'])
  })

  it('leaves the definition it was given as it was', () => {
    const definition = reportingDefinition([])
    const { perform } = definition.actions.act
    withRequestClient(definition, (request) => request)
    expect(definition.actions.act.perform).toBe(perform)
  })

  it('adds no performBatch, testAuthentication or onDelete the definition lacks', () => {
    const { onDelete: _onDelete, authentication: _authentication, ...bare } = reportingDefinition([])
    const wrapped = withRequestClient(
      { ...bare, actions: { act: { ...bare.actions.act, performBatch: undefined } } },
      (request) => request
    )
    expect(wrapped.onDelete).toBeUndefined()
    expect(wrapped.authentication).toBeUndefined()
    expect(wrapped.actions.act.performBatch).toBeUndefined()
  })
})
