// Browser end-to-end tests of the manager console against the real stack with the demo data: a
// program admin builds a program (a rule error lands on its field, the what-if simulation,
// activation); a program admin writes a quiz that a partner rep then takes, graded by the server;
// a channel manager pre-approves, reimburses and refuses MDF requests; finance pays a statement;
// every console page at phone width and under axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, seriousAxeViolations, signIn } from './browser.mjs';

const e2e = useStack();
const { login, newPage } = e2e;
// The error shown for a field: the element its input's aria-describedby names.
async function fieldError(page, label) {
  const input = page.getByLabel(label, { exact: true });
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await input.elementHandle());
  const id = await input.getAttribute('aria-describedby');
  return page.locator(`[id="${id}"]`).textContent();
}

test('a program admin builds a program: rule errors on the field, simulation, activation', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('program admin'));
  await page.goto(`${e2e.stack.baseUrl}/programs/new`);
  await page.getByLabel('Name', { exact: true }).fill('E2E storage rebate');
  await page.getByLabel('Budget', { exact: true }).fill('50,000');
  const year = new Date().getUTCFullYear();
  await page.getByLabel('Starts', { exact: true }).fill(`${year}-01-01`);
  await page.getByLabel('Ends', { exact: true }).fill(`${year}-12-31`);
  await page.getByLabel('Terms partners accept on enrollment').fill('Rebates are paid quarterly on approved claims.');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Rule name', { exact: true }).fill('Storage rebate');
  await page.getByLabel('Tier 1 percent', { exact: true }).fill('150');
  await page.getByRole('button', { name: 'Add partner tier uplift' }).click();
  await page.getByLabel('Partner tier', { exact: true }).fill('gold');
  await page.getByLabel('Extra percent', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Create draft' }).click();
  assert.match(await fieldError(page, 'Tier 1 percent'), /100/);
  await screenshot(page, 'console-program-rule-error');

  // Gold's uplift on top of the 4% tier may not pass 100% of the sale.
  await page.getByLabel('Tier 1 percent', { exact: true }).fill('4');
  await page.getByLabel('Extra percent', { exact: true }).fill('97');
  await page.getByRole('button', { name: 'Create draft' }).click();
  assert.match(await fieldError(page, 'Extra percent'), /at most 96: with the highest volume tier's 4% it would pass 100% of the sale/);
  await page.getByLabel('Extra percent', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/programs\/\d+\/edit$/);
  const programId = page.url().match(/programs\/(\d+)\/edit/)[1];
  await page.getByRole('button', { name: 'Simulate' }).click();
  await page.getByText(/would cost €/).first().waitFor();
  await screenshot(page, 'console-program-simulation');

  await page.goto(`${e2e.stack.baseUrl}/programs/${programId}`);
  await page.getByRole('button', { name: 'Activate' }).click();
  await page.getByRole('button', { name: 'Yes, activate' }).click();
  await page.getByText('Program is active.').waitFor();
  const program = await (await page.request.get(`${e2e.stack.baseUrl}/v1/programs/${programId}`)).json();
  assert.equal(program.status, 'PROGRAM_STATUS_ACTIVE');
  assert.equal(program.rules[0].rebate.tiers[0].percent, '4');
  assert.deepEqual(program.rules[0].rebate.partnerTierUplifts, [{ tier: 'gold', percent: '2' }]);
  await page.getByText(/Partner tiers earn more on each sale: \+2% for gold\./).waitFor();
  assert.match(program.budget, /^50000(\.0+)?$/);
  await page.context().close();
});

test('a quiz a program admin writes is taken by a rep and graded by the server', async () => {
  const admin = await newPage();
  await signIn(admin, e2e.stack.baseUrl, login('program admin'));
  await admin.goto(`${e2e.stack.baseUrl}/setup/training`);
  await admin.getByRole('button', { name: 'New training module' }).click();
  await admin.getByLabel('Title', { exact: true }).fill('E2E access points');
  await admin.getByLabel('Points for the first completion').fill('15');
  await admin.getByLabel('Quiz in the portal, graded by CIM').check();
  await admin.getByLabel('Pass mark (%)').fill('100');
  await admin.getByLabel('Question 1', { exact: true }).fill('What powers a ceiling access point?');
  await admin.getByLabel('Answer A', { exact: true }).fill('Power over Ethernet');
  await admin.getByLabel('Answer B', { exact: true }).fill('A battery');
  await admin.getByLabel('Answer A of question 1 is correct').check();
  await admin.getByRole('button', { name: 'Create module' }).click();
  await admin.getByRole('cell', { name: /E2E access points/ }).getByText('Portal quiz: 1 question, pass mark 100%').waitFor();
  await admin.context().close();

  const rep = await newPage();
  await signIn(rep, e2e.stack.baseUrl, login('partner rep'));
  await rep.goto(`${e2e.stack.baseUrl}/training`);
  const card = rep.locator('.module', { has: rep.getByRole('heading', { name: 'E2E access points' }) });
  await card.getByRole('button', { name: 'Take the quiz (1 question)' }).click();
  await card.getByLabel('A battery').check();
  await card.getByRole('button', { name: 'Submit answers' }).click();
  await card.getByText('You scored 0%; 100% passes.', { exact: false }).waitFor();
  await card.getByLabel('A battery').uncheck();
  await card.getByLabel('Power over Ethernet').check();
  await card.getByRole('button', { name: 'Submit answers' }).click();
  await rep.getByText('You scored 100%. Module completed: 15 points earned!').waitFor();
  await card.getByText(/^Completed /).waitFor();
  await screenshot(rep, 'training-quiz-passed');
  await rep.context().close();
});

test('finance marks a statement paid with its payment reference', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('finance'));
  const open = await (await page.request.get(`${e2e.stack.baseUrl}/v1/statements?status=STATEMENT_STATUS_OPEN&pageSize=1`)).json();
  const id = open.statements[0].id;
  await page.goto(`${e2e.stack.baseUrl}/statements/${id}`);
  await page.getByRole('button', { name: 'Mark paid' }).click();
  await page.getByLabel('Payment reference').fill('E2E-TRANSFER-1');
  await page.getByRole('button', { name: /Confirm payment of €/ }).click();
  await page.getByText('Reference E2E-TRANSFER-1').waitFor();
  const statement = await (await page.request.get(`${e2e.stack.baseUrl}/v1/statements/${id}`)).json();
  assert.equal(statement.status, 'STATEMENT_STATUS_PAID');
  await screenshot(page, 'console-statement-paid');
  await page.context().close();
});

// A small PDF as proof of performance.
function proofPdf() {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
}

test('MDF: a manager pre-approves a request, reimburses it against proof up to the approved amount, refuses only with a reason', async () => {
  const base = e2e.stack.baseUrl;
  const partner = await newPage();
  await signIn(partner, base, login('partner admin'));
  await partner.goto(`${base}/funds`);
  await partner.getByRole('button', { name: 'Request funds for an activity' }).click();
  await partner.getByLabel('Fund', { exact: true }).selectOption({ label: 'MDF · Marketing Development & Co-op 2026' });
  await partner.getByLabel('Activity', { exact: true }).fill('E2E partner summit');
  await partner.getByLabel('Planned cost', { exact: true }).fill('2,000');
  await partner.getByLabel('Starts', { exact: true }).fill('2026-11-10');
  await partner.getByLabel('Ends', { exact: true }).fill('2026-11-12');
  await partner.getByRole('button', { name: 'Send for approval' }).click();
  await partner.getByText('Fund request sent for approval').waitFor();

  // The channel manager's queue opens on the requests waiting for pre-approval.
  const manager = await newPage();
  await signIn(manager, base, login('channel manager'));
  await manager.getByRole('link', { name: 'Fund requests' }).click();
  const waiting = manager.locator('li.request', { hasText: 'E2E partner summit' });
  await waiting.getByText('Review and decide').click();
  assert.match(await waiting.getByTestId('fund-available').textContent(), /available in this fund/);
  await waiting.getByLabel('Amount to reserve').fill('1,500');
  await screenshot(manager, 'console-fund-request-decision');
  await waiting.getByRole('button', { name: 'Pre-approve' }).click();
  await manager.getByText('Fund request pre-approved').waitFor();
  await waiting.waitFor({ state: 'detached' });

  // The partner runs the activity and claims more than was approved, with proof.
  await partner.reload();
  const own = partner.locator('li.request', { hasText: 'E2E partner summit' });
  await own.getByRole('button', { name: 'Claim reimbursement' }).click();
  await own.getByLabel('Actual cost', { exact: true }).fill('1,800');
  await own.getByTestId('proof-input').setInputFiles({ name: 'summit-proof.pdf', mimeType: 'application/pdf', buffer: proofPdf() });
  await own.getByText('Uploaded').waitFor();
  await own.getByLabel('Proof of performance notes').fill('Summit held, 40 attendees.');
  await own.getByRole('button', { name: 'Submit reimbursement claim' }).click();
  await partner.getByText('Reimbursement claimed').waitFor();

  // Reimbursing pays the actual cost up to the pre-approved amount.
  await manager.getByRole('button', { name: 'Proof submitted' }).click();
  const claimed = manager.locator('li.request', { hasText: 'E2E partner summit' });
  await claimed.getByText('Review and decide').click();
  await claimed.getByText('Summit held, 40 attendees.').waitFor();
  await screenshot(manager, 'console-fund-reimbursement');
  await claimed.getByRole('link', { name: 'summit-proof.pdf' }).waitFor();
  await claimed.getByRole('button', { name: 'Reimburse €1,500.00' }).click();
  await manager.getByText('Reimbursement approved').waitFor();
  await partner.reload();
  const paid = partner.locator('li.request', { hasText: 'E2E partner summit' });
  await paid.getByText('Reimbursed', { exact: true }).first().waitFor();
  assert.match(await paid.textContent(), /Reimbursed€1,500\.00/);

  // Refusing the demo's waiting request asks for a reason first.
  await manager.getByRole('button', { name: 'Waiting for approval' }).click();
  const other = manager.locator('li.request').first();
  const activity = (await other.locator('strong').first().textContent()).trim();
  await other.getByText('Review and decide').click();
  await other.getByRole('button', { name: 'Refuse' }).click();
  assert.equal(await fieldError(manager, 'Comment to the partner (required to refuse)'), 'required');
  await other.getByLabel('Comment to the partner (required to refuse)').fill('Events in December are out of scope this year.');
  await other.getByRole('button', { name: 'Refuse' }).click();
  await manager.getByText('Fund request refused').waitFor();
  await manager.locator('li.request', { hasText: activity }).waitFor({ state: 'detached' });
  await manager.getByRole('button', { name: 'Rejected' }).click();
  await manager.locator('li.request', { hasText: activity }).waitFor();
  await partner.context().close();
  await manager.context().close();
});

const kConsolePages = {
  'program admin': [
    '/programs',
    '/programs/1',
    '/programs/1/edit',
    '/programs/new',
    '/performance',
    '/programs/1/performance',
    '/partners',
    '/partners/4',
    '/setup/tiers',
    '/setup/recognition',
    '/setup/training',
    '/setup/engagement',
    '/audit',
  ],
  'channel manager': ['/review', '/fund-requests', '/programs', '/partners', '/partners/4', '/setup/tiers'],
  finance: ['/payouts', '/statements/1', '/performance'],
};

test('console pages have no serious or critical accessibility violations', async () => {
  const failures = [];
  for (const [role, paths] of Object.entries(kConsolePages)) {
    const page = await newPage();
    await signIn(page, e2e.stack.baseUrl, login(role));
    for (const path of paths) {
      await page.goto(`${e2e.stack.baseUrl}${path}`);
      await page.locator('#main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const violations = await seriousAxeViolations(page);
      if (violations.length) failures.push(`${role} ${path}:\n  ${violations.join('\n  ')}`);
      await screenshot(page, `console-${role.replace(' ', '-')}${path.replace(/\//g, '-')}`);
    }
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});

test('console pages fit a phone', async () => {
  const failures = [];
  for (const [role, paths] of Object.entries(kConsolePages)) {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, e2e.stack.baseUrl, login(role));
    for (const path of paths) {
      await page.goto(`${e2e.stack.baseUrl}${path}`);
      await page.locator('#main h1').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) failures.push(`${role} ${path} is ${overflow}px wider than the phone`);
    }
    await screenshot(page, `console-${role.replace(' ', '-')}-phone`);
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});
