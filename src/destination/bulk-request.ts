import {
  getErrorCodeFromHttpStatus,
  MultiStatusResponse,
  type JSONLikeObject,
  type RequestClient
} from '@segment/actions-core'
import { packIntoRequests, rejectionsInBulkReply, type BulkItemKey } from '../iterable/bulk'
import { DEFAULT_BATCH_SIZE, MAX_REQUEST_BODY_BYTES, urlFor } from '../iterable/endpoints'
import { failureOf, type Failure } from '../iterable/errors'
import type { Settings } from './generated-types'
import { exchange } from './request'
import { definedOnly, hasIdentity, MISSING_IDENTITY, type Identity } from './users'

/** How one action uses one of Iterable's bulk endpoints. */
export interface BulkSpec<P, Item extends BulkItemKey> {
  endpoint: 'trackEventsBulk' | 'updateUsersBulk'
  listKey: 'events' | 'users'
  toItem: (payload: P) => Item
  /**
   * Request-level properties a payload asks for (e.g. `updateOnly`). Payloads that ask for
   * different ones travel in different requests.
   */
  requestProperties?: (payload: P) => Record<string, unknown>
}

/** One payload's outcome; an error entry is one with an `errormessage`. */
interface Entry {
  status: number
  errortype?: ReturnType<typeof getErrorCodeFromHttpStatus>
  errormessage?: string
  sent?: JSONLikeObject
  body?: JSONLikeObject
}

function errorEntry(status: number, message: string, sent?: unknown, body?: unknown): Entry {
  return {
    status,
    errortype: getErrorCodeFromHttpStatus(status),
    errormessage: message,
    sent: sent as JSONLikeObject,
    body: body as JSONLikeObject
  }
}

function failureEntry(failure: Failure, sent: unknown, replyBody: unknown): Entry {
  const body = typeof replyBody === 'object' && replyBody !== null ? replyBody : { msg: replyBody ?? failure.message }
  return errorEntry(failure.status, failure.message, sent, { ...body, retryAfterSeconds: failure.retryAfterSeconds })
}

/**
 * Delivers a batch through a bulk endpoint and answers with exactly one entry per payload, in
 * order: payloads without identity and items too large for any request fail on their own, the rest
 * go in as few requests as Iterable's size limit and `batch_size` allow, and each item's entry says
 * what Iterable did with it, including rejections inside a 200 reply.
 */
export async function sendInBulk<P extends Identity & { batch_size?: number }, Item extends BulkItemKey>(
  request: RequestClient,
  settings: Settings,
  payloads: P[],
  spec: BulkSpec<P, Item>
): Promise<MultiStatusResponse> {
  const entries: Entry[] = new Array(payloads.length)
  const groups = new Map<string, number[]>()
  const items: Item[] = new Array(payloads.length)
  payloads.forEach((payload, index) => {
    if (!hasIdentity(payload)) {
      entries[index] = { ...errorEntry(400, MISSING_IDENTITY), errortype: 'PAYLOAD_VALIDATION_FAILED' }
      return
    }
    try {
      items[index] = spec.toItem(payload)
    } catch (error) {
      // One event's bad data (e.g. nested too deep) fails that event alone, never the batch.
      entries[index] = { ...errorEntry(400, (error as Error).message), errortype: 'PAYLOAD_VALIDATION_FAILED' }
      return
    }
    const envelope = JSON.stringify({ ...spec.requestProperties?.(payload), [spec.listKey]: [] })
    const group = groups.get(envelope)
    if (group) group.push(index)
    else groups.set(envelope, [index])
  })

  const maxItems = Math.max(1, Math.floor(payloads[0]?.batch_size ?? DEFAULT_BATCH_SIZE))
  const url = urlFor(settings.dataCenterLocation, spec.endpoint)
  for (const [envelope, indices] of groups) {
    const itemJson = indices.map((index) => JSON.stringify(items[index]))
    const packing = packIntoRequests(
      itemJson.map((json) => Buffer.byteLength(json)),
      { maxItems, maxBytes: MAX_REQUEST_BODY_BYTES, envelopeBytes: Buffer.byteLength(envelope) }
    )
    for (const position of packing.oversized) {
      const index = indices[position]
      entries[index] = errorEntry(
        413,
        `This ${spec.listKey === 'events' ? 'event' : 'user'} alone is larger than the ${MAX_REQUEST_BODY_BYTES} bytes Iterable accepts in a request`
      )
    }
    for (const positions of packing.requests) {
      const sent = positions.map((position) => items[indices[position]])
      const body = `${envelope.slice(0, -2)}${positions.map((position) => itemJson[position]).join(',')}]}`
      const result = await exchange(request, url, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' }
      })
      const failure = 'failure' in result ? result.failure : failureOf(result.reply)
      const replyBody = 'reply' in result ? result.reply.body : undefined
      const rejections = failure ? [] : rejectionsInBulkReply(replyBody, sent)
      positions.forEach((position, offset) => {
        const rejection = rejections[offset]
        entries[indices[position]] = failure
          ? failureEntry(failure, sent[offset], replyBody)
          : rejection
            ? errorEntry(rejection.status, rejection.message, sent[offset], replyBody)
            : { status: 200, sent: sent[offset] as unknown as JSONLikeObject, body: replyBody as JSONLikeObject }
      })
    }
  }

  const response = new MultiStatusResponse()
  for (const { errormessage, ...entry } of entries) {
    if (errormessage === undefined)
      response.pushSuccessResponse({ status: entry.status, sent: entry.sent ?? {}, body: entry.body ?? {} })
    else response.pushErrorResponse(definedOnly({ ...entry, errormessage }))
  }
  return response
}
