/**
 * The sandbox project's data and the rules that change it: profiles (dataFields merged as Iterable does),
 * custom events, carts and purchases, GDPR-forgotten identifiers. No HTTP here: routes translate bodies
 * into these calls and `Failure`s into replies.
 */
import { randomUUID } from 'node:crypto'
import { dataFieldsProblem, mergeDataFields, type DataFields } from './data-fields'
import { Directory, type Identity, type Profile, type StoredEvent } from './directory'
import { Failure, forgotten, invalidData, invalidIdentifier, notFound, type IdentifierField } from './failure'
import {
  PROJECT_RULES,
  isValidEmail,
  isValidUserId,
  normalizeEmail,
  placeholderEmailFor,
  type ProjectRules,
  type ProjectType
} from './identity'
import type {
  TrackPurchaseRequest,
  TrackRequest,
  UpdateCartRequest,
  UpdateEmailRequest,
  UserRequest
} from '../iterable/requests'
import { eventView, userView, type EventView, type UserView } from './views'

export type UserKey = { email: string } | { userId: string }

export interface Counts {
  users: number
  events: number
  purchases: number
}

/** Whether a user update may create the user; bulkUpdate's `updateOnly` says no. */
export interface UpdateOptions {
  mayCreate: boolean
}

type Purpose = 'update' | 'event'

/** The identifiers a request sends at its top level, checked and normalized. */
function askedIdentity({ email, userId }: Identity): Identity | Failure {
  if (email !== undefined && !isValidEmail(email)) return invalidIdentifier('email', email)
  if (userId !== undefined && !isValidUserId(userId)) return invalidIdentifier('userId', userId)
  return { ...(email !== undefined && { email: normalizeEmail(email) }), ...(userId !== undefined && { userId }) }
}

/**
 * The identifiers the user should end up with. Iterable changes them through `dataFields.email` and
 * `dataFields.userId` ("Updating a User's Email Address or User ID"); those win over the top-level ones,
 * which only say who the user is. A null there sets nothing.
 */
function wantedIdentity(asked: Identity, dataFields: DataFields): Identity | Failure {
  const { email, userId } = dataFields
  if (email !== undefined && email !== null && !isValidEmail(email)) return invalidIdentifier('email', email)
  if (userId !== undefined && userId !== null && !isValidUserId(userId)) return invalidIdentifier('userId', userId)
  return {
    email: typeof email === 'string' ? normalizeEmail(email) : asked.email,
    userId: typeof userId === 'string' ? userId : asked.userId
  }
}

function withoutIdentifiers(dataFields: DataFields): DataFields {
  const { email: _email, userId: _userId, ...rest } = dataFields
  return rest
}

/** Only the details a request actually carried, so stored events hold no `undefined` keys. */
function sent(details: DataFields): DataFields {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined))
}

export class SandboxState {
  private readonly rules: ProjectRules
  private readonly directory: Directory
  private readonly forgottenEmails = new Set<string>()
  private readonly forgottenUserIds = new Set<string>()
  /** Who holds each event and purchase id, so that resending an id updates that record, as Iterable does. */
  private readonly eventOwners = new Map<string, Profile>()

  constructor(readonly projectType: ProjectType) {
    this.rules = PROJECT_RULES[projectType]
    this.directory = new Directory(this.rules)
  }

  /** users/update and one user of bulkUpdate. The caller has made sure the request sends an email or a userId. */
  updateUser(request: UserRequest, options: UpdateOptions): Failure | undefined {
    const profile = this.upsert(request, options)
    return profile instanceof Failure ? profile : undefined
  }

  /** events/track and one event of trackBulk. The caller has made sure it sends an email or a userId. */
  trackEvent(request: TrackRequest): { id: string } | Failure {
    const asked = askedIdentity(request)
    if (asked instanceof Failure) return asked
    const gone = this.forgottenAmong(asked)
    if (gone) return gone
    let profile = this.directory.find(asked)
    if (!profile) {
      const identity = this.identityForNewUser(asked, asked, false, 'event')
      if (identity instanceof Failure) return identity
      profile = this.directory.create(identity, Date.now())
    }
    const { eventName, dataFields, campaignId, templateId } = request
    return this.record(profile, 'customEvent', { eventName, dataFields, campaignId, templateId }, request)
  }

  /** commerce/updateCart: updates (or creates) the user, then replaces `shoppingCartItems`. */
  updateCart({ user, items }: UpdateCartRequest): Failure | undefined {
    const profile = this.upsert(user, { mayCreate: true })
    if (profile instanceof Failure) return profile
    profile.dataFields = { ...profile.dataFields, shoppingCartItems: items }
    return undefined
  }

  /** commerce/trackPurchase: updates (or creates) the user, records the purchase and clears the cart. */
  trackPurchase(request: TrackPurchaseRequest): { id: string } | Failure {
    const profile = this.upsert(request.user, { mayCreate: true })
    if (profile instanceof Failure) return profile
    profile.dataFields = { ...profile.dataFields, shoppingCartItems: [] }
    const { total, items, dataFields, campaignId, templateId } = request
    const details = { total, shoppingCartItems: items, dataFields, campaignId, templateId }
    return this.record(profile, 'purchase', details, request)
  }

  /**
   * users/updateEmail. The current user is found by `currentEmail` when sent (it takes precedence), else by
   * `currentUserId`; the new email must be valid, not forgotten and not another user's.
   */
  updateEmail({ currentEmail, currentUserId, newEmail }: UpdateEmailRequest): Failure | undefined {
    if (!isValidEmail(newEmail)) return invalidIdentifier('email', newEmail)
    const asked = askedIdentity(currentEmail !== undefined ? { email: currentEmail } : { userId: currentUserId })
    if (asked instanceof Failure) return asked
    const next = normalizeEmail(newEmail)
    if (this.forgottenEmails.has(next)) return forgotten('email', next)
    const profile = this.directory.find(asked)
    if (!profile) return this.notFound(asked, 'nothing to update')
    const clash = this.directory.conflictFor(profile, { email: next })
    if (clash) return clash
    this.directory.setIdentity(profile, { email: next })
    profile.profileUpdatedAt = Date.now()
    return undefined
  }

  /** Removes the users with this identifier (all of them where it is not unique); how many there were. */
  deleteUsers(key: UserKey): number {
    const profiles = 'email' in key ? [this.withEmail(key.email)] : this.directory.allWithUserId(key.userId)
    const found = profiles.filter((profile) => profile !== undefined)
    found.forEach((profile) => this.removeProfile(profile))
    return found.length
  }

  /** GDPR forget: deletes the user and refuses the identifier from now on (until `reset`). */
  forget(key: UserKey): void {
    if ('email' in key) this.forgottenEmails.add(normalizeEmail(key.email))
    else this.forgottenUserIds.add(key.userId)
    this.deleteUsers(key)
  }

  reset(): void {
    this.directory.clear()
    this.forgottenEmails.clear()
    this.forgottenUserIds.clear()
    this.eventOwners.clear()
  }

  user(key: UserKey): UserView | undefined {
    const profile = this.profileFor(key)
    return profile && userView(profile)
  }

  /** A user's custom events and purchases, newest first (the most recent `limit` of them). */
  events(key: UserKey, limit = Infinity): EventView[] {
    const profile = this.profileFor(key)
    if (!profile) return []
    const newestFirst = [...profile.events.values()].reverse().sort((a, b) => b.createdAt - a.createdAt)
    return newestFirst.slice(0, limit).map((event) => eventView(profile, event))
  }

  purchases(key: UserKey): EventView[] {
    return this.events(key).filter((event) => event.eventType === 'purchase')
  }

  counts(): Counts {
    const counts: Counts = { users: 0, events: 0, purchases: 0 }
    for (const profile of this.directory.all()) {
      counts.users += 1
      for (const event of profile.events.values()) {
        if (event.eventType === 'purchase') counts.purchases += 1
        else counts.events += 1
      }
    }
    return counts
  }

  /** Finds or creates the user a request names and applies it: identifiers, dataFields. */
  private upsert(request: UserRequest, { mayCreate }: UpdateOptions): Profile | Failure {
    const dataFields = request.dataFields ?? {}
    const asked = askedIdentity(request)
    if (asked instanceof Failure) return asked
    const wanted = wantedIdentity(asked, dataFields)
    if (wanted instanceof Failure) return wanted
    const gone = this.forgottenAmong(asked, wanted)
    if (gone) return gone
    const problem = dataFieldsProblem(dataFields)
    if (problem) {
      return asked.email !== undefined
        ? invalidData('email', asked.email, problem)
        : invalidData('userId', asked.userId!, problem)
    }

    const existing = this.directory.find(asked)
    const identity = existing
      ? wanted
      : mayCreate
        ? this.identityForNewUser(asked, wanted, request.preferUserId === true, 'update')
        : this.notFound(asked, 'updateOnly never creates users')
    if (identity instanceof Failure) return identity
    const clash = this.directory.conflictFor(existing, identity)
    if (clash) return clash

    const now = Date.now()
    const profile = existing ?? this.directory.create(identity, now)
    this.directory.setIdentity(profile, identity)
    profile.dataFields = mergeDataFields(
      profile.dataFields,
      withoutIdentifiers(dataFields),
      request.mergeNestedObjects === true
    )
    profile.profileUpdatedAt = now
    return profile
  }

  private withEmail(email: string): Profile | undefined {
    return this.directory.withEmail(normalizeEmail(email))
  }

  private profileFor(key: UserKey): Profile | undefined {
    return 'email' in key ? this.withEmail(key.email) : this.directory.withUserId(key.userId)
  }

  /**
   * The identifiers of a user that does not exist yet, if this project lets the request create one:
   * email-based projects need an email (or a userId with `preferUserId`, which gets a placeholder email) and
   * never create users from custom events; userID-based projects need a userId; hybrid projects take either.
   */
  private identityForNewUser(
    asked: Identity,
    wanted: Identity,
    preferUserId: boolean,
    purpose: Purpose
  ): Identity | Failure {
    if (purpose === 'event' && !this.rules.eventsCreateUsers) {
      return this.notFound(asked, 'in email-based projects custom events create no user')
    }
    switch (this.projectType) {
      case 'email':
        if (asked.email !== undefined) return wanted
        if (preferUserId) return { ...wanted, email: wanted.email ?? placeholderEmailFor(asked.userId!) }
        return this.notFound(asked, 'email-based projects create a user from a userId only with preferUserId')
      case 'userId':
        return asked.userId !== undefined ? wanted : this.notFound(asked, 'userID-based projects find users by userId')
      case 'hybrid':
        return wanted
    }
  }

  /** Not found, reported under the identifier the project looked the user up by. */
  private notFound(asked: Identity, why: string): Failure {
    const field: IdentifierField =
      asked.email !== undefined && (this.rules.findsUsersBy !== 'userId' || asked.userId === undefined)
        ? 'email'
        : 'userId'
    return notFound(field, field === 'email' ? asked.email! : asked.userId!, why)
  }

  private forgottenAmong(...identities: Identity[]): Failure | undefined {
    for (const { email, userId } of identities) {
      if (email !== undefined && this.forgottenEmails.has(email)) return forgotten('email', email)
      if (userId !== undefined && this.forgottenUserIds.has(userId)) return forgotten('userId', userId)
    }
    return undefined
  }

  /** Stores an event or purchase; Iterable generates the id when none is sent and stamps it "now" by default. */
  private record(
    profile: Profile,
    eventType: StoredEvent['eventType'],
    details: DataFields,
    {
      id = randomUUID().replaceAll('-', ''),
      createdAt = Math.floor(Date.now() / 1000)
    }: { id?: string; createdAt?: number }
  ): { id: string } {
    const key = `${eventType}:${id}`
    this.eventOwners.get(key)?.events.delete(key)
    profile.events.set(key, { id, eventType, createdAt, details: sent(details) })
    this.eventOwners.set(key, profile)
    return { id }
  }

  private removeProfile(profile: Profile): void {
    for (const key of profile.events.keys()) this.eventOwners.delete(key)
    this.directory.remove(profile)
  }
}
