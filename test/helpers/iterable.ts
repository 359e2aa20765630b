import nock from 'nock'
import { REGIONS } from '../../src/iterable/endpoints'
import { validateDefinition, type DefinitionName } from '../../src/iterable/schema'

export const API_KEY = 'test-api-key'
export const US = REGIONS.united_states
export const EU = REGIONS.europe

export const SUCCESS = { msg: 'ok', code: 'Success', params: null }

/** Fails the test when a body breaks Iterable's definition, naming every problem. */
export function expectConformsTo(definition: DefinitionName, body: unknown): void {
  expect(validateDefinition(definition, body)).toEqual([])
}

/** Answers every POST to `path` on `origin` with `reply`, and records each body sent. */
export function captureBodies(origin: string, path: string, reply: object = SUCCESS, status = 200): unknown[] {
  const bodies: unknown[] = []
  nock(origin)
    .post(path)
    .reply(status, (_uri, body) => {
      bodies.push(body)
      return reply
    })
    .persist()
  return bodies
}

afterEach(() => {
  nock.cleanAll()
})

beforeAll(() => {
  nock.disableNetConnect()
})

afterAll(() => {
  nock.enableNetConnect()
})
