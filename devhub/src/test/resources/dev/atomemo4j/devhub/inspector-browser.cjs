'use strict';
// Drives the dev hub inspector in headless Debian Chromium with playwright-core, and prints one JSON summary line on
// stdout for InspectorBrowserTest to assert on. Diagnostics go to stderr; on failure a screenshot
// inspector-failure.png is saved and the summary carries "failure".
//
// Usage: node inspector-browser.cjs <inspector URL> <chromium binary> <node_modules dir> <fresh profile dir>
//                                   <screenshot dir> <the secret typed into the credential form>
//                                   <official definitions dir, or "" to leave them out>

const path = require('path');
const fs = require('fs');

const [inspectorUrl, chromiumPath, modulesArg, profileDir, shotsDir, secret, corpusDir] = process.argv.slice(2);
const { chromium } = require(path.join(path.resolve(modulesArg), 'playwright-core'));

const summary = { pageErrors: [] };
let page;
let context;

function log(...args) {
  console.error(new Date().toISOString(), ...args);
}

async function finish(exitCode) {
  if (context) await context.close().catch(() => {});
  console.log(JSON.stringify(summary));
  process.exit(exitCode);
}

const watchdog = setTimeout(() => {
  summary.failure = 'watchdog: the scenario did not finish within 110 s';
  finish(1);
}, 110000);

async function shot(name) {
  await page.screenshot({ path: path.join(shotsDir, name) });
}

async function visible(selector) {
  return page.locator(selector).first().isVisible();
}

async function main() {
  fs.mkdirSync(shotsDir, { recursive: true });
  log('launch', chromiumPath);
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 1000 },
    deviceScaleFactor: 1,
  });
  page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('pageerror', error => summary.pageErrors.push(String(error && error.stack || error)));
  page.on('console', message => {
    // HTTP error statuses (the scenario provokes a 503) are logged as "Failed to load resource": not page errors.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded')) {
      summary.pageErrors.push('console: ' + message.text());
    }
  });

  // ---- the page and its sidebar -----------------------------------------------------------------------------------
  log('open', inspectorUrl);
  await page.goto(inspectorUrl);
  await page.waitForSelector('.tool-link[data-tool="greet"]');
  summary.tools = await page.$$eval('.plugin[data-plugin="inspector-demo"] .tool-link[data-tool]',
      links => links.map(a => a.dataset.tool));

  // ---- the frame-log dock: dragged taller by its handle, and as tall again after a reload -----------------------
  log('dock resize');
  const dockHeight = () => page.$eval('#frames', el => el.getBoundingClientRect().height);
  const dock = { before: await dockHeight() };
  const handle = await page.locator('#frames .dock-resize').boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 - 75);
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 - 150);
  await page.mouse.up();
  dock.afterDrag = await dockHeight();
  dock.stored = await page.evaluate(() => localStorage.getItem('atomemo4j.inspector.dockHeight'));
  await page.reload();
  await page.waitForSelector('.tool-link[data-tool="greet"]');
  dock.afterReload = await dockHeight();
  const toggleDock = '#frames .dock-head button[title="Collapse or expand"]';
  await page.click(toggleDock);
  dock.collapsed = await dockHeight();
  await page.click(toggleDock);
  dock.expandedAgain = await dockHeight();
  summary.dock = dock;

  // ---- a credential instance, created through the credentials panel --------------------------------------------
  log('credentials');
  await page.click('[data-credentials]');
  const card = '.credential-card[data-credential="demo-key"]';
  await page.waitForSelector(card);
  await page.click(`${card} details.create > summary`);
  await page.fill(`${card} input[name="instance_name"]`, 'browser');
  await page.fill(`${card} input[name="api_key"]`, secret);
  await page.click(`${card} button:has-text("Create instance")`);
  await page.waitForSelector(`${card} tbody tr`);
  summary.credentialRow = await page.innerText(`${card} tbody tr`);

  // An OAuth2 instance, authorized through the button: the fake plugin's "provider" URL is the dev hub's own
  // callback, so the popup completes the code exchange on loopback and the panel picks up the new tokens.
  log('oauth2');
  const oauth = '.credential-card[data-credential="demo-oauth"]';
  await page.click(`${oauth} details.create > summary`);
  await page.fill(`${oauth} input[name="instance_name"]`, 'oauth');
  await page.fill(`${oauth} input[name="client_id"]`, 'cid-browser');
  await page.fill(`${oauth} input[name="client_secret"]`, secret);
  await page.click(`${oauth} button:has-text("Create instance")`);
  await page.waitForSelector(`${oauth} tbody tr .warn-text`);
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.click(`${oauth} tbody tr button:has-text("Authorize")`),
  ]);
  await popup.waitForLoadState();
  summary.oauthPopupUrl = popup.url();
  summary.oauthPopupText = await popup.innerText('body');
  await popup.close();
  await page.waitForSelector(`${oauth} tbody tr .ok-text`);
  summary.oauthRow = await page.innerText(`${oauth} tbody tr`);
  await shot('inspector-credentials.png');
  // Delete asks for a second click.
  await page.click(`${oauth} tbody tr button:has-text("Delete")`);
  await page.click(`${oauth} tbody tr button:has-text("Confirm delete")`);
  await page.waitForSelector(`${oauth} .instances .empty-note`);

  // ---- the greet tool: fill the generated form and invoke -----------------------------------------------------------
  log('greet');
  await page.click('.tool-link[data-tool="greet"]');
  await page.waitForSelector('[data-view="tool"][data-tool="greet"]');
  summary.suffixVisibleBefore = await visible('[data-param="suffix"]');
  await page.fill('[data-param="text"] input', 'Ada');
  await page.selectOption('[data-param="tone"] select', { label: 'Pirate' });
  await page.fill('[data-param="times"] input', '3');
  await page.click('[data-param="shout"] input[type="checkbox"]');
  summary.suffixVisibleAfter = await visible('[data-param="suffix"]');
  await page.fill('[data-param="suffix"] input', '!');
  const account = '[data-param="account"] select';
  await page.waitForSelector(`${account} option:has-text("browser")`, { state: 'attached' });
  const accountId = await page.$eval(`${account} option:has-text("browser")`, option => option.value);
  await page.selectOption(account, accountId);

  await page.click('#invoke');
  await page.waitForSelector('#result.ok, #result.failed');
  summary.resultBadge = await page.innerText('#result .result-head .badge');
  summary.resultText = await page.innerText('#result .result-body');
  summary.elapsed = await page.innerText('#result .elapsed');
  summary.markupInjected = await page.evaluate(() => document.getElementById('injected') !== null || window.pwned === true);
  await page.waitForSelector('tr.frame[data-event="invoke_tool_response"]', { state: 'attached' });
  await page.locator('#result').scrollIntoViewIfNeeded();
  await shot('inspector.png');

  // ---- raw JSON: the same parameters, edited into an invalid invocation -------------------------------------------
  log('raw json');
  await page.click('.seg-btn[data-mode="json"]');
  const raw = JSON.parse(await page.inputValue('#raw-json'));
  summary.rawJson = raw;
  await page.fill('#raw-json', JSON.stringify({ ...raw, times: 9 }, null, 2));
  await page.click('#invoke');
  await page.waitForSelector('#result.failed');
  summary.errorBadge = await page.innerText('#result .result-head .badge');
  summary.errorCode = await page.innerText('#result .error-code');
  summary.errorText = await page.innerText('#result .result-body');
  summary.errorElapsed = await page.innerText('#result .elapsed');
  await page.waitForSelector('tr.frame[data-event="invoke_tool_error"]', { state: 'attached' });
  await page.locator('#result').scrollIntoViewIfNeeded();
  await shot('inspector-error.png');

  // ---- server-side parameter problems: a list in the result, and a message on each field a pointer names ------
  log('parameter problems');
  await page.fill('#raw-json', JSON.stringify({ text: 'problems', tone: 'pirate', times: 4 }, null, 2));
  await page.click('#invoke');
  await page.waitForSelector('#result .error-problems li');
  summary.problems = {
    message: await page.innerText('#result .error-message'),
    items: await page.$$eval('#result .error-problems li', items => items.map(li => li.innerText)),
  };
  await page.click('.seg-btn[data-mode="form"]');
  summary.problems.timesField = await page.innerText('[data-param="times"] .field-error');
  summary.problems.toneField = await page.innerText('[data-param="tone"] .field-error');
  summary.problems.fieldErrors = await page.locator('.tool-form .field-error').count();
  summary.problems.lostShown = await visible('#form-lost');
  await shot('inspector-problems.png');

  // ---- JSON → Form with a member the form cannot show: a warning naming it, and the JSON offered back ---------
  log('json to form');
  await page.click('.seg-btn[data-mode="json"]');
  await page.fill('#raw-json', JSON.stringify({ text: 'Ada', times: 2, bogus: { deep: true } }, null, 2));
  await page.click('.seg-btn[data-mode="form"]');
  await page.waitForSelector('#form-lost');
  summary.lost = {
    text: await page.innerText('#form-lost'),
    pointers: await page.$$eval('#form-lost li', items => items.map(li => li.dataset.pointer)),
  };
  await page.click('#form-lost button:has-text("Back to JSON")');
  summary.lost.backInJson = JSON.parse(await page.inputValue('#raw-json'));
  summary.lost.hiddenInJson = !(await visible('#form-lost'));

  // ---- the frame log --------------------------------------------------------------------------------------------------
  log('frames');
  summary.frameEvents = await page.$$eval('tr.frame', rows => rows.map(r => r.dataset.event));
  const invokeRow = page.locator('tr.frame[data-event="invoke_tool"]').last();
  await invokeRow.click();
  summary.invokeFramePayload = await invokeRow.evaluate(row => row.nextElementSibling.innerText);
  await invokeRow.click();
  await page.fill('#frames .dock-head input[type="search"]', 'invoke_tool_error');
  summary.filteredCount = await page.$eval('#frames', dock => ({
    badge: dock.querySelector('.dock-head .count').textContent,
    shown: [...dock.querySelectorAll('tr.frame')].filter(r => !r.hidden).length,
    kept: dock.querySelectorAll('tr.frame').length,
  }));
  await page.fill('#frames .dock-head input[type="search"]', '');
  summary.unfilteredCount = await page.$eval('#frames', dock => ({
    badge: dock.querySelector('.dock-head .count').textContent,
    kept: dock.querySelectorAll('tr.frame').length,
  }));

  // ---- every other kind of property -------------------------------------------------------------------------------------
  log('kitchen sink');
  await page.click('.tool-link[data-tool="kitchen-sink"]');
  await page.waitForSelector('[data-view="tool"][data-tool="kitchen-sink"]');
  const sink = {};
  sink.filtersVisibleWhenSafe = await visible('[data-param="filters"]');
  await page.click('[data-param="mode"] label:has-text("Fast")');
  sink.filtersHiddenWhenFast = !(await visible('[data-param="filters"]'));
  await page.check('[data-param="colors"] label:has-text("Green") input');
  await page.check('[data-param="colors"] label:has-text("Blue") input');
  for (const tag of ['alpha', 'beta']) {
    await page.fill('[data-param="tags"] .tag-entry', tag);
    await page.press('[data-param="tags"] .tag-entry', 'Enter');
  }
  await page.click('[data-param="rules"] .array-actions button');
  await page.fill('[data-param="rules[].name"] input', 'first');
  await page.click('[data-param="shapes"] .array-actions button');
  await page.selectOption('[data-param="shapes"] .union-select', { label: 'Square' });
  await page.fill('[data-param="shapes[].side"] input', '4');
  await page.click('[data-param="headers"] .kv > button');
  await page.fill('[data-param="headers"] .kv-key', 'X-Trace');
  await page.fill('[data-param="headers"] .kv-row input:not(.kv-key)', 'on');
  await page.fill('[data-param="item"] input[type="text"]', 'ite');
  await page.click('[data-param="item"] button:has-text("Browse")');
  await page.click('[data-param="item"] .locator-item:has-text("Item B")');
  await page.setInputFiles('[data-param="attachment"] input[type="file"]',
      { name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, inspector\n') });
  await page.waitForSelector('[data-param="attachment"] .file-name');
  sink.controls = {
    tagInput: await page.locator('[data-param="tags"] .tag-input').count(),
    multiSelectOptions: await page.locator('[data-param="colors"] input[type="checkbox"]').count(),
    radios: await page.locator('[data-param="mode"] input[type="radio"]').count(),
    unionSelects: await page.locator('[data-param="shapes"] .union-select').count(),
    passwordInputs: await page.locator('[data-param="secret"] input[type="password"]').count(),
  };
  await page.locator('[data-view="tool"]').evaluate(el => el.closest('.view-scroll').scrollTo(0, 0));
  await shot('inspector-kitchen-sink.png');
  await page.click('.seg-btn[data-mode="json"]');
  sink.value = JSON.parse(await page.inputValue('#raw-json'));
  summary.kitchenSink = sink;

  // ---- the save-to-reload banner: a failed build reported while the page is open shows without a reload ----------
  log('build banner');
  await page.click('.tool-link[data-tool="greet"]');
  await page.waitForSelector('[data-view="tool"][data-tool="greet"]');
  await page.evaluate(() => { window.sameDocument = true; });
  summary.bannerHiddenBefore = !(await visible('#build-banner'));
  await page.fill('[data-param="text"] input', 'report-build');
  await page.click('#invoke');
  await page.waitForSelector('#result.ok');
  await page.waitForSelector('#build-banner.failed');
  summary.buildBanner = await page.innerText('#build-banner');
  summary.bannerWithoutReload = await page.evaluate(() => window.sameDocument === true);

  // ---- a window narrower than 800 px: stacked, nothing wider than the window ---------------------------------------
  log('narrow');
  await page.setViewportSize({ width: 600, height: 900 });
  await page.waitForFunction(() => window.innerWidth === 600);
  summary.narrow = await page.evaluate(() => {
    const sidebar = document.querySelector('.sidebar').getBoundingClientRect();
    const workspace = document.querySelector('.workspace').getBoundingClientRect();
    const wide = [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && e.offsetParent !== null
            && !e.closest('.dock-body, .sidebar, pre, .raw-outcome'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
      stacked: sidebar.bottom <= workspace.top + 0.5, wide };
  });
  await shot('inspector-narrow.png');
  await page.setViewportSize({ width: 1440, height: 1000 });

  // ---- the display-filter evaluator, in the page ---------------------------------------------------------------------
  log('filters');
  const outcome = await page.evaluate(async ({ filterCases, displayCases }) => {
    const { matches, visible } = await import('/inspector/filter.js');
    const failures = [];
    filterCases.forEach(([filter, values, expected], i) => {
      const got = matches(filter, values);
      if (got !== expected) failures.push({ case: i, filter, values, expected, got });
    });
    displayCases.forEach(([display, values, expected], i) => {
      const got = visible(display, values);
      if (got !== expected) failures.push({ display: i, filter: display, values, expected, got });
    });
    return { count: filterCases.length + displayCases.length, failures };
  }, { filterCases: FILTER_CASES, displayCases: DISPLAY_CASES });
  summary.filterCases = outcome.count;
  summary.filterFailures = outcome.failures;

  if (corpusDir) await officialDefinitions();
}

/**
 * Registers every official definition for release through the API, builds each tool's form in the page (no
 * exception; set(get()) gives the same value back), and shows one real tool.
 */
async function officialDefinitions() {
  log('official definitions');
  const origin = new URL(inspectorUrl).origin;
  const official = { registrationFailures: [], identifiers: [] };
  for (const file of fs.readdirSync(corpusDir).filter(f => f.endsWith('.json')).sort()) {
    const definition = JSON.parse(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
    const response = await fetch(`${origin}/api/plugins/${encodeURIComponent(definition.name)}/release`,
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(definition) });
    const body = await response.json();
    if (response.status === 201) official.identifiers.push(body.identifier);
    else official.registrationFailures.push({ file, status: response.status, body });
  }
  const report = await page.evaluate(async identifiers => {
    const { buildForm } = await import('/inspector/form.js');
    const { api } = await import('/inspector/api.js');
    const { deepEqual } = await import('/inspector/filter.js');
    const result = { tools: 0, fields: 0, failures: [] };
    const host = document.createElement('div');
    document.getElementById('view').append(host);
    for (const identifier of identifiers) {
      const entry = await api.plugin(identifier);
      for (const tool of entry.definition.tools) {
        try {
          const ctx = { api, pluginName: entry.name, tool, manageCredentials() {}, currentParameters: () => ({}) };
          const form = buildForm(tool.parameters, ctx);
          host.replaceChildren(form.el);
          const value = form.get();
          const again = buildForm(tool.parameters, ctx);
          host.replaceChildren(again.el);
          again.set(JSON.parse(JSON.stringify(value)));
          const back = again.get();
          if (!deepEqual(value, back)) {
            result.failures.push({ plugin: identifier, tool: tool.name, problem: 'set(get()) changed it', value, back });
          }
          result.tools++;
          result.fields += form.el.querySelectorAll('[data-param]').length;
        } catch (e) {
          result.failures.push({ plugin: identifier, tool: tool.name, problem: String(e && e.stack || e) });
        }
      }
    }
    host.remove();
    return result;
  }, official.identifiers);
  Object.assign(official, report);
  summary.official = official;

  // Refresh the sidebar now rather than at its next 2 s poll (a credentials change triggers one).
  await page.evaluate(() => window.dispatchEvent(new Event('inspector:credentials')));
  const tool = '.plugin[data-plugin^="airtable"] .tool-link[data-tool="airtable-search-records"]';
  await page.waitForSelector(tool);
  await page.click(tool);
  await page.waitForSelector('[data-view="tool"][data-tool="airtable-search-records"]');
  // Its plugin has no instance: the API refuses with an HTTP error, rendered like a plugin error.
  await page.click('#invoke');
  await page.waitForSelector('#result.failed');
  official.notConnectedBadge = await page.innerText('#result .result-head .badge');
  official.notConnectedCode = await page.innerText('#result .error-code');
  await shot('inspector-official.png');
}

// [filter, sibling values, expected]
const FILTER_CASES = [
  [{}, {}, true],
  [{ a: 1 }, { a: 1 }, true],
  [{ a: 1 }, { a: 2 }, false],
  [{ a: 1 }, {}, false],
  [{ a: null }, {}, true],
  [{ a: false }, { a: false }, true],
  [{ a: false }, {}, false],
  [{ a: 'x' }, { a: ['x', 'y'] }, true],
  [{ a: ['x', 'y'] }, { a: ['x', 'y'] }, true],
  [{ a: ['x'] }, { a: ['x', 'y'] }, false],
  [{ a: { b: 1 } }, { a: { b: 1 } }, true],
  [{ a: { b: 1 } }, { a: { b: 1, c: 2 } }, false],
  [{ 'a.b': 2 }, { a: { b: 2 } }, true],
  [{ 'a.b': 2 }, { a: { b: 3 } }, false],
  [{ 'a.b': { $exists: false } }, { a: 1 }, true],
  [{ a: { $eq: true } }, { a: true }, true],
  [{ a: { $eq: 'x' } }, { a: ['x'] }, true],
  [{ a: { $ne: 'x' } }, { a: 'y' }, true],
  [{ a: { $ne: 'x' } }, {}, true],
  [{ a: { $ne: 'x' } }, { a: 'x' }, false],
  [{ a: { $gt: 3 } }, { a: 4 }, true],
  [{ a: { $gt: 3 } }, { a: 3 }, false],
  [{ a: { $gt: 3 } }, {}, false],
  [{ a: { $gte: 3 } }, { a: 3 }, true],
  [{ a: { $lt: 3 } }, { a: '2' }, false],
  [{ a: { $lt: 3 } }, { a: 2.5 }, true],
  [{ a: { $lte: 'b' } }, { a: 'a' }, true],
  [{ a: { $gt: 1, $lt: 5 } }, { a: 3 }, true],
  [{ a: { $gt: 1, $lt: 5 } }, { a: 7 }, false],
  [{ a: { $in: ['x', 'y'] } }, { a: 'y' }, true],
  [{ a: { $in: ['x', 'y'] } }, { a: 'z' }, false],
  [{ a: { $in: ['x'] } }, { a: ['z', 'x'] }, true],
  [{ a: { $in: [null] } }, {}, true],
  [{ a: { $nin: ['x'] } }, { a: 'y' }, true],
  [{ a: { $nin: ['x'] } }, {}, true],
  [{ a: { $nin: ['x'] } }, { a: 'x' }, false],
  [{ a: { $exists: true } }, { a: false }, true],
  [{ a: { $exists: true } }, { a: null }, true],
  [{ a: { $exists: true } }, {}, false],
  [{ a: { $exists: false } }, {}, true],
  [{ $and: [{ a: 1 }, { b: 2 }] }, { a: 1, b: 2 }, true],
  [{ $and: [{ a: 1 }, { b: 2 }] }, { a: 1, b: 3 }, false],
  [{ $or: [{ a: 1 }, { b: 2 }] }, { a: 0, b: 2 }, true],
  [{ $or: [{ a: 1 }, { b: 2 }] }, { a: 0, b: 0 }, false],
  [{ $nor: [{ a: 1 }, { b: 2 }] }, { a: 0, b: 0 }, true],
  [{ $nor: [{ a: 1 }, { b: 2 }] }, { a: 1 }, false],
  [{ a: 1, $or: [{ b: 1 }, { c: 1 }] }, { a: 1, c: 1 }, true],
  [{ a: 1, $or: [{ b: 1 }, { c: 1 }] }, { a: 2, c: 1 }, false],
  [{ $or: [{ $and: [{ a: 1 }, { b: 1 }] }, { $nor: [{ c: 1 }] }] }, { a: 1, b: 0, c: 1 }, false],
  [{ $or: [{ mode: { $in: ['a', 'b'] } }, { count: { $gt: 3 } }] }, { mode: 'c', count: 4 }, true],
  [{ $or: [{ mode: { $in: ['a', 'b'] } }, { count: { $gt: 3 } }] }, { mode: 'c', count: 2 }, false],
  [{ format: 'custom' }, { format: 'custom' }, true],
  [{ a: { $regex: '^ab', $options: 'i' } }, { a: 'ABc' }, true],
  [{ a: { $regex: '^ab' } }, { a: 'ABc' }, false],
  [{ a: { $mod: [2, 1] } }, { a: 5 }, true],
  [{ a: { $size: 2 } }, { a: [1, 2] }, true],
  [{ a: { $size: 2 } }, { a: [1] }, false],
];

// [display, sibling values, expected visibility]
const DISPLAY_CASES = [
  [null, {}, true],
  [{ show: { a: 1 } }, { a: 1 }, true],
  [{ show: { a: 1 } }, { a: 2 }, false],
  [{ hide: { a: 1 } }, { a: 1 }, false],
  [{ hide: { a: 1 } }, {}, true],
  [{ show: { a: 1 }, hide: { b: 1 } }, { a: 1, b: 1 }, false],
  [{ show: null, hide: null }, {}, true],
];

main().then(() => {
  log('done');
  clearTimeout(watchdog);
  return finish(0);
}).catch(async error => {
  summary.failure = String(error && error.stack || error);
  log(summary.failure);
  if (page) await shot('inspector-failure.png').catch(() => {});
  clearTimeout(watchdog);
  return finish(1);
});
