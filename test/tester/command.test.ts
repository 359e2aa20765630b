import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { runTester, TESTER_USAGE } from '../../src/tester/command'

/** `iterable-actions tester` in-process; a promise stands in for Ctrl+C. */

class Capture extends Writable {
  text = ''
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

function capture() {
  return { stdout: new Capture(), stderr: new Capture() }
}

const neverStopped = () => new Promise<void>(() => {})

test('--help prints the usage', async () => {
  const io = capture()
  expect(await runTester(['--help'], io, neverStopped)).toBe(0)
  expect(io.stdout.text).toBe(`${TESTER_USAGE}\n`)
})

test.each([
  [['--port', 'eighty'], '--port must be a port number, not eighty'],
  [['--port', '70000'], '--port must be a port number, not 70000'],
  [['--project-type', 'anonymous'], '--project-type must be one of email, userId, hybrid, not anonymous'],
  [['--api-key', 'k'], "Unknown option '--api-key'"]
])('%j is a usage error (exit 2) saying what is wrong', async (argv, message) => {
  const io = capture()
  expect(await runTester(argv, io, neverStopped)).toBe(2)
  expect(io.stderr.text).toBe(`iterable-actions tester: ${message}\nRun iterable-actions tester --help for usage.\n`)
})

test('prints the address of a page it serves, and stops when told', async () => {
  const io = capture()
  let stop = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const running = runTester(['--port', '0', '--project-type', 'hybrid'], io, () => stopped)
  while (!io.stdout.text.includes('Ctrl+C')) await new Promise((resolve) => setTimeout(resolve, 5))

  const url = /^Event tester: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(io.stdout.text)?.[1] ?? ''
  expect(io.stdout.text).toContain('Events go to the embedded Iterable sandbox (a hybrid project at http://127.0.0.1:')
  expect((await fetch(url)).status).toBe(200)
  stop()
  expect(await running).toBe(0)
  expect(io.stdout.text).toMatch(/Event tester stopped\.\n$/)
  await expect(fetch(url)).rejects.toThrow()
})

test('a port in use: says so and exits 1', async () => {
  const taken = createServer()
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
  const { port } = taken.address() as AddressInfo
  const io = capture()
  try {
    expect(await runTester(['--port', String(port)], io, neverStopped)).toBe(1)
  } finally {
    await new Promise((resolve) => taken.close(resolve))
  }
  expect(io.stderr.text).toBe(
    `iterable-actions tester: cannot start: port ${port} is in use; pick another with --port\n`
  )
})
