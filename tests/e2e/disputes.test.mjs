// Browser end-to-end tests of disputes against the real stack with the demo data: a partner rep
// questions a reward with proof (English); vendor staff find it in the queue, reply and resolve
// it with an adjustment; the rep sees the thread, the outcome and the adjustment entry; a
// partner admin reads the disputes in Dutch; every dispute page under axe-core and at phone
// width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, seriousAxeViolations, signIn } from './browser.mjs';

const e2e = useStack();
const { login, newPage } = e2e;
let disputeId;
let entryId;

function proofPdf() {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
}

test('a partner rep questions a reward with proof', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('partner rep'));
  await page.goto(`${e2e.stack.baseUrl}/rewards`);
  await page.getByRole('heading', { name: 'Rewards' }).waitFor();
  // Her newest reward (in the demo: training points, which name no program).
  const link = page.locator('.entries .entry').first().getByRole('link', { name: /^Question this/ });
  const href = await link.getAttribute('href');
  entryId = href.match(/entry=(\d+)/)[1];
  await link.click();
  await page.waitForURL(/\/disputes\/new\?entry=\d+$/);
  await page.getByText(`Reward, ledger entry ${entryId}`).waitFor();
  await page.getByRole('button', { name: 'Open dispute' }).click();
  assert.match(await page.getByText('Explain what you think is wrong.').textContent(), /wrong/);
  await page.getByLabel('Your message').fill('This rebate used the first tier; our quarter had reached the second.');
  await page.getByTestId('proof-input').setInputFiles({ name: 'quarter-sales.pdf', mimeType: 'application/pdf', buffer: proofPdf() });
  await page.getByText('Uploaded').waitFor();
  await page.getByRole('button', { name: 'Open dispute' }).click();
  await page.waitForURL(/\/disputes\/\d+$/);
  disputeId = page.url().match(/disputes\/(\d+)$/)[1];
  await page.getByText('Your dispute was opened. You will see the answer here.').waitFor();
  await page.getByRole('link', { name: 'quarter-sales.pdf' }).waitFor();
  await screenshot(page, 'dispute-opened');

  const dispute = await (await page.request.get(`${e2e.stack.baseUrl}/v1/disputes/${disputeId}`)).json();
  assert.equal(dispute.state, 'DISPUTE_STATE_OPEN');
  assert.equal(dispute.subject.entryId, entryId);
  assert.equal(dispute.thread.length, 1);
  await page.goto(`${e2e.stack.baseUrl}/disputes`);
  await page.getByRole('link', { name: `Dispute ${disputeId}` }).waitFor();
  await page.context().close();
});

test('vendor staff reply and resolve the dispute with an adjustment', async () => {
  assert.ok(disputeId, 'the rep opened a dispute');
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('channel manager'));
  await page.goto(`${e2e.stack.baseUrl}/disputes`);
  await page.getByRole('heading', { name: 'Dispute queue' }).waitFor();
  // The queue runs oldest first: the demo's open dispute comes before the new one.
  await page.getByRole('link', { name: `Dispute ${disputeId}` }).waitFor();
  const rows = await page.locator('table.disputes tbody tr td:first-child').allTextContents();
  assert.ok(rows.length >= 2, rows.join(','));
  assert.equal(rows.at(-1), `Dispute ${disputeId}`);
  await page.getByRole('link', { name: `Dispute ${disputeId}` }).click();
  await page.getByRole('heading', { name: `Dispute ${disputeId}` }).waitFor();
  await page.getByLabel('Reply', { exact: true }).fill('Thanks, we are checking the quarter volume.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await page.getByText('Thanks, we are checking the quarter volume.').waitFor();

  // A reward without a program is adjusted in a program the manager chooses (a select the
  // search box next to it narrows; exact, so the search box, "Search programs for …", is left out).
  const program = page.getByLabel('Paid from program', { exact: true });
  if ((await program.count()) > 0) await program.selectOption({ index: 1 });
  await page.getByLabel('Amount', { exact: true }).fill('25.505');
  await page.getByLabel('Explanation', { exact: true }).fill('second tier rate on the quarter');
  await page.getByRole('button', { name: 'Post adjustment' }).click();
  const outcome = page.getByRole('heading', { name: 'Outcome: adjusted' });
  const problem = page.locator('.form-error, .field-error').first();
  await outcome.or(problem).waitFor();
  assert.deepEqual(await page.locator('.form-error, .field-error').allTextContents(), []);
  await page.locator('.dispute-outcome').getByText('+€25.51').waitFor();
  await screenshot(page, 'dispute-adjusted');
  // Resolving twice is refused by the server.
  const again = await page.request.post(`${e2e.stack.baseUrl}/v1/disputes/${disputeId}:resolve`, {
    headers: { 'X-CIM-Client': 'e2e' },
    data: { refusal: { reason: 'twice' } },
  });
  assert.equal(again.status(), 400);
  assert.match((await again.json()).message, /ADJUSTED/);
  await page.context().close();
});

test('the rep sees the thread, the outcome and the adjustment entry', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('partner rep'));
  await page.goto(`${e2e.stack.baseUrl}/disputes/${disputeId}`);
  await page.getByRole('heading', { name: 'Outcome: adjusted' }).waitFor();
  await page.getByText('Thanks, we are checking the quarter volume.').waitFor();
  await page.getByText(`Adjustment for dispute #${disputeId}: second tier rate on the quarter`).waitFor();
  const dispute = await (await page.request.get(`${e2e.stack.baseUrl}/v1/disputes/${disputeId}`)).json();
  assert.equal(dispute.state, 'DISPUTE_STATE_ADJUSTED');
  assert.equal(dispute.adjustment.kind, 'LEDGER_ENTRY_KIND_ADJUSTMENT');
  assert.match(dispute.adjustment.amount, /^25\.51$/);
  assert.equal(dispute.thread.length, 2);
  // The entry is on the rep's ledger, linked back to the dispute.
  await page.goto(`${e2e.stack.baseUrl}/rewards`);
  await page.getByRole('link', { name: `dispute ${disputeId}` }).first().waitFor();
  await screenshot(page, 'rewards-with-adjustment');
  await page.context().close();
});

test('a partner admin reads the disputes in Dutch', async () => {
  const page = await newPage({ locale: 'nl-NL' });
  await page.goto(e2e.stack.baseUrl);
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  await signIn(page, e2e.stack.baseUrl, login('partner admin'), {
    signInLabel: 'Inloggen',
    emailLabel: 'Zakelijk e-mailadres',
    passwordLabel: 'Wachtwoord',
  });
  await page.goto(`${e2e.stack.baseUrl}/disputes`);
  await page.getByRole('heading', { name: 'Geschillen' }).waitFor();
  await page.getByRole('link', { name: `Geschil ${disputeId}` }).waitFor();
  await page.getByText('Gecorrigeerd').first().waitFor();
  await page.getByText('Afgewezen').first().waitFor();
  await page.getByRole('link', { name: `Geschil ${disputeId}` }).click();
  await page.getByRole('heading', { name: 'Uitkomst: gecorrigeerd' }).waitFor();
  await page.getByText(/€\s25,51/).first().waitFor();
  await page.getByRole('heading', { name: /Gesprek \(2 berichten\)/ }).waitFor();
  await screenshot(page, 'dispute-nl');
  await page.context().close();
});

const kDisputePages = () => ({
  'partner rep': ['/disputes', `/disputes/new?entry=${entryId}`, '/disputes/new', `/disputes/${disputeId}`],
  'partner admin': ['/disputes', `/disputes/${disputeId}`],
  'channel manager': ['/disputes', `/disputes/${disputeId}`, '/disputes/1'],
  'program admin': ['/programs/1/performance'],
});

test('dispute pages have no serious or critical accessibility violations', async () => {
  const failures = [];
  for (const [role, paths] of Object.entries(kDisputePages())) {
    const page = await newPage();
    await signIn(page, e2e.stack.baseUrl, login(role));
    for (const path of paths) {
      await page.goto(`${e2e.stack.baseUrl}${path}`);
      await page.locator('#main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const violations = await seriousAxeViolations(page);
      if (violations.length) failures.push(`${role} ${path}:\n  ${violations.join('\n  ')}`);
    }
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});

test('dispute pages fit a phone', async () => {
  const failures = [];
  for (const [role, paths] of Object.entries(kDisputePages())) {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, e2e.stack.baseUrl, login(role));
    for (const path of paths) {
      await page.goto(`${e2e.stack.baseUrl}${path}`);
      await page.locator('#main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) failures.push(`${role} ${path} is ${overflow}px wider than the phone`);
      await screenshot(page, `dispute-phone-${role.replace(' ', '-')}${path.replace(/[/?=&]/g, '-')}`);
    }
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});
