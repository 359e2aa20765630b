import definition from '../index'
import type { Command } from './args'
import { UsageError } from './args'
import type { CallContext } from './calls'
import { concurrencyLimit } from './concurrency'
import { connect } from './connection'
import { checkReadable, fileText, openForWriting, readWholeFile, textOf } from './files'
import type { Io, Tuning } from './io'
import { runnerInput } from './pipeline'
import { Reporter, type ProgressStats } from './progress'
import { countRecords } from './records'
import { ResultsWriter, toResultLine } from './results'
import { deliverEvents, type EventOutcome } from './runner'
import { parseSubscriptions, presetSubscriptions, SubscriptionsError, toRoutes, type Route } from './subscriptions'
import { formatSummary, Tally } from './summary'

type SendCommand = Extract<Command, { name: 'send' }>

/** The exit code of a command stopped by SIGINT, by shell convention (128 + 2). */
export const INTERRUPTED = 130

async function loadRoutes(file: string | undefined): Promise<Route[]> {
  if (file === undefined) return toRoutes(presetSubscriptions(definition), definition)
  try {
    return toRoutes(parseSubscriptions(await readWholeFile(file), definition), definition)
  } catch (error) {
    if (error instanceof SubscriptionsError) throw new SubscriptionsError(`--subscriptions ${file}: ${error.message}`)
    throw error
  }
}

function failureNote(outcome: EventOutcome): string {
  const actions = outcome.deliveries.map((delivery) => delivery.action).join('+')
  const messageId = outcome.messageId === undefined ? '' : ` (messageId ${outcome.messageId})`
  return `line ${outcome.line}${messageId}: ${actions} failed: ${outcome.reason}`
}

/**
 * `send`: delivers the input's events and reports on them. Malformed records are always reported;
 * failures are reported here when there is no results file to hold them.
 */
export async function send(
  command: SendCommand,
  io: Io,
  tuning: Tuning,
  redact: (text: string) => string
): Promise<number> {
  const routes = await loadRoutes(command.subscriptionsFile)
  const fromStdin = command.input === '-'
  if (fromStdin && io.stdin.isTTY) throw new UsageError('send needs a FILE, or events piped to stdin')
  if (!fromStdin) await checkReadable(command.input)
  if (command.resumeFile !== undefined) await checkReadable(command.resumeFile)
  const showProgress = Boolean(io.stderr.isTTY)
  const total = showProgress && !fromStdin ? await countRecords(fileText(command.input)) : undefined
  const file = command.outFile === undefined ? undefined : await openForWriting(command.outFile)
  const writer = file && new ResultsWriter(file, redact)

  const reporter = new Reporter(io.stderr, showProgress, redact)
  const tally = new Tally()
  const started = performance.now()
  const stats: ProgressStats = { done: 0, total, failed: 0, elapsedMs: 0 }
  const onSettled = (outcome: EventOutcome) => {
    stats.done++
    if (outcome.status === 'failed' || outcome.status === 'malformed') stats.failed++
    stats.elapsedMs = performance.now() - started
    reporter.progress(stats)
  }

  const connection = await connect(command.target, {
    ...tuning,
    rateScale: command.rateScale ?? tuning.rateScale
  }).catch(async (error: unknown) => {
    await writer?.close()
    throw error
  })
  const context: CallContext = {
    destination: connection.destination,
    settings: connection.settings,
    retry: tuning.retry,
    limit: concurrencyLimit(command.concurrency)
  }
  try {
    reporter.note(`Delivering ${fromStdin ? 'stdin' : command.input} to ${connection.description}`)
    const chunks = fromStdin ? textOf(io.stdin, 'stdin') : fileText(command.input)
    const previous = command.resumeFile === undefined ? undefined : fileText(command.resumeFile)
    const outcomes = deliverEvents(runnerInput(chunks, previous, io.interrupt), {
      routes,
      context,
      windowSize: tuning.windowSize,
      onSettled,
      pacer: connection.pacer
    })
    for await (const outcome of outcomes) {
      tally.add(outcome)
      await writer?.write(toResultLine(outcome))
      if (outcome.status === 'malformed') reporter.note(`line ${outcome.line}: skipped, ${outcome.reason}`)
      else if (outcome.status === 'failed' && !writer) reporter.note(failureNote(outcome))
    }
  } finally {
    stats.elapsedMs = performance.now() - started
    reporter.finish(stats)
    await writer?.close()
    await connection.close()
  }
  if (context.stopped) reporter.note(`Stopped sending early: ${context.stopped}`)
  io.stdout.write(redact(formatSummary(tally, stats.elapsedMs)))
  if (command.outFile !== undefined) io.stdout.write(redact(`\nOne result per input line: ${command.outFile}\n`))
  if (io.interrupt?.aborted) {
    reporter.note(
      `Interrupted: the rest of the input was not read.${command.outFile === undefined ? '' : ` Run again with --resume ${command.outFile} to deliver it.`}`
    )
    return INTERRUPTED
  }
  return tally.problems > 0 ? 1 : 0
}
