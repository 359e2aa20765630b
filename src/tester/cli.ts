#!/usr/bin/env node
/** `npm run tester -- [--port N]`: the tester on its own, as `iterable-actions tester` runs it. */
import { runTester } from './command'

runTester(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code
})
