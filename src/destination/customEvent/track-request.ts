import { convertDates, toUnixSeconds } from '../../iterable/dates'
import { definedOnly } from '../users'
import type { Payload } from './generated-types'

/** Iterable's TrackRequest for a custom event. */
export interface TrackRequest {
  eventName: string
  email?: string
  userId?: string
  id?: string
  createdAt?: number
  dataFields?: Record<string, unknown>
  campaignId?: number
  templateId?: number
}

export function toTrackRequest(payload: Payload): TrackRequest {
  return definedOnly({
    email: payload.email || undefined,
    userId: payload.userId || undefined,
    eventName: payload.eventName,
    id: payload.id || undefined,
    createdAt: toUnixSeconds(payload.createdAt),
    dataFields: payload.dataFields && convertDates(payload.dataFields),
    campaignId: payload.campaignId,
    templateId: payload.templateId
  })
}
