import type { RecordedExchange } from '../../src/tester/api-types'
import { usersNamedIn } from '../../src/tester/profiles'

const sent = (body: unknown): RecordedExchange => ({
  request: { method: 'POST', url: 'https://api.iterable.com/api/x', headers: {}, body }
})

test('names the user at the top of event and user requests', () => {
  expect(usersNamedIn([sent({ email: 'ada@example.com', eventName: 'Read' })])).toEqual([{ email: 'ada@example.com' }])
})

test('names the user of commerce requests', () => {
  expect(usersNamedIn([sent({ user: { userId: 'u1' }, items: [] })])).toEqual([{ userId: 'u1' }])
})

test("names an email change's new email, by which the user is found afterwards", () => {
  expect(usersNamedIn([sent({ currentEmail: 'old@example.com', newEmail: 'new@example.com' })])).toEqual([
    { email: 'new@example.com' }
  ])
})

test('puts emails before userIds and names each identifier once', () => {
  const exchanges = [sent({ userId: 'u1', email: 'ada@example.com' }), sent({ user: { email: 'ada@example.com' } })]
  expect(usersNamedIn(exchanges)).toEqual([{ email: 'ada@example.com' }, { userId: 'u1' }])
})

test('names nobody for requests without a JSON object body', () => {
  expect(usersNamedIn([sent(undefined), sent('text'), sent([{ email: 'a@b.co' }])])).toEqual([])
})
