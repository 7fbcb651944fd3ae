'use strict';
// Drives the host's approval page in headless Debian Chromium with playwright-core and prints one JSON summary
// line on stdout for ApprovalPageBrowserTest. Diagnostics go to stderr.
//
// Usage: node approval-page.cjs <page URL> <chromium binary> <node_modules dir> <profile dir> <screenshot dir>

const path = require('path');
const [pageUrl, chromiumPath, modulesArg, profileDir, shotsDir] = process.argv.slice(2);
const { chromium } = require(path.join(path.resolve(modulesArg), 'playwright-core'));

const summary = { pageErrors: [] };
let context;

async function finish(code) {
  if (context) await context.close().catch(() => {});
  console.log(JSON.stringify(summary));
  process.exit(code);
}

setTimeout(() => { summary.failure = 'watchdog: not finished within 60 s'; finish(1); }, 60000);

(async () => {
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1200, height: 900 },
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('pageerror', e => summary.pageErrors.push(String(e)));
  await page.goto(pageUrl);
  const card = page.locator('section.card').first();
  await card.waitFor({ timeout: 15000 });
  summary.cards = await page.locator('section.card').count();
  summary.summary = await card.locator('.summary').textContent();
  summary.input = JSON.parse(await card.locator('pre.input').textContent());
  summary.stateBefore = await card.locator('.state').textContent();

  // Without a user the API refuses, and the page shows why.
  await card.locator('button.approve').click();
  await card.locator('.error').filter({ hasText: 'action:no_user' }).waitFor({ timeout: 15000 });
  summary.refusal = await card.locator('.error').textContent();

  await page.fill('#user', 'alice');
  await page.fill('#roles', 'approver');
  await card.locator('button.approve').click();
  await card.locator('.state.succeeded').waitFor({ timeout: 15000 });
  summary.stateAfter = await card.locator('.state').textContent();
  summary.result = await card.locator('pre.result').textContent();
  summary.buttonsLeft = await card.locator('button').count();
  summary.html = await page.content();
  await page.screenshot({ path: path.join(shotsDir, 'approval-page.png') });
  await finish(0);
})().catch(e => { summary.failure = String(e && e.stack || e); finish(1); });
