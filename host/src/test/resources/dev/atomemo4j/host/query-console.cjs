'use strict';
// Drives the host's query console in headless Debian Chromium with playwright-core and prints one JSON summary
// line on stdout for QueryConsoleBrowserTest. Diagnostics go to stderr.
//
// Usage: node query-console.cjs <page URL> <chromium binary> <node_modules dir> <profile dir> <screenshot dir>

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
  await page.locator('#datasource option').first().waitFor({ state: 'attached', timeout: 15000 });
  summary.datasources = await page.locator('#datasource option').allTextContents();
  summary.about = await page.locator('#about').textContent();

  await page.fill('#sql', 'SELECT id, name FROM customers WHERE id < 3 ORDER BY id');
  await page.click('#run');
  await page.locator('table').waitFor({ timeout: 15000 });
  summary.header = await page.locator('table th').allTextContents();
  summary.cells = await page.locator('table td').allTextContents();
  summary.ran = await page.locator('pre.ran').textContent();
  await page.screenshot({ path: path.join(shotsDir, 'query-console.png') });

  await page.fill('#sql', 'SELECT amount FROM salaries');
  await page.click('#run');
  await page.locator('#answer .error').waitFor({ timeout: 15000 });
  summary.refusal = await page.locator('#answer .error').textContent();
  summary.tablesAfterRefusal = await page.locator('table').count();
  await finish(0);
})().catch(e => { summary.failure = String(e && e.stack || e); finish(1); });
