'use strict';
// Drives the host's explore console in headless Debian Chromium with playwright-core and prints one JSON summary
// line on stdout for ExplorePageBrowserTest. Diagnostics go to stderr.
//
// Usage: node explore-page.cjs <page URL> <chromium binary> <node_modules dir> <profile dir> <screenshot dir>

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
  await page.locator('#state').filter({ hasText: 'Semantic root' }).waitFor({ timeout: 15000 });
  summary.stateBefore = await page.locator('#state').textContent();

  await page.fill('#command', 'cat <b>report</b>');
  await page.click('button[type=submit]');
  await page.locator('p.summary').waitFor({ timeout: 15000 });
  summary.summary = await page.locator('p.summary').textContent();
  summary.stdout = await page.locator('pre.stdout').textContent();
  summary.boldElements = await page.locator('#result b').count();
  await page.locator('#state').filter({ hasText: 'backend box' }).waitFor({ timeout: 15000 });
  summary.stateAfter = await page.locator('#state').textContent();

  await page.fill('#command', '   ');
  await page.click('button[type=submit]');
  await page.locator('#result .error').waitFor({ timeout: 15000 });
  summary.error = await page.locator('#result .error').textContent();
  await page.screenshot({ path: path.join(shotsDir, 'explore-page.png') });
  await finish(0);
})().catch(e => { summary.failure = String(e && e.stack || e); finish(1); });
