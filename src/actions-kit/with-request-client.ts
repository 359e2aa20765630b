import type { DestinationDefinition, RequestClient } from '@segment/actions-core'

/**
 * The definition with every request client the runtime hands its functions (each action's perform and
 * performBatch, testAuthentication, onDelete) replaced by `wrap(request)`. This is how to change where
 * requests go, pace them or record them: actions-core's `beforeRequest` hooks can neither see nor
 * change the URL, since its request client rebuilds each request from the original one.
 */
export function withRequestClient<Settings>(
  definition: DestinationDefinition<Settings>,
  wrap: (request: RequestClient) => RequestClient
): DestinationDefinition<Settings> {
  const actions = Object.fromEntries(
    Object.entries(definition.actions).map(([slug, action]) => {
      const { perform, performBatch } = action
      return [
        slug,
        {
          ...action,
          perform: (request, data) => perform(wrap(request), data),
          ...(performBatch && { performBatch: (request, data) => performBatch(wrap(request), data) })
        } satisfies typeof action
      ]
    })
  )
  const { authentication, onDelete } = definition
  const testAuthentication = authentication?.testAuthentication
  return {
    ...definition,
    actions,
    ...(authentication &&
      testAuthentication && {
        authentication: {
          ...authentication,
          testAuthentication: (request, input) => testAuthentication(wrap(request), input)
        }
      }),
    ...(onDelete && { onDelete: (request, input) => onDelete(wrap(request), input) })
  }
}
