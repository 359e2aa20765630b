import { Destination } from '@segment/actions-core'
import nock from 'nock'
import definition from '../../src'
import { API_KEY, EU, SUCCESS, US } from '../helpers/iterable'

const destination = new Destination(definition)
const deletion = (userId: string | null) => ({ type: 'delete' as const, userId, messageId: 'del-1' })

describe('deleting a user at their request (onDelete)', () => {
  it('deletes the user by userId on the configured data center', async () => {
    const scope = nock(EU, { reqheaders: { 'Api-Key': API_KEY } })
      .delete('/api/users/byUserId/user-1')
      .reply(200, SUCCESS)
    await destination.onDelete!(deletion('user-1'), { apiKey: API_KEY, dataCenterLocation: 'europe' })
    expect(scope.isDone()).toBe(true)
  })

  it('URL-encodes the userId', async () => {
    const scope = nock(US).delete('/api/users/byUserId/a%2Fb%20c%3F').reply(200, SUCCESS)
    await destination.onDelete!(deletion('a/b c?'), { apiKey: API_KEY })
    expect(scope.isDone()).toBe(true)
  })

  it('counts a user Iterable does not know as deleted', async () => {
    nock(US).delete('/api/users/byUserId/gone').reply(404, { msg: 'User not found', code: 'NotFound', params: null })
    await expect(destination.onDelete!(deletion('gone'), { apiKey: API_KEY })).resolves.toBeDefined()
  })

  it('fails with Iterable’s reason when the key is refused', async () => {
    nock(US)
      .delete('/api/users/byUserId/user-1')
      .reply(401, { msg: 'Invalid API key', code: 'BadApiKey', params: null })
    await expect(destination.onDelete!(deletion('user-1'), { apiKey: API_KEY })).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('BadApiKey')
    })
  })

  it('fails as retryable when Iterable is unavailable', async () => {
    nock(US)
      .delete('/api/users/byUserId/user-1')
      .times(3)
      .reply(503, { msg: 'Service unavailable', code: 'GenericError', params: null })
    await expect(destination.onDelete!(deletion('user-1'), { apiKey: API_KEY })).rejects.toMatchObject({
      status: 503,
      code: 'RETRYABLE_ERROR'
    })
  })

  it('refuses a deletion without a userId, sending nothing', async () => {
    await expect(destination.onDelete!(deletion(null), { apiKey: API_KEY })).rejects.toThrow(/needs the userId/)
  })

  it.each(['.', '..'])('refuses the userId "%s", which a URL cannot address', async (userId) => {
    await expect(destination.onDelete!(deletion(userId), { apiKey: API_KEY })).rejects.toThrow(/cannot be addressed/)
  })
})
