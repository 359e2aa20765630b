/// <reference lib="dom" />
/** The tester page: settings, the event and subscription editors, Send, and what came of it. */
import type { ActionSummary, SendRequest, Setup, Target, TesterSubscription } from '../api-types.js'
import { api } from './api.mjs'
import { byId, h, pretty } from './dom.mjs'
import { JsonObjectEditor } from './json-editor.mjs'
import { profileView, resultView } from './render.mjs'

/** One subscription being edited: its name, trigger and mapping live in their inputs. */
interface SubscriptionEditor {
  partnerAction: string
  enabled: HTMLInputElement
  name: HTMLInputElement
  trigger: HTMLInputElement
  mapping: JsonObjectEditor
  details: HTMLDetailsElement
  element: HTMLElement
}

const eventEditor = new JsonObjectEditor({ id: 'event', label: 'Event (JSON)', rows: 22, text: '{}' })
const subscriptionEditors: SubscriptionEditor[] = []
let editorCount = 0

const sendButton = byId<HTMLButtonElement>('send')
const sendStatus = byId('send-status')
const results = byId('results')
const profiles = byId('profiles')

function showStatus(text: string, isError = false): void {
  sendStatus.textContent = text
  sendStatus.classList.toggle('error', isError)
}

function chosenTarget(): Target {
  const checked = document.querySelector<HTMLInputElement>('input[name="target"]:checked')
  return checked?.value === 'iterable' ? 'iterable' : 'sandbox'
}

function actionTitle(actions: ActionSummary[], slug: string): string {
  return actions.find((action) => action.slug === slug)?.title ?? slug
}

function addSubscription(subscription: TesterSubscription, actions: ActionSummary[]): SubscriptionEditor {
  const id = `subscription-${++editorCount}`
  const enabled = h('input', { type: 'checkbox', 'aria-label': 'Send to this subscription' })
  enabled.checked = true
  const name = h('input', { type: 'text', 'aria-label': 'Subscription name' })
  name.value = subscription.name
  const trigger = h('input', { type: 'text', spellcheck: 'false', 'aria-label': `Trigger of ${subscription.name}` })
  trigger.value = subscription.subscribe
  const mapping = new JsonObjectEditor({
    id: `${id}-mapping`,
    label: `Mapping of ${subscription.name}`,
    rows: 16,
    text: pretty(subscription.mapping)
  })
  const required = actions.find((action) => action.slug === subscription.partnerAction)?.requiredFields ?? []
  const details = h(
    'details',
    {},
    h('summary', {}, 'Mapping'),
    required.length > 0 && h('p', { class: 'hint required' }, `Required fields: ${required.join(', ')}`),
    mapping.element
  )
  const remove = h('button', { type: 'button', class: 'quiet' }, 'Remove')
  const element = h(
    'li',
    { class: 'subscription', 'data-action': subscription.partnerAction },
    h(
      'div',
      { class: 'subscription-head' },
      enabled,
      name,
      h(
        'span',
        { class: 'action' },
        `${actionTitle(actions, subscription.partnerAction)} · ${subscription.partnerAction}`
      ),
      remove
    ),
    h('label', { class: 'trigger' }, 'Trigger', trigger),
    details
  )
  const editor = { partnerAction: subscription.partnerAction, enabled, name, trigger, mapping, details, element }
  enabled.addEventListener('change', () => element.classList.toggle('off', !enabled.checked))
  remove.addEventListener('click', () => {
    subscriptionEditors.splice(subscriptionEditors.indexOf(editor), 1)
    element.remove()
  })
  subscriptionEditors.push(editor)
  byId('subscriptions').append(element)
  return editor
}

/** The subscriptions to send to, or undefined when a mapping is not JSON (its editor then shows where). */
function chosenSubscriptions(): TesterSubscription[] | undefined {
  const chosen: TesterSubscription[] = []
  for (const editor of subscriptionEditors.filter((candidate) => candidate.enabled.checked)) {
    const reading = editor.mapping.read()
    if ('problem' in reading) {
      editor.details.open = true
      editor.mapping.focusOn(reading.problem)
      showStatus(`Fix the mapping of ${editor.name.value} first.`, true)
      return undefined
    }
    chosen.push({
      name: editor.name.value,
      partnerAction: editor.partnerAction,
      subscribe: editor.trigger.value,
      mapping: reading.value as TesterSubscription['mapping']
    })
  }
  return chosen
}

async function send(): Promise<void> {
  if (sendButton.disabled) return
  const event = eventEditor.read()
  if ('problem' in event) {
    eventEditor.focusOn(event.problem)
    showStatus('Fix the event first: it is not valid JSON.', true)
    return
  }
  const subscriptions = chosenSubscriptions()
  if (!subscriptions) return
  const region = byId<HTMLSelectElement>('region').value as SendRequest['settings']['region']
  sendButton.disabled = true
  showStatus('Sending…')
  try {
    const response = await api.send({
      event: event.value as SendRequest['event'],
      settings: { region, target: chosenTarget() },
      subscriptions
    })
    results.replaceChildren(
      h('p', { class: 'hint' }, `Sent to ${response.deliveredTo}.`),
      ...response.results.map(resultView)
    )
    profiles.replaceChildren(
      ...(response.profiles.length > 0
        ? response.profiles.map(profileView)
        : [
            h(
              'p',
              { class: 'hint' },
              chosenTarget() === 'iterable'
                ? 'Profiles are shown for the sandbox only.'
                : 'No request named a user of the sandbox.'
            )
          ])
    )
    showStatus(`Sent at ${new Date().toLocaleTimeString()}.`)
  } catch (error) {
    showStatus((error as Error).message, true)
  } finally {
    sendButton.disabled = false
  }
}

function setUpApiKey(setup: Setup): void {
  const controls = byId('api-key-controls')
  const input = byId<HTMLInputElement>('api-key')
  const keyStatus = byId('key-status')
  const forget = byId<HTMLButtonElement>('forget-key')
  const showKept = (kept: boolean) => {
    forget.hidden = !kept
    keyStatus.textContent = kept ? 'A key is kept in the tester’s memory (never shown again).' : 'No key kept.'
  }
  showKept(setup.apiKeySet)
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="target"]')) {
    radio.addEventListener('change', () => {
      controls.hidden = chosenTarget() !== 'iterable'
    })
  }
  byId('keep-key').addEventListener('click', () => {
    api.keepApiKey(input.value).then(
      () => {
        input.value = ''
        showKept(true)
      },
      (error: Error) => {
        keyStatus.textContent = error.message
      }
    )
  })
  forget.addEventListener('click', () => {
    void api.forgetApiKey().then(() => showKept(false))
  })
}

function setUpAddSubscription(actions: ActionSummary[]): void {
  const picker = byId<HTMLSelectElement>('new-action')
  const trigger = byId<HTMLInputElement>('new-trigger')
  picker.replaceChildren(...actions.map((action) => h('option', { value: action.slug }, action.title)))
  const offerDefaultTrigger = () => {
    trigger.value = actions.find((action) => action.slug === picker.value)?.defaultSubscription ?? ''
  }
  picker.addEventListener('change', offerDefaultTrigger)
  offerDefaultTrigger()
  byId('add-subscription').addEventListener('submit', (submitted) => {
    submitted.preventDefault()
    const action = actions.find((candidate) => candidate.slug === picker.value)
    if (!action) return
    const editor = addSubscription(
      { name: action.title, partnerAction: action.slug, subscribe: trigger.value, mapping: action.mapping },
      actions
    )
    editor.details.open = true
    editor.name.focus()
  })
}

function setUp(setup: Setup): void {
  byId('sandbox-project').textContent = `(${setup.sandboxProject})`
  byId<HTMLSelectElement>('region').replaceChildren(
    ...setup.regions.map((region) => h('option', { value: region.value }, region.label))
  )
  const examples = byId<HTMLSelectElement>('example')
  examples.replaceChildren(
    ...setup.examples.map((example, index) => h('option', { value: String(index) }, example.name))
  )
  examples.addEventListener('change', () => {
    eventEditor.text = pretty(setup.examples[Number(examples.value)].event)
  })
  eventEditor.text = pretty(setup.examples[0].event)
  byId('event-editor').append(eventEditor.element)
  for (const subscription of setup.subscriptions) addSubscription(subscription, setup.actions)
  setUpAddSubscription(setup.actions)
  setUpApiKey(setup)
  sendButton.addEventListener('click', () => void send())
  document.addEventListener('keydown', (pressed) => {
    if (pressed.key === 'Enter' && (pressed.ctrlKey || pressed.metaKey)) {
      pressed.preventDefault()
      void send()
    }
  })
  byId('reset-sandbox').addEventListener('click', () => {
    api.resetSandbox().then(
      () => {
        profiles.replaceChildren(h('p', { class: 'hint' }, 'The sandbox is empty.'))
        showStatus('The sandbox is empty.')
      },
      (error: Error) => showStatus(error.message, true)
    )
  })
}

api.setup().then(setUp, (error: Error) => showStatus(`The tester did not answer: ${error.message}`, true))
