/**
 * The JSON the tester's API exchanges with its page. The page imports these as types only, so server and
 * page cannot drift apart unnoticed.
 */
import type { JSONObject } from '@segment/actions-core'
import type { Region } from '../iterable/endpoints'
import type { EventView } from '../sandbox/views'

export type { EventView }

/** A subscription as Segment stores it: which action, when (FQL), and how its fields are mapped. */
export interface TesterSubscription {
  name: string
  partnerAction: string
  subscribe: string
  mapping: JSONObject
}

export interface ExampleEvent {
  name: string
  event: JSONObject
}

export interface ActionSummary {
  slug: string
  title: string
  /** The action's own default trigger, offered when a subscription is added. */
  defaultSubscription: string
  /** The action's default mapping. */
  mapping: JSONObject
  /** Labels of the fields a payload must have, e.g. "Total (total)". */
  requiredFields: string[]
}

/** GET /api/setup: everything the page needs to start. */
export interface Setup {
  examples: ExampleEvent[]
  /** The subscriptions a new Iterable (Actions) instance gets: the presets that have a trigger. */
  subscriptions: TesterSubscription[]
  actions: ActionSummary[]
  regions: Array<{ value: Region; label: string }>
  /** The embedded sandbox's project type, in words: "an email-based project". */
  sandboxProject: string
  /** Whether an API key is kept; the key itself is never sent back. */
  apiKeySet: boolean
}

/** Where POST /api/send delivers: the embedded sandbox, or Iterable with the kept API key. */
export type Target = 'sandbox' | 'iterable'

export interface SendRequest {
  event: JSONObject
  settings: { region: Region; target: Target }
  subscriptions: TesterSubscription[]
}

export interface RecordedRequest {
  method: string
  /** The URL the destination asked for: Iterable's. */
  url: string
  /** Lower-case names, as the runtime's request carries them; the Api-Key value is redacted. */
  headers: Record<string, string>
  /** The body parsed as JSON when it is JSON, else its text; absent without a body. */
  body?: unknown
  /** Where the request really went when that is not `url`: the embedded sandbox standing in for Iterable. */
  deliveredTo?: string
}

export interface RecordedReply {
  status: number
  headers: Record<string, string>
  body: unknown
}

/** One HTTP request a delivery made and what came back. */
export interface RecordedExchange {
  request: RecordedRequest
  /** Iterable's reply, absent when none came (no connection, timeout). */
  reply?: RecordedReply
  /** Why there was no reply. */
  error?: string
}

/** How one subscription handled the event, from its trigger to Iterable's answer. */
export type Outcome =
  | { kind: 'invalid-trigger'; message: string }
  | { kind: 'not-matched' }
  | { kind: 'invalid-mapping'; message: string }
  | { kind: 'invalid-payload'; problems: string[] }
  | { kind: 'delivered' }
  | { kind: 'failed'; message: string; status?: number }

export interface SubscriptionResult {
  name: string
  partnerAction: string
  subscribe: string
  outcome: Outcome
  /** The action's payload as the mapping resolved it, when the trigger matched and the mapping could run. */
  payload?: JSONObject
  exchanges: RecordedExchange[]
}

/** A sandbox user after the event: profile fields, cart, custom events and purchases (newest first). */
export interface ProfileView {
  email?: string
  userId?: string
  fields: Record<string, unknown>
  cart: unknown[]
  events: EventView[]
  purchases: EventView[]
}

export interface SendResponse {
  /** Where the event went, for people to read. */
  deliveredTo: string
  results: SubscriptionResult[]
  /** Sandbox users that the requests named, as they are now; empty when the event went to Iterable. */
  profiles: ProfileView[]
}

/** Every API error: what went wrong, in words for the page to show. */
export interface ApiError {
  error: string
}
