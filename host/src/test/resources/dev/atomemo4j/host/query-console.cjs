'use strict';
// The steps QueryConsoleBrowserTest runs on the host's query console, noting what they see in the summary.
// page-driver.cjs (beside it at run time) opens the page and prints the summary.

require('./page-driver.cjs').drive(async ({ page, summary, screenshot }) => {
  await page.locator('#datasource option').first().waitFor({ state: 'attached', timeout: 15000 });
  summary.datasources = await page.locator('#datasource option').allTextContents();
  summary.about = await page.locator('#about').textContent();

  await page.fill('#sql', 'SELECT id, name FROM customers WHERE id < 3 ORDER BY id');
  await page.click('#run');
  await page.locator('table').waitFor({ timeout: 15000 });
  summary.header = await page.locator('table th').allTextContents();
  summary.cells = await page.locator('table td').allTextContents();
  summary.ran = await page.locator('pre.ran').textContent();
  await screenshot('query-console.png');

  await page.fill('#sql', 'SELECT amount FROM salaries');
  await page.click('#run');
  await page.locator('#answer .error').waitFor({ timeout: 15000 });
  summary.refusal = await page.locator('#answer .error').textContent();
  summary.tablesAfterRefusal = await page.locator('table').count();
});
