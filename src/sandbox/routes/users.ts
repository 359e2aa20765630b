/** POST /api/users/update, /bulkUpdate and /updateEmail; DELETE /api/users/{email} and /byUserId/{userId}. */
import { invalidIdentifier, notFound } from '../failure'
import { isValidEmail, isValidUserId } from '../identity'
import { badParams, failureReply, success, UserBulkTally } from '../replies'
import type { BulkUpdateUsersRequest, UpdateEmailRequest, UserRequest } from '../../iterable/requests'
import { iterableRoute, type Route } from '../router'
import type { SandboxState } from '../state'
import { identifierProblems } from './checks'

export function userRoutes(state: SandboxState): Route[] {
  return [
    iterableRoute('updateUser', ({ body }) => {
      const user = body as UserRequest
      const problems = identifierProblems(user, '')
      if (problems.length > 0) return badParams(problems)
      const failure = state.updateUser(user, { mayCreate: true })
      return failure ? failureReply(failure) : success()
    }),
    iterableRoute('updateUsersBulk', ({ body }) => {
      const { users, updateOnly } = body as BulkUpdateUsersRequest
      const problems = users.flatMap((user, index) => identifierProblems(user, `users[${index}]`))
      if (problems.length > 0) return badParams(problems)
      const tally = new UserBulkTally()
      for (const user of users) {
        const failure = state.updateUser(user, { mayCreate: updateOnly !== true })
        if (failure) tally.fail(failure)
        else tally.succeed()
      }
      return tally.reply()
    }),
    iterableRoute('updateEmail', ({ body }) => {
      const request = body as UpdateEmailRequest
      // Iterable: "Use this endpoint with email-based projects"; the others change emails with users/update.
      if (state.projectType !== 'email') {
        return badParams(['updateEmail is for email-based projects; use POST /api/users/update with dataFields.email'])
      }
      if (request.currentEmail === undefined && request.currentUserId === undefined) {
        return badParams(['currentEmail or currentUserId is required'])
      }
      const failure = state.updateEmail(request)
      return failure ? failureReply(failure) : success()
    }),
    iterableRoute('deleteUserByEmail', ({ params: { email } }) => {
      // Iterable: this endpoint works in email-based and hybrid projects, "but not userID-based projects".
      if (state.projectType === 'userId') return badParams(['userID-based projects delete users by userId'])
      if (!isValidEmail(email)) return failureReply(invalidIdentifier('email', email))
      const deleted = state.deleteUsers({ email })
      return deleted > 0 ? success('User deleted.') : failureReply(notFound('email', email, 'nothing to delete'))
    }),
    iterableRoute('deleteUserByUserId', ({ params: { userId } }) => {
      if (!isValidUserId(userId)) return failureReply(invalidIdentifier('userId', userId))
      const deleted = state.deleteUsers({ userId })
      return deleted > 0 ? success('User deleted.') : failureReply(notFound('userId', userId, 'nothing to delete'))
    })
  ]
}
