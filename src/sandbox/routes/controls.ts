/**
 * The sandbox's own routes, outside Iterable's API: no Api-Key, no rate limit, no injected faults.
 * POST /sandbox/reset, POST and DELETE /sandbox/faults, POST /sandbox/forget.
 */
import { faultOptionProblems, type FaultOptions, type Faults } from '../faults'
import { badParams, success } from '../replies'
import type { Route } from '../router'
import type { SandboxState } from '../state'

export interface Controls {
  state: SandboxState
  faults: Faults
  /** Empties the project and refills every rate-limit budget. */
  reset(): void
}

function forgetProblems(body: unknown): string[] {
  const { email, userId, ...others } = (body ?? {}) as Record<string, unknown>
  const named = [email, userId].filter((value) => value !== undefined)
  if (named.length !== 1 || typeof named[0] !== 'string' || Object.keys(others).length > 0) {
    return ['send exactly one of email or userId, as a string']
  }
  return []
}

export function controlRoutes({ state, faults, reset }: Controls): Route[] {
  return [
    {
      method: 'POST',
      path: '/sandbox/reset',
      handle: () => {
        reset()
        return success('Sandbox reset.')
      }
    },
    {
      method: 'POST',
      path: '/sandbox/faults',
      handle: ({ body }) => {
        const problems = faultOptionProblems(body)
        if (problems.length > 0) return badParams(problems)
        faults.set(body as FaultOptions)
        return { status: 200, body: { faults: faults.current } }
      }
    },
    {
      method: 'DELETE',
      path: '/sandbox/faults',
      handle: () => {
        faults.clear()
        return { status: 200, body: { faults: faults.current } }
      }
    },
    {
      method: 'POST',
      path: '/sandbox/forget',
      handle: ({ body }) => {
        const problems = forgetProblems(body)
        if (problems.length > 0) return badParams(problems)
        state.forget(body as { email: string } | { userId: string })
        return success('User forgotten.')
      }
    }
  ]
}
