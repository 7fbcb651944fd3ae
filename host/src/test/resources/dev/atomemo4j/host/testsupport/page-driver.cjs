'use strict';
// What every host page script shares: opens the page in headless Debian Chromium with playwright-core, collects
// the page's errors, runs the script's steps and prints one JSON summary line on stdout for the Java test
// (HeadlessChromium reads it). Diagnostics go to stderr.
//
// A page script calls drive(async ({ page, summary, screenshot }) => { … }) and is run as
//   node <script> <page URL> <chromium binary> <node_modules dir> <profile dir> <screenshot dir>

const path = require('path');

function drive(steps) {
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
    await steps({ page, summary, screenshot: name => page.screenshot({ path: path.join(shotsDir, name) }) });
    await finish(0);
  })().catch(e => { summary.failure = String(e && e.stack || e); finish(1); });
}

module.exports = { drive };
