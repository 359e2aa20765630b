/**
 * The page's markup and styles. They live in TypeScript strings so that `npm run build` (plain tsc, which
 * copies no other files) puts them in dist; the page's scripts are the ES modules compiled from `page/`.
 * Nothing here or there loads anything from elsewhere: system fonts, no CDN.
 */

export const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Iterable (Actions) event tester</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/page.css" />
    <script type="module" src="/page/app.mjs"></script>
  </head>
  <body>
    <header class="top">
      <h1>Iterable (Actions) event tester</h1>
      <form id="settings" class="settings" aria-label="Settings">
        <label for="region">Data center</label>
        <select id="region"></select>
        <fieldset class="target">
          <legend>Send to</legend>
          <label><input type="radio" name="target" value="sandbox" checked /> the embedded sandbox</label>
          <span id="sandbox-project" class="hint">(an email-based project)</span>
          <label><input type="radio" name="target" value="iterable" /> Iterable, with an API key</label>
        </fieldset>
        <div id="api-key-controls" class="api-key" hidden>
          <label for="api-key">API key</label>
          <input id="api-key" type="password" autocomplete="off" spellcheck="false" />
          <button id="keep-key" type="button">Keep key</button>
          <button id="forget-key" type="button" hidden>Forget key</button>
          <span id="key-status" class="hint" role="status"></span>
        </div>
      </form>
    </header>
    <main class="columns">
      <div class="column">
        <section class="panel" aria-labelledby="event-heading">
          <div class="panel-head">
            <h2 id="event-heading">Event</h2>
            <span>
              <label for="example">Start from</label>
              <select id="example"></select>
            </span>
          </div>
          <div id="event-editor"></div>
        </section>
        <section class="panel" aria-labelledby="subscriptions-heading">
          <h2 id="subscriptions-heading">Subscriptions</h2>
          <ol id="subscriptions" class="subscriptions"></ol>
          <form id="add-subscription" class="add-subscription">
            <h3>Add a subscription</h3>
            <label for="new-action">Action</label>
            <select id="new-action"></select>
            <label for="new-trigger">Trigger</label>
            <input id="new-trigger" type="text" spellcheck="false" />
            <button type="submit">Add</button>
          </form>
        </section>
      </div>
      <div class="column">
        <div class="send-bar">
          <button id="send" type="button" class="primary">Send</button>
          <span class="hint"><kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd></span>
          <span id="send-status" role="status"></span>
        </div>
        <section class="panel" aria-labelledby="results-heading">
          <h2 id="results-heading">Results</h2>
          <div id="results">
            <p class="hint">Pick an example or write an event, then send it: each subscription shows what it did.</p>
          </div>
        </section>
        <section class="panel" aria-labelledby="profiles-heading">
          <div class="panel-head">
            <h2 id="profiles-heading">Profile in the sandbox</h2>
            <button id="reset-sandbox" type="button" class="quiet">Empty the sandbox</button>
          </div>
          <div id="profiles">
            <p class="hint">After a send, the sandbox users its requests name appear here.</p>
          </div>
        </section>
      </div>
    </main>
  </body>
</html>
`

export const PAGE_CSS = `
:root {
  --ink: #1d2330;
  --muted: #5b6477;
  --line: #d8dce5;
  --panel: #ffffff;
  --ground: #f3f5f9;
  --accent: #5a2ee0;
  --ok: #0d7a3e;
  --ok-ground: #e3f5ea;
  --bad: #b42318;
  --bad-ground: #fdecea;
  --warn: #8a5a00;
  --warn-ground: #fff4d6;
  --code-ground: #f6f7fa;
  --mono: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace;
  font-family: system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', 'Liberation Sans', sans-serif;
  font-size: 15px;
  line-height: 1.4;
  color: var(--ink);
  background: var(--ground);
}
* { box-sizing: border-box; }
body { margin: 0; }
h1 { font-size: 1.25rem; margin: 0; }
h2 { font-size: 1.05rem; margin: 0 0 0.6rem; }
h3 { font-size: 0.95rem; margin: 0; }
h4 { font-size: 0.85rem; margin: 0.8rem 0 0.3rem; color: var(--muted); }
code, pre, textarea, kbd, .mono { font-family: var(--mono); font-size: 13px; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }
button, select, input { font: inherit; }
button { border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 0.3rem 0.8rem; cursor: pointer; }
button:hover { border-color: var(--accent); }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; padding: 0.45rem 1.4rem; }
button.primary:disabled { opacity: 0.6; cursor: progress; }
button.quiet { margin-left: auto; color: var(--muted); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
select, input[type='text'], input[type='password'] { border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 0.4rem; background: #fff; }
.hint { color: var(--muted); font-size: 0.85rem; }

.top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem 2rem; padding: 0.7rem 1.2rem; background: var(--panel); border-bottom: 1px solid var(--line); }
.settings { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.4rem; }
.target { display: flex; gap: 1rem; border: 0; padding: 0; margin: 0; }
.target legend { float: left; margin-right: 0.6rem; color: var(--muted); }
.api-key { display: flex; align-items: center; gap: 0.5rem; }
.api-key[hidden] { display: none; }

.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; padding: 1rem 1.2rem 2rem; align-items: start; }
@media (max-width: 1000px) { .columns { grid-template-columns: minmax(0, 1fr); } }
.column { display: flex; flex-direction: column; gap: 1rem; min-width: 0; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.9rem 1rem; }
.panel-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }

.editor { display: flex; border: 1px solid var(--line); border-radius: 6px; background: var(--code-ground); overflow: hidden; }
.editor.invalid { border-color: var(--bad); }
.editor .gutter { margin: 0; padding: 0.5rem 0.4rem; font-family: var(--mono); font-size: 13px; min-width: 2.8rem; text-align: right; color: #98a0b3; background: #eceef3; border-right: 1px solid var(--line); overflow: hidden; user-select: none; line-height: 1.45; white-space: pre; }
.editor .gutter .error-line { color: #fff; background: var(--bad); border-radius: 3px; padding: 0 2px; }
.editor textarea { flex: 1; min-width: 0; border: 0; margin: 0; padding: 0.5rem 0.6rem; background: transparent; resize: vertical; line-height: 1.45; white-space: pre; overflow: auto; color: var(--ink); }
.editor textarea:focus { outline: none; }
.editor:focus-within { box-shadow: 0 0 0 2px var(--accent); }
.json-error { margin: 0.35rem 0 0; color: var(--bad); font-weight: 600; font-size: 0.9rem; }

.subscriptions { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.6rem; }
.subscription { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.7rem; }
.subscription.off { opacity: 0.55; }
.subscription-head { display: flex; align-items: center; gap: 0.6rem; }
.subscription-head input[type='text'] { flex: 1; font-weight: 600; }
.subscription .action { color: var(--muted); font-size: 0.85rem; white-space: nowrap; }
.subscription .trigger { display: flex; align-items: center; gap: 0.5rem; margin-top: 0.45rem; }
.subscription .trigger input { flex: 1; font-family: var(--mono); font-size: 13px; }
.subscription details { margin-top: 0.45rem; }
.subscription summary { cursor: pointer; color: var(--accent); font-size: 0.9rem; }
.subscription .required { margin: 0.3rem 0; }
.add-subscription { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.8rem; margin-top: 0.9rem; padding-top: 0.8rem; border-top: 1px dashed var(--line); }
.add-subscription h3 { width: 100%; }
#new-trigger { flex: 1; min-width: 16rem; font-family: var(--mono); font-size: 13px; }

.send-bar { display: flex; align-items: center; flex-wrap: wrap; gap: 0.6rem 1rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 1rem; position: sticky; top: 0.5rem; z-index: 1; }
#send-status.error { color: var(--bad); font-weight: 600; }

.result { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: 0.6rem 0.8rem; margin-bottom: 0.7rem; }
.result-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.7rem; }
.result .action { color: var(--muted); font-size: 0.85rem; }
.badge { font-size: 0.8rem; font-weight: 600; border-radius: 999px; padding: 0.05rem 0.6rem; margin-left: auto; }
.result.delivered { border-left-color: var(--ok); }
.result.delivered .badge { color: var(--ok); background: var(--ok-ground); }
.result.failed, .result.invalid-trigger { border-left-color: var(--bad); }
.result.failed .badge, .result.invalid-trigger .badge { color: var(--bad); background: var(--bad-ground); }
.result.invalid-payload, .result.invalid-mapping { border-left-color: #d99a00; }
.result.invalid-payload .badge, .result.invalid-mapping .badge { color: var(--warn); background: var(--warn-ground); }
.result.not-matched { border-left-color: var(--line); padding: 0.4rem 0.8rem; color: var(--muted); }
.result.not-matched .badge { color: var(--muted); background: var(--ground); }
.result .trigger { margin: 0.3rem 0 0; font-size: 0.85rem; color: var(--muted); }
.problems { margin: 0.5rem 0 0; padding-left: 1.2rem; color: var(--warn); font-weight: 600; }
.result.failed .problems, .result.invalid-trigger .problems { color: var(--bad); }
.exchange { margin-top: 0.6rem; border-top: 1px solid var(--line); padding-top: 0.2rem; }
.exchange .line { font-family: var(--mono); font-size: 13px; font-weight: 600; overflow-wrap: anywhere; }
.status-ok { color: var(--ok); }
.status-bad { color: var(--bad); }
pre.json { margin: 0; padding: 0.5rem 0.6rem; background: var(--code-ground); border: 1px solid var(--line); border-radius: 6px; overflow: auto; max-height: 26rem; white-space: pre; }
table.pairs { border-collapse: collapse; width: 100%; font-size: 13px; }
table.pairs th, table.pairs td { text-align: left; vertical-align: top; padding: 0.15rem 0.5rem; border-bottom: 1px solid var(--ground); }
table.pairs th { font-family: var(--mono); font-weight: 600; width: 32%; white-space: nowrap; }
table.pairs td { font-family: var(--mono); overflow-wrap: anywhere; }
details > summary { cursor: pointer; }
.result details > summary, .profile details > summary { color: var(--muted); font-size: 0.85rem; margin: 0.5rem 0 0.25rem; }

.profile { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; margin-bottom: 0.7rem; }
.profile .entry { font-family: var(--mono); font-size: 13px; margin: 0.2rem 0; }
`
