/** POST /api/events/track and /api/events/trackBulk. */
import { Failure } from '../failure'
import { badParams, EventBulkTally, failureReply, success } from '../replies'
import type { BulkTrackRequest, TrackRequest } from '../../iterable/requests'
import { iterableRoute, type Route } from '../router'
import type { SandboxState } from '../state'
import { eventProblems, identifierProblems } from './checks'

function trackProblems(event: TrackRequest, path: string): string[] {
  return [...identifierProblems(event, path), ...eventProblems(event, path)]
}

export function eventRoutes(state: SandboxState): Route[] {
  return [
    iterableRoute('trackEvent', ({ body }) => {
      const event = body as TrackRequest
      const problems = trackProblems(event, '')
      if (problems.length > 0) return badParams(problems)
      const tracked = state.trackEvent(event)
      if (tracked instanceof Failure) return failureReply(tracked)
      return success(`Event with id: ${tracked.id} tracked.`, { id: tracked.id })
    }),
    iterableRoute('trackEventsBulk', ({ body }) => {
      const { events } = body as BulkTrackRequest
      const problems = events.flatMap((event, index) => trackProblems(event, `events[${index}]`))
      if (problems.length > 0) return badParams(problems)
      const tally = new EventBulkTally()
      for (const event of events) {
        const tracked = state.trackEvent(event)
        if (tracked instanceof Failure) tally.fail(tracked)
        else tally.succeed()
      }
      return tally.reply()
    })
  ]
}
