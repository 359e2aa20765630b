import { PayloadValidationError, type RequestClient } from '@segment/actions-core'
import { urlFor } from '../iterable/endpoints'
import { failureOf, toActionsError } from '../iterable/errors'
import type { Settings } from './generated-types'
import { exchange } from './request'

/**
 * Deletes a user in Iterable for a Segment deletion request, by userId. A user Iterable does not
 * know (404) counts as deleted: the request's goal is already met.
 */
export async function deleteUser(request: RequestClient, settings: Settings, userId: unknown) {
  if (typeof userId !== 'string' || userId === '') {
    throw new PayloadValidationError('A user deletion needs the userId of the user to delete.')
  }
  // URL parsers resolve "." and ".." path segments even when percent-encoded, which would send the
  // DELETE to another path.
  if (userId === '.' || userId === '..') {
    throw new PayloadValidationError(
      `The userId "${userId}" cannot be addressed in Iterable's URL and was not deleted.`
    )
  }
  const result = await exchange(request, urlFor(settings.dataCenterLocation, 'deleteUserByUserId', { userId }), {
    method: 'DELETE'
  })
  if ('failure' in result) throw toActionsError(result.failure)
  const failure = failureOf(result.reply)
  if (failure && failure.status !== 404) throw toActionsError(failure)
  return result.response
}
