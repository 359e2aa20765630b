/** What Iterable's read endpoints show of stored profiles and events. */
import { toIterableDate } from '../iterable/dates'
import type { DataFields } from './data-fields'
import type { Profile, StoredEvent } from './directory'

/** Iterable's ApiResponseUser: identifiers at the top and, as Iterable does, again among the profile fields. */
export interface UserView {
  email?: string
  userId?: string
  dataFields: DataFields
}

/** One entry of GetEventsResponse's `events`: a custom event or a purchase, dates in Iterable's format. */
export interface EventView {
  id: string
  eventType: StoredEvent['eventType']
  createdAt: string
  email?: string
  userId?: string
  [detail: string]: unknown
}

/** Iterable's date format, `YYYY-MM-DD HH:mm:ss +00:00`. */
const iterableDate = (epochMilliseconds: number) => toIterableDate(new Date(epochMilliseconds))

function identifiers(profile: Profile): { email?: string; userId?: string } {
  return {
    ...(profile.email !== undefined && { email: profile.email }),
    ...(profile.userId !== undefined && { userId: profile.userId })
  }
}

export function userView(profile: Profile): UserView {
  return {
    ...identifiers(profile),
    dataFields: {
      ...profile.dataFields,
      ...identifiers(profile),
      signupDate: iterableDate(profile.signupDate),
      profileUpdatedAt: iterableDate(profile.profileUpdatedAt)
    }
  }
}

export function eventView(profile: Profile, event: StoredEvent): EventView {
  return {
    ...event.details,
    id: event.id,
    eventType: event.eventType,
    createdAt: iterableDate(event.createdAt * 1000),
    ...identifiers(profile)
  }
}
