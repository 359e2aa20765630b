import { parseCommand, secretsIn, UsageError } from '../../src/runner/args'
import { redactor } from '../../src/runner/redact'

describe('the command line', () => {
  it('reads send with its file, flags and defaults', () => {
    expect(parseCommand(['send', 'events.ndjson', '--region', 'eu', '--out', 'r.ndjson'], {})).toEqual({
      name: 'send',
      input: 'events.ndjson',
      target: { apiKey: undefined, region: 'europe', sandbox: false, projectType: 'email' },
      subscriptionsFile: undefined,
      outFile: 'r.ndjson',
      resumeFile: undefined,
      concurrency: 8
    })
  })

  it('delivers to a running sandbox named by --sandbox-url, with the key given', () => {
    expect(parseCommand(['send', '--sandbox-url', 'http://127.0.0.1:4010/', '--api-key', 'k'], {})).toMatchObject({
      target: { sandboxUrl: 'http://127.0.0.1:4010', apiKey: 'k' }
    })
  })

  it.each([
    [['send', '--sandbox-url', 'localhost:4010'], '--sandbox-url must be a URL such as http://127.0.0.1:4010'],
    [['send', '--sandbox-url', 'http://127.0.0.1:4010', '--sandbox'], '--sandbox and --project-type are for'],
    [['send', '--sandbox-url', 'http://127.0.0.1:4010', '--project-type', 'email'], '--project-type are for']
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv, {})).toThrow(message)
  })

  it('reads --rate-scale, which multiplies the limits requests are paced at', () => {
    expect(parseCommand(['send', '--rate-scale', '0.25'], {})).toMatchObject({ name: 'send', rateScale: 0.25 })
    expect(parseCommand(['send'], {})).toMatchObject({ rateScale: undefined })
  })

  it('reads stdin when send has no file', () => {
    expect(parseCommand(['send'], {})).toMatchObject({ name: 'send', input: '-' })
  })

  it('takes the API key from ITERABLE_API_KEY unless --api-key is given', () => {
    expect(parseCommand(['check'], { ITERABLE_API_KEY: 'from-env' })).toMatchObject({ target: { apiKey: 'from-env' } })
    expect(parseCommand(['check', '--api-key', 'from-flag'], { ITERABLE_API_KEY: 'from-env' })).toMatchObject({
      target: { apiKey: 'from-flag' }
    })
  })

  it.each([
    [[], 'a command is needed: send, check or demo'],
    [['sned'], 'unknown command sned: expected send, check or demo'],
    [['send', '--verbose'], "Unknown option '--verbose'"],
    [['send', '--region', 'asia'], '--region must be us or eu, not asia'],
    [['send', '--concurrency', '0'], '--concurrency must be a whole number from 1 to 256, not 0'],
    [['send', '--project-type', 'phone'], '--project-type must be one of email, userId, hybrid, not phone'],
    [['send', 'a.ndjson', 'b.ndjson'], 'unexpected argument b.ndjson'],
    [['check', '--out', 'r.ndjson'], 'check does not take --out'],
    [['send', '--out', 'r.ndjson', '--resume', './r.ndjson'], '--out must name another file than --resume'],
    [['send', '--api-key', ' '], '--api-key is empty'],
    [['send', '--rate-scale', '0'], '--rate-scale must be a number above 0, not 0'],
    [['send', '--rate-scale', 'fast'], '--rate-scale must be a number above 0, not fast'],
    [['check', '--rate-scale', '2'], 'check does not take --rate-scale']
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseCommand(argv, {})).toThrow(UsageError)
    expect(() => parseCommand(argv, {})).toThrow(message)
  })
})

describe('keeping the API key out of output', () => {
  it('finds the keys in --api-key, --api-key= and ITERABLE_API_KEY', () => {
    expect(secretsIn(['send', '--api-key', 'k1', '--api-key=k2'], { ITERABLE_API_KEY: 'k3' })).toEqual([
      'k1',
      'k2',
      'k3'
    ])
  })

  it('replaces every occurrence of every key', () => {
    expect(redactor(['k1', undefined, 'k2'])('k1 and k2 and k1')).toBe('[redacted] and [redacted] and [redacted]')
  })
})
