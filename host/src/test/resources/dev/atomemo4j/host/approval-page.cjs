'use strict';
// The steps ApprovalPageBrowserTest runs on the host's approval page, noting what they see in the summary.
// page-driver.cjs (beside it at run time) opens the page and prints the summary.

require('./page-driver.cjs').drive(async ({ page, summary, screenshot }) => {
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
  await screenshot('approval-page.png');
});
