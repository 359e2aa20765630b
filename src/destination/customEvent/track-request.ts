import { convertDates, toUnixSeconds } from '../../iterable/dates'
import { definedOnly } from '../users'
import type { TrackRequest } from '../../iterable/requests'
import type { Payload } from './generated-types'

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
