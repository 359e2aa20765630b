import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'

/**
 * The event tester as a person uses it: the built command (`npm run build` first) serving the page, and
 * Debian's Chromium (`apt-get install -y chromium`) showing it. Each state is saved as a screenshot under
 * test-output/tester/.
 */

const ROOT = join(__dirname, '..', '..')
const SCREENSHOTS = join(ROOT, 'test-output', 'tester')
const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]
/** A common laptop screen. */
const VIEWPORT = { width: 1440, height: 900 }

let tester: ChildProcess
let testerUrl: string
let profileDir: string
let context: BrowserContext

/** Starts `node dist/tester/cli.js --port 0` and reads the address it prints. */
function startTester(): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'tester', 'cli.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    let printed = ''
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString()
      const url = /Event tester: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed)?.[1]
      if (url) resolve({ process: child, url })
    })
    child.stderr.on('data', (chunk: Buffer) => reject(new Error(`the tester failed to start: ${chunk.toString()}`)))
    child.once('exit', (code) => reject(new Error(`the tester exited with ${code} before printing its address`)))
  })
}

async function openTester(): Promise<Page> {
  const page = await context.newPage()
  await page.goto(testerUrl)
  await page.locator('#subscriptions li').first().waitFor()
  return page
}

async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor()
  return (await locator.textContent()) ?? ''
}

async function screenshot(page: Page, name: string): Promise<void> {
  // From the top, so that the sticky Send bar is drawn where a person first sees it.
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  ;({ process: tester, url: testerUrl } = await startTester())
  profileDir = mkdtempSync(join(tmpdir(), 'tester-chromium-'))
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: VIEWPORT
  })
})

afterAll(async () => {
  await context?.close()
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  if (tester && tester.exitCode === null) {
    const exited = new Promise((resolve) => tester.once('exit', resolve))
    tester.kill('SIGTERM')
    await exited
  }
})

test('sending the Order Completed example shows the trackPurchase request and the purchase in the profile', async () => {
  const page = await openTester()
  await page.selectOption('#example', { label: 'Order Completed' })
  await page.click('#send')

  const purchase = page.locator('article.result[data-action="trackPurchase"]')
  expect(await textOf(purchase.locator('.badge'))).toBe('Delivered')
  expect(await textOf(purchase.locator('.exchange .line').first())).toBe(
    'POST https://api.iterable.com/api/commerce/trackPurchase'
  )
  expect(await textOf(purchase.locator('.exchange td').filter({ hasText: 'redacted' }))).toBe('[redacted]')
  const body = JSON.parse(await textOf(purchase.locator('.exchange pre.json').first()))
  expect(body).toMatchObject({ id: 'order-1843', total: 63.5, user: { email: 'ada@example.com', userId: 'user-42' } })
  expect(body.items).toHaveLength(2)
  expect(await textOf(purchase.locator('.exchange .status-ok'))).toBe('HTTP 200')

  const profile = page.locator('#profiles article.profile')
  expect(await textOf(profile.locator('h3'))).toBe('ada@example.com · userId user-42')
  expect(await textOf(profile.locator('h4', { hasText: 'Purchases' }))).toBe('Purchases (1)')
  expect(await textOf(profile.locator('summary', { hasText: 'order-1843' }))).toContain('total 63.5 · 2 items')
  await screenshot(page, '1-order-completed-sent')
})

test('broken event JSON is reported inline at its line and column, and nothing is sent', async () => {
  const page = await openTester()
  await page.selectOption('#example', { label: 'Order Completed' })
  const lines = (await page.inputValue('#event')).split('\n')
  expect(lines[2]).toBe('  "event": "Order Completed",')
  lines[2] = '  "event": "Order Completed"'
  await page.fill('#event', lines.join('\n'))

  expect(await textOf(page.locator('#event-error'))).toBe(
    "Line 4, column 3: expected ',' or '}' after the property's value"
  )
  expect(await textOf(page.locator('#event-editor .error-line'))).toBe('4')
  await page.click('#send')
  expect(await textOf(page.locator('#send-status'))).toBe('Fix the event first: it is not valid JSON.')
  expect(await page.locator('article.result').count()).toBe(0)
  await screenshot(page, '2-broken-json')
})

test('a mapping that leaves a required field empty shows the validation message, and Ctrl+Enter sends', async () => {
  const page = await openTester()
  await page.selectOption('#example', { label: 'Order Completed' })
  const subscription = page.locator('#subscriptions li[data-action="trackPurchase"]')
  await subscription.locator('summary', { hasText: 'Mapping' }).click()
  const mappingEditor = subscription.locator('textarea')
  const { total: _total, ...withoutTotal } = JSON.parse(await mappingEditor.inputValue())
  await mappingEditor.fill(JSON.stringify(withoutTotal, null, 2))
  await page.keyboard.press('Control+Enter')

  const purchase = page.locator('article.result[data-action="trackPurchase"]')
  expect(await textOf(purchase.locator('.badge'))).toBe('Not sent: invalid payload')
  expect(await textOf(purchase.locator('.problems li'))).toBe(
    'Total (total) is required, but the mapping gives it no value for this event.'
  )
  expect(await textOf(purchase.locator('p.hint', { hasText: 'Nothing was sent' }))).toBe(
    'Nothing was sent to Iterable.'
  )
  await screenshot(page, '3-missing-required-field')
})

test('the page loads nothing and calls nothing but the tester itself', async () => {
  const requested: string[] = []
  const page = await context.newPage()
  page.on('request', (request) => requested.push(request.url()))
  await page.goto(testerUrl)
  await page.locator('#subscriptions li').first().waitFor()
  await page.click('#send')
  await page.locator('article.result').first().waitFor()

  expect(requested.length).toBeGreaterThan(3)
  expect(requested.filter((url) => !url.startsWith(testerUrl))).toEqual([])
})

test('the JSON checker points at the first problem by line and column', async () => {
  const page = await openTester()
  const cases = ['{"a": 1,}', '[1, 2', '{\n  "a": "one\ntwo"\n}', "{'a': 1}", '{"a": 1} extra', '{"a": -}']
  // Evaluated as text: the page's own module, imported by the browser.
  const found = await page.evaluate(
    `import('/page/json-problem.mjs').then(({ findJsonProblem }) => ${JSON.stringify(cases)}.map(findJsonProblem))`
  )
  expect(found).toEqual([
    { line: 1, column: 9, message: 'expected a property name in double quotes (a comma cannot come before })' },
    { line: 1, column: 6, message: "the text ends too early: expected ',' or ']'" },
    {
      line: 2,
      column: 12,
      message: 'a line break or control character inside a string; write it escaped, as \\n or \\t'
    },
    { line: 1, column: 2, message: 'expected a property name in double quotes' },
    { line: 1, column: 10, message: 'unexpected text after the end of the JSON value' },
    { line: 1, column: 7, message: 'an invalid number' }
  ])
})
