'use strict';
// The steps ExplorePageBrowserTest runs on the host's explore console, noting what they see in the summary.
// page-driver.cjs (beside it at run time) opens the page and prints the summary.

require('./page-driver.cjs').drive(async ({ page, summary, screenshot }) => {
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
  await screenshot('explore-page.png');
});
