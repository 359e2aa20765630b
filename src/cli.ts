#!/usr/bin/env node
import { runCli } from './runner/command'

runCli(
  process.argv.slice(2),
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  process.env
).then((code) => {
  process.exitCode = code
})
