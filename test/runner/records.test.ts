import { countRecords, parseRecord, readRecords, type InputRecord } from '../../src/runner/records'

async function* chunks(...parts: string[]): AsyncGenerator<string> {
  yield* parts
}

async function records(...parts: string[]): Promise<InputRecord[]> {
  const all: InputRecord[] = []
  for await (const record of readRecords(chunks(...parts))) all.push(record)
  return all
}

describe('reading NDJSON', () => {
  it('yields each non-blank line with its line number, counting blank lines', async () => {
    expect(await records('{"a":1}\n\n  \n{"b":2}\r\n{"c":3}')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":2}' },
      { line: 5, text: '{"c":3}' }
    ])
  })

  it('joins a line split across chunks', async () => {
    expect(await records('{"type":"tr', 'ack"}\n{"x"', ':1}\n')).toEqual([
      { line: 1, text: '{"type":"track"}' },
      { line: 2, text: '{"x":1}' }
    ])
  })

  it('skips a byte order mark at the start', async () => {
    expect(await records('\uFEFF{"a":1}\n')).toEqual([{ line: 1, text: '{"a":1}' }])
  })
})

describe('reading a JSON array', () => {
  it('yields each element with the line it starts on, however the chunks fall', async () => {
    const text = '[\n  {"type":"identify", "traits": {"tags": ["a]", "b,"]}},\n  {"s": "quote \\" ] ,"}\n]\n'
    const whole = await records(text)
    const split = await records(...text.split(''))
    expect(whole).toEqual([
      { line: 2, text: '{"type":"identify", "traits": {"tags": ["a]", "b,"]}}' },
      { line: 3, text: '{"s": "quote \\" ] ,"}' }
    ])
    expect(split).toEqual(whole)
  })

  it('reports an array that the input never closes', async () => {
    expect(await records('[{"a":1},\n{"b":')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, problem: 'the JSON array is not closed: the input ends inside it' }
    ])
  })

  it('reports content after the closing bracket', async () => {
    expect(await records('[{"a":1}]\n{"b":2}')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, problem: 'unexpected content after the end of the JSON array' }
    ])
  })

  it('is recognised after leading whitespace', async () => {
    expect(await records('\n\n  ', '[{"a":1}]')).toEqual([{ line: 3, text: '{"a":1}' }])
  })
})

describe('parsing a record', () => {
  it('answers the event of a JSON object', () => {
    expect(parseRecord({ line: 3, text: '{"type":"track"}' })).toEqual({ line: 3, event: { type: 'track' } })
  })

  it('names what is wrong with text that is not JSON', () => {
    expect(parseRecord({ line: 7, text: '{"type":' })).toEqual({
      line: 7,
      problem: expect.stringMatching(/^not valid JSON \(.+\)$/)
    })
  })

  it('refuses JSON that is not an object', () => {
    expect(parseRecord({ line: 2, text: '[1,2]' })).toEqual({ line: 2, problem: 'not a JSON object' })
  })

  it.each(['context', 'properties', 'traits'])('refuses an event whose %s is not an object', (key) => {
    expect(parseRecord({ line: 3, text: `{"type":"track","event":"x","userId":"u","${key}":null}` })).toEqual({
      line: 3,
      problem: `"${key}" must be a JSON object`
    })
  })
})

it('counts the records of an input for the progress total', async () => {
  expect(await countRecords(chunks('{"a":1}\n\nnot json\n{"b":2}\n'))).toBe(3)
})

it('refuses an event nested deeper than the runtime can map, however deep, with a clear reason', () => {
  const text = `{"type":"track","event":"Deep","properties":${'{"x":'.repeat(100_000)}1${'}'.repeat(100_000)}}`
  expect(parseRecord({ line: 4, text })).toEqual({
    line: 4,
    problem: 'nested deeper than 1000 levels, more than the runtime can map'
  })
})
