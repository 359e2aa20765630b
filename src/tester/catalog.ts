/** What the destination offers, in the shape the page edits: actions, preset subscriptions, regions. */
import { defaultValues, type DestinationDefinition, type InputField, type JSONObject } from '@segment/actions-core'
import type { Region } from '../iterable/endpoints'
import type { ProjectType } from '../sandbox'
import { presetSubscriptions } from '../runner/subscriptions'
import type { ActionSummary, TesterSubscription } from './api-types'

export const REGION_LABELS: Record<Region, string> = { united_states: 'United States', europe: 'Europe' }

export const PROJECT_LABELS: Record<ProjectType, string> = {
  email: 'an email-based project',
  userId: 'a userID-based project',
  hybrid: 'a hybrid project'
}

/** Field labels by key, to name fields in validation problems. */
export function fieldLabels(fields: Record<string, InputField>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.label]))
}

export function actionSummaries<Settings>(definition: DestinationDefinition<Settings>): ActionSummary[] {
  return Object.entries(definition.actions).map(([slug, action]) => ({
    slug,
    title: action.title,
    defaultSubscription: action.defaultSubscription ?? '',
    mapping: defaultValues(action.fields) as JSONObject,
    requiredFields: Object.entries(action.fields)
      .filter(([, field]) => field.required === true)
      .map(([key, field]) => `${field.label} (${key})`)
  }))
}

/** The subscriptions `send` uses by default, named and with their mappings spelled out, for editing. */
export function defaultSubscriptions<Settings>(definition: DestinationDefinition<Settings>): TesterSubscription[] {
  return presetSubscriptions(definition).map((subscription) => ({
    name: subscription.name ?? subscription.partnerAction,
    partnerAction: subscription.partnerAction,
    subscribe: subscription.subscribe,
    mapping: (subscription.mapping ??
      defaultValues(definition.actions[subscription.partnerAction].fields)) as JSONObject
  }))
}
