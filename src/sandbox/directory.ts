/** The project's user profiles, indexed by email and userId, under one project type's identity rules. */
import type { DataFields } from './data-fields'
import { conflict, type Failure } from './failure'
import type { ProjectRules } from './identity'

export interface StoredEvent {
  id: string
  eventType: 'customEvent' | 'purchase'
  /** Unix seconds, as Iterable receives it. */
  createdAt: number
  /** Everything else the request said about the event, in Iterable's field names. */
  details: DataFields
}

export interface Profile {
  email?: string
  userId?: string
  /** Profile fields other than the identifiers, including `shoppingCartItems`. */
  dataFields: DataFields
  signupDate: number
  profileUpdatedAt: number
  /** Custom events and purchases, keyed by `eventKey`, in the order they were last written. */
  events: Map<string, StoredEvent>
}

export interface Identity {
  email?: string
  userId?: string
}

/**
 * Several profiles may share a key (emails in userID-based projects, userIds in email-based ones); like
 * Iterable, lookups act on the first.
 */
class Index {
  private readonly entries = new Map<string, Profile[]>()

  first(key: string): Profile | undefined {
    return this.entries.get(key)?.[0]
  }

  all(key: string): readonly Profile[] {
    return this.entries.get(key) ?? []
  }

  add(key: string, profile: Profile): void {
    const profiles = this.entries.get(key)
    if (profiles) profiles.push(profile)
    else this.entries.set(key, [profile])
  }

  remove(key: string, profile: Profile): void {
    const remaining = this.all(key).filter((candidate) => candidate !== profile)
    if (remaining.length > 0) this.entries.set(key, remaining)
    else this.entries.delete(key)
  }

  clear(): void {
    this.entries.clear()
  }
}

export class Directory {
  private readonly profiles = new Set<Profile>()
  private readonly byEmail = new Index()
  private readonly byUserId = new Index()

  constructor(private readonly rules: ProjectRules) {}

  withEmail(email: string): Profile | undefined {
    return this.byEmail.first(email)
  }

  withUserId(userId: string): Profile | undefined {
    return this.byUserId.first(userId)
  }

  allWithUserId(userId: string): readonly Profile[] {
    return this.byUserId.all(userId)
  }

  all(): IterableIterator<Profile> {
    return this.profiles.values()
  }

  /** The profile a request names, found the project's way (`ProjectRules.findsUsersBy`). */
  find({ email, userId }: Identity): Profile | undefined {
    const byEmail = () => (email !== undefined ? this.withEmail(email) : undefined)
    const byUserId = () => (userId !== undefined ? this.withUserId(userId) : undefined)
    switch (this.rules.findsUsersBy) {
      case 'email':
        return email !== undefined ? byEmail() : byUserId()
      case 'userId':
        return byUserId()
      case 'emailOrUserId':
        return byEmail() ?? byUserId()
    }
  }

  /** The first identifier `profile` would take that the project keeps unique and another profile holds. */
  conflictFor(profile: Profile | undefined, { email, userId }: Identity): Failure | undefined {
    const takenBy = (holder: Profile | undefined) => holder !== undefined && holder !== profile
    if (this.rules.uniqueEmail && email !== undefined && takenBy(this.withEmail(email))) return conflict('email', email)
    if (this.rules.uniqueUserId && userId !== undefined && takenBy(this.withUserId(userId))) {
      return conflict('userId', userId)
    }
    return undefined
  }

  create(identity: Identity, now: number): Profile {
    const profile: Profile = { dataFields: {}, signupDate: now, profileUpdatedAt: now, events: new Map() }
    this.profiles.add(profile)
    this.setIdentity(profile, identity)
    return profile
  }

  /** Gives `profile` the identifiers sent (those not sent stay as they are), keeping the indexes in step. */
  setIdentity(profile: Profile, { email, userId }: Identity): void {
    if (email !== undefined && email !== profile.email) {
      if (profile.email !== undefined) this.byEmail.remove(profile.email, profile)
      profile.email = email
      this.byEmail.add(email, profile)
    }
    if (userId !== undefined && userId !== profile.userId) {
      if (profile.userId !== undefined) this.byUserId.remove(profile.userId, profile)
      profile.userId = userId
      this.byUserId.add(userId, profile)
    }
  }

  remove(profile: Profile): void {
    this.profiles.delete(profile)
    if (profile.email !== undefined) this.byEmail.remove(profile.email, profile)
    if (profile.userId !== undefined) this.byUserId.remove(profile.userId, profile)
  }

  clear(): void {
    this.profiles.clear()
    this.byEmail.clear()
    this.byUserId.clear()
  }
}
