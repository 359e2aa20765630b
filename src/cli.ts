#!/usr/bin/env node
import { runCli } from './runner/command'
import { runTester } from './tester/command'

const [command, ...operands] = process.argv.slice(2)

if (command === 'tester') {
  // The tester serves its page until Ctrl+C, which it handles itself.
  void runTester(operands, process).then((code) => (process.exitCode = code))
} else {
  // The first Ctrl+C stops reading input and lets what was taken finish, so the results file stays
  // whole for --resume; a second one stops at once.
  const interruption = new AbortController()
  process.on('SIGINT', () => {
    if (interruption.signal.aborted) process.exit(130)
    process.stderr.write('\nInterrupted: finishing the events already taken (Ctrl+C again to stop at once)\n')
    interruption.abort()
  })
  void runCli(
    process.argv.slice(2),
    { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, interrupt: interruption.signal },
    process.env
  ).then((code) => (process.exitCode = code))
}
