/** POST /api/commerce/updateCart and /api/commerce/trackPurchase. */
import { Failure } from '../failure'
import { badParams, failureReply, success } from '../replies'
import type { TrackPurchaseRequest, UpdateCartRequest } from '../../iterable/requests'
import { iterableRoute, type Route } from '../router'
import type { SandboxState } from '../state'
import { eventProblems, identifierProblems } from './checks'

export function commerceRoutes(state: SandboxState): Route[] {
  return [
    iterableRoute('updateCart', ({ body }) => {
      const cart = body as UpdateCartRequest
      const problems = identifierProblems(cart.user, 'user')
      if (problems.length > 0) return badParams(problems)
      const failure = state.updateCart(cart)
      return failure ? failureReply(failure) : success('Cart updated.')
    }),
    iterableRoute('trackPurchase', ({ body }) => {
      const purchase = body as TrackPurchaseRequest
      const problems = [...identifierProblems(purchase.user, 'user'), ...eventProblems(purchase, '')]
      if (problems.length > 0) return badParams(problems)
      const tracked = state.trackPurchase(purchase)
      if (tracked instanceof Failure) return failureReply(tracked)
      return success(`Purchase with id: ${tracked.id} tracked.`, { id: tracked.id })
    })
  ]
}
