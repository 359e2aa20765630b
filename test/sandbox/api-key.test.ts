import { startSandbox, type Sandbox } from '../../src/sandbox'
import { apiFor, sandboxPerTest } from './http'

describe('the Api-Key header', () => {
  describe('when the sandbox was started without a key', () => {
    const context = sandboxPerTest()

    it('is required: without it the reply is 401 BadApiKey', async () => {
      const answer = await apiFor(context.sandbox.url, null).get('/api/webhooks')
      expect(answer).toMatchObject({ status: 401, body: { code: 'BadApiKey', msg: 'Invalid API key' } })
    })

    it('must not be empty', async () => {
      const answer = await apiFor(context.sandbox.url, '').get('/api/webhooks')
      expect(answer.status).toBe(401)
    })

    it('may be any non-empty key', async () => {
      const answer = await apiFor(context.sandbox.url, 'whatever').get('/api/webhooks')
      expect(answer).toMatchObject({ status: 200, body: { webhooks: [] } })
    })
  })

  describe('when the sandbox was started with a key', () => {
    let sandbox: Sandbox
    beforeEach(async () => {
      sandbox = await startSandbox({ apiKey: 'the-key' })
    })
    afterEach(() => sandbox.close())

    it('must be that key', async () => {
      const answer = await apiFor(sandbox.url, 'another-key').post('/api/users/update', { email: 'a@example.com' })
      expect(answer).toMatchObject({ status: 401, body: { code: 'BadApiKey' } })
      expect(sandbox.state.user({ email: 'a@example.com' })).toBeUndefined()
    })

    it('lets that key through', async () => {
      const answer = await apiFor(sandbox.url, 'the-key').post('/api/users/update', { email: 'a@example.com' })
      expect(answer).toMatchObject({ status: 200, body: { code: 'Success' } })
    })
  })

  it('is not needed by the sandbox-only routes', async () => {
    const sandbox = await startSandbox({ apiKey: 'the-key' })
    try {
      expect((await apiFor(sandbox.url, null).post('/sandbox/reset')).status).toBe(200)
    } finally {
      await sandbox.close()
    }
  })
})
