// Browser end-to-end tests of the manager console against the real stack with the demo data: a
// program admin builds a program (a rule error lands on its field, the what-if simulation,
// activation); a program admin writes a quiz that a partner rep then takes, graded by the server;
// a channel manager pre-approves, reimburses and refuses MDF requests; finance reverses a reward
// with a reason and pays a statement; a program admin posts a spotlight, keeps the product
// catalog (a CSV import checked row by row), the API keys of service accounts and the staff
// (invitations, two-step sign-in shown); a program admin edits and archives badges and boards
// (partners keep the badges they earned and no longer see the rest); every console page at phone
// width and under axe-core.
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

test('finance filters statements by program and period and reads the same statements as the API', async () => {
  const base = e2e.stack.baseUrl;
  const page = await newPage();
  await signIn(page, base, login('finance'));
  const [first] = (await (await page.request.get(`${base}/v1/statements?pageSize=1`)).json()).statements;
  const detail = await (await page.request.get(`${base}/v1/statements/${first.id}`)).json();
  const programId = detail.entries.find((e) => e.programId && e.programId !== '0').programId;
  const query = `programId=${programId}&fromDate=${first.periodStart}&toDate=${first.periodEnd}&pageSize=25`;
  const expected = (await (await page.request.get(`${base}/v1/statements?${query}`)).json()).statements.map((s) => `Statement ${s.id}`);
  assert.ok(expected.includes(`Statement ${first.id}`));

  await page.goto(`${base}/payouts`);
  const table = page.getByTestId('statements-table');
  await table.waitFor();
  await page.getByRole('combobox', { name: /^Program\b/ }).selectOption(programId);
  await page.getByLabel('Period from', { exact: true }).last().fill(first.periodStart);
  await page.getByLabel('Period to (inclusive)', { exact: true }).last().fill(first.periodEnd);
  await page.waitForFunction(
    (want) => {
      const links = [...document.querySelectorAll('[data-testid="statements-table"] tbody a')].map((a) => a.textContent);
      return links.length === want.length && want.every((w, i) => links[i] === w);
    },
    expected,
  );
  await screenshot(page, 'console-statements-filtered');
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

test('finance reverses a reward with a reason; the partner sees the reversal and why', async () => {
  const base = e2e.stack.baseUrl;
  const partner = await newPage();
  await signIn(partner, base, login('partner admin'));
  // An unpaid rebate of the partner's, not in any statement yet.
  const { entries } = await (await partner.request.get(`${base}/v1/ledger-entries?pageSize=200`)).json();
  const rebate = entries.find((e) => e.kind === 'LEDGER_ENTRY_KIND_REBATE' && e.statementId === '0' && e.claimId !== '0');
  assert.ok(rebate, 'the demo partner has an unpaid rebate');

  const finance = await newPage();
  await signIn(finance, base, login('finance'));
  await finance.getByRole('link', { name: 'Ledger' }).click();
  await finance.getByLabel('Claim', { exact: true }).fill(rebate.claimId);
  const row = finance.getByTestId(`ledger-entry-${rebate.id}`);
  await row.getByRole('button', { name: 'Reverse…' }).click();
  await row.getByRole('button', { name: `Reverse entry ${rebate.id}` }).click();
  assert.equal(await fieldError(finance, 'Reason for the reversal (the partner reads it)'), 'required');
  await row.getByLabel('Reason for the reversal (the partner reads it)').fill('Invoice credited by the distributor.');
  await screenshot(finance, 'console-ledger-reversal');
  await row.getByRole('button', { name: `Reverse entry ${rebate.id}` }).click();
  await finance.getByText(new RegExp(`Entry ${rebate.id} reversed by entry \\d+`)).waitFor();
  // The reversal is listed beside the entry it reverses, which can be reversed once only.
  const reversal = finance.locator('li.entry', { hasText: `reverses entry ${rebate.id}` });
  await reversal.waitFor();
  assert.match(await reversal.textContent(), /Invoice credited by the distributor\./);
  assert.equal(await reversal.getByRole('button', { name: 'Reverse…' }).count(), 0);
  await row.getByRole('button', { name: 'Reverse…' }).click();
  await row.getByLabel('Reason for the reversal (the partner reads it)').fill('Twice by mistake.');
  await row.getByRole('button', { name: `Reverse entry ${rebate.id}` }).click();
  assert.match(await row.getByRole('alert').textContent(), new RegExp(`ledger entry ${rebate.id} is already reversed`));

  // The partner's rewards show the reversal with its reason.
  await partner.goto(`${base}/rewards`);
  const seen = partner.locator('li.entry', { hasText: `reverses entry ${rebate.id}` });
  await seen.waitFor();
  assert.match(await seen.textContent(), /Invoice credited by the distributor\./);
  await partner.context().close();
  await finance.context().close();
});

test('a program admin spotlights a partner; its people read it in their feed', async () => {
  const base = e2e.stack.baseUrl;
  const admin = await newPage();
  await signIn(admin, base, login('program admin'));
  await admin.getByRole('link', { name: 'Feed' }).click();
  await admin.getByRole('button', { name: 'Post spotlight' }).click();
  assert.equal(await fieldError(admin, 'Headline'), 'required');
  await admin.getByLabel('Partner', { exact: true }).selectOption({ label: 'Amstel Systems' });
  await admin.getByLabel('Headline', { exact: true }).fill('Amstel Systems certified ten storage engineers');
  await admin.getByLabel('Story', { exact: true }).fill('A whole team through the storage track in one quarter.');
  await admin.getByRole('button', { name: 'Post spotlight' }).click();
  await admin.getByText('Spotlight posted').waitFor();
  await admin.locator('.feed__headline', { hasText: 'Amstel Systems certified ten storage engineers' }).waitFor();
  await screenshot(admin, 'console-spotlight');

  const partner = await newPage();
  await signIn(partner, base, login('partner admin'));
  await partner.goto(`${base}/feed`);
  const post = partner.locator('.feed__item', { hasText: 'Amstel Systems certified ten storage engineers' });
  await post.waitFor();
  assert.match(await post.textContent(), /A whole team through the storage track in one quarter\./);
  await admin.context().close();
  await partner.context().close();
});

test('a program admin keeps the product catalog: add, edit, retire, and a CSV import checked row by row', async () => {
  const base = e2e.stack.baseUrl;
  const page = await newPage();
  await signIn(page, base, login('program admin'));
  await page.getByRole('link', { name: 'Product catalog' }).click();
  await page.getByRole('button', { name: 'Add a product' }).click();
  const form = page.getByTestId('new-product');
  await form.getByLabel('SKU', { exact: true }).fill('E2E-SW-48');
  await form.getByLabel('Name', { exact: true }).fill('Switch 48 ports');
  await form.getByLabel('Category', { exact: true }).fill('Networking');
  await form.getByLabel('List price', { exact: true }).fill('-1');
  await form.getByRole('button', { name: 'Add to the catalog' }).click();
  assert.equal(await fieldError(page, 'List price'), 'must not be negative');
  await form.getByLabel('List price', { exact: true }).fill('2,499.00');
  await form.getByLabel('Unit cost', { exact: true }).fill('1,600');
  await form.getByRole('button', { name: 'Add to the catalog' }).click();
  await page.getByText('E2E-SW-48 added to the catalog').waitFor();

  await page.getByRole('searchbox').fill('E2E-SW');
  const row = page.getByTestId('product-E2E-SW-48');
  assert.match(await row.textContent(), /Switch 48 ports.*€2,499\.00.*€1,600\.00/);
  await row.getByRole('button', { name: 'Edit E2E-SW-48' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Switch 48 ports PoE');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('E2E-SW-48 saved').waitFor();
  await page.getByTestId('product-E2E-SW-48').getByRole('button', { name: 'Retire E2E-SW-48' }).click();
  await page.getByText('E2E-SW-48 retired').waitFor();
  await page.getByTestId('product-E2E-SW-48').waitFor({ state: 'detached' });  // the list shows active products
  await page.getByRole('button', { name: 'Retired product' }).click();
  assert.match(await page.getByTestId('product-E2E-SW-48').textContent(), /Switch 48 ports PoE/);

  // A CSV with a bad row: every problem is shown and nothing is written.
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  const csv = (rows) => ({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(`sku,name,category,currency_code,list_price,unit_cost\n${rows}`) });
  await page.getByLabel('CSV file').setInputFiles(csv('E2E-CSV-1,Patch cable,Networking,EUR,9.90,2\nE2E-CSV-2,,Networking,EURO,12,3\n'));
  await page.getByRole('button', { name: 'Check products.csv' }).click();
  const problems = page.getByTestId('import-problems');
  await problems.waitFor();
  assert.match(await problems.textContent(), /3E2E-CSV-2name: requiredcurrency_code: "EURO" is not a supported ISO 4217 currency code/);
  assert.equal(await page.getByRole('button', { name: /^Import \d+ products$/ }).count(), 0);
  await screenshot(page, 'console-products-import-problems');
  const none = await (await page.request.get(`${base}/v1/products?query=E2E-CSV`)).json();
  assert.deepEqual(none.products ?? [], []);

  // The corrected file is checked, then imported.
  await page.getByLabel('CSV file').setInputFiles(csv('E2E-CSV-1,Patch cable,Networking,EUR,9.90,2\nE2E-SW-48,Switch 48 ports PoE,Networking,EUR,2399,1600\n'));
  await page.getByRole('button', { name: 'Check products.csv' }).click();
  await page.getByText('1 new and 1 updated products, no problems.').waitFor();
  await page.getByRole('button', { name: 'Import 2 products' }).click();
  await page.getByText('Products imported: 1 new, 1 updated').waitFor();
  const imported = await (await page.request.get(`${base}/v1/products?query=E2E-`)).json();
  const prices = Object.fromEntries(imported.products.map((p) => [p.sku, Number(p.listPrice)]));
  assert.deepEqual(prices, { 'E2E-CSV-1': 9.9, 'E2E-SW-48': 2399 });
  await page.context().close();
});

test('a program admin creates a service account, issues a key shown once that the API takes, and revokes it', async () => {
  const base = e2e.stack.baseUrl;
  const page = await newPage();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await signIn(page, base, login('program admin'));
  await page.goto(`${base}/setup/api-keys`);
  await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
  await page.getByLabel('System name').fill('E2E warehouse sync');
  await page.getByLabel('Contact email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create service account' }).click();
  assert.match(await fieldError(page, 'Contact email'), /valid email/);
  await page.getByLabel('Contact email').fill('warehouse-sync@vendor.example');
  await page.getByRole('button', { name: 'Create service account' }).click();
  const card = page.locator('.card', { has: page.getByRole('heading', { name: 'E2E warehouse sync' }) });
  await card.getByText('No keys yet.').waitFor();

  await card.getByLabel('What the new key is for').fill('Nightly stock levels');
  await card.getByLabel('Valid for (days)').fill('900');
  await card.getByRole('button', { name: /Issue a key/ }).click();
  await card.getByText(/must be between 1 and 730/).waitFor();
  await card.getByLabel('Valid for (days)').fill('30');
  await card.getByRole('button', { name: /Issue a key/ }).click();
  const issued = card.getByTestId('issued-key');
  await issued.waitFor();
  const key = (await issued.locator('code').textContent()).trim();
  assert.match(key, /^cimk_/);
  await issued.getByRole('button', { name: 'Copy key' }).click();
  await issued.getByRole('button', { name: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
  await screenshot(page, 'console-api-key-issued');

  // The key works as a Bearer credential, for the service account.
  const me = await fetch(`${base}/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(me.status, 200);
  assert.equal((await me.json()).role, 'ROLE_SERVICE_ACCOUNT');

  // Once hidden it is gone for good: the list shows what it is for, never the key.
  await issued.getByRole('button', { name: 'Done, hide it' }).click();
  const row = card.getByRole('row', { name: /Nightly stock levels/ });
  await row.getByText('Active').waitFor();
  assert.doesNotMatch(await card.textContent(), /cimk_/);
  await row.getByRole('button', { name: /Revoke/ }).click();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await row.getByText('Revoked').waitFor();
  const after = await fetch(`${base}/v1/auth/me`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(after.status, 401);
  await page.context().close();
});

test('a program admin keeps the staff: by role a page at a time, two-step sign-in shown, a colleague invited, one disabled and enabled', async () => {
  const base = e2e.stack.baseUrl;
  const page = await newPage();
  await signIn(page, base, login('program admin'));
  await page.goto(`${base}/setup/staff`);
  await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
  const list = page.getByTestId('staff-list');
  const row = (email) => list.getByRole('row').filter({ hasText: email });

  // Finance: the demo's finance person signs in with two-step sign-in, their colleague has not set it up.
  await page.getByRole('group', { name: 'Role' }).getByRole('button', { name: 'Finance' }).click();
  await row('finance@vendor.example').getByRole('cell', { name: 'On', exact: true }).waitFor();
  await row('finance.ops@vendor.example').getByRole('cell', { name: 'Off', exact: true }).waitFor();
  assert.equal(await row('finance.ops@vendor.example').getByRole('button', { name: /Reset two-step sign-in/ }).count(), 0);
  // The list is what the API answers for the role.
  const api = e2e.stack.query('SELECT COUNT(*) FROM users WHERE role = 5');
  assert.equal(await list.locator('tbody tr').count(), Number(api));

  await page.getByRole('button', { name: 'Invite a colleague' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Quinn Ledger');
  await page.getByLabel('Email', { exact: true }).fill('quinn.ledger@vendor.example');
  await page.getByRole('combobox', { name: /^Role\b/ }).selectOption('ROLE_FINANCE');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.getByText('Quinn Ledger is invited: an email to quinn.ledger@vendor.example brings a link to choose a password.').waitFor();
  await row('quinn.ledger@vendor.example').getByRole('cell', { name: 'Off', exact: true }).waitFor();

  // Channel managers: one disabled, then enabled again; a search narrows the list.
  await page.getByRole('group', { name: 'Role' }).getByRole('button', { name: 'Channel manager' }).click();
  await page.getByLabel('Search').fill('apac');
  await list.locator('tbody tr').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="staff-list"] tbody tr').length === 1);
  const apac = row('cm.apac@vendor.example');
  await apac.getByRole('button', { name: /^Disable/ }).click();
  await apac.getByText('Disabled', { exact: true }).waitFor();
  await apac.getByRole('button', { name: /^Enable/ }).click();
  await apac.getByText('Active', { exact: true }).waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);
  await screenshot(page, 'console-staff');
  await page.context().close();
});

const kConsolePages = {
  'program admin': [
    '/feed',
    '/products',
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
    '/setup/api-keys',
    '/setup/staff',
    '/account/security',
    '/audit',
  ],
  'channel manager': ['/review', '/fund-requests', '/programs', '/partners', '/partners/4', '/setup/tiers'],
  finance: ['/payouts', '/statements/1', '/performance', '/ledger'],
};

test('a program admin edits and archives badges and a board; partners keep what they earned and no longer see the rest', async () => {
  const base = e2e.stack.baseUrl;
  const rep = await newPage();
  await signIn(rep, base, login('partner rep'));
  await rep.goto(`${base}/badges`);
  await rep.getByTestId('badge-count').waitFor();
  await rep.locator('.badge-card').first().waitFor();
  const earned = await rep.locator('.badge-card--earned h2').allTextContents();
  const locked = await rep.locator('.badge-card--locked h2').allTextContents();
  assert.ok(earned.length > 0 && locked.length > 0, `the demo rep has earned and locked badges: ${earned} / ${locked}`);
  const [kept] = earned;
  const [gone] = locked;

  const admin = await newPage();
  await signIn(admin, base, login('program admin'));
  await admin.goto(`${base}/setup/recognition`);
  const catalog = admin.getByTestId('badge-catalog');
  await catalog.getByRole('button', { name: `Edit ${kept}`, exact: true }).click();
  const form = admin.getByTestId('edit-badge');
  // What earns it is shown, not editable.
  await form.getByText('What earns a badge stays as it is').waitFor();
  assert.equal(await form.getByLabel('Name', { exact: true }).inputValue(), kept);
  await form.getByLabel('Name', { exact: true }).fill('');
  await form.getByRole('button', { name: 'Save badge' }).click();
  assert.equal(await fieldError(admin, 'Name'), 'required');
  await form.getByLabel('Name', { exact: true }).fill(`${kept} (classic)`);
  await form.getByLabel('Description', { exact: true }).fill('Kept by everyone who earned it.');
  await form.getByRole('button', { name: 'Save badge' }).click();
  await admin.getByText(`Badge ${kept} (classic) saved`).waitFor();
  for (const name of [`${kept} (classic)`, gone]) {
    await catalog.getByRole('button', { name: `Archive ${name}`, exact: true }).click();
    await admin.getByText(`Badge ${name} archived`).waitFor();
  }
  // Archived badges leave the list unless asked for, marked archived.
  await catalog.getByRole('row', { name: new RegExp(gone) }).waitFor({ state: 'detached' });
  await catalog.getByLabel('Show archived').check();
  const archivedRow = catalog.getByRole('row', { name: new RegExp(gone) });
  await archivedRow.getByText('Archived', { exact: true }).waitFor();
  await screenshot(admin, 'console-badges-archived');

  // The rep keeps the one earned, under its new name; the locked one is gone.
  await rep.reload();
  await rep.locator('.badge-card--earned h2', { hasText: `${kept} (classic)` }).waitFor();
  assert.equal(await rep.locator('.badge-card h2', { hasText: gone }).count(), 0);
  assert.equal(await rep.locator('.badge-card--locked').count(), locked.length - 1);

  // A board renamed, then archived: partners no longer see it; vendor staff still do.
  await admin.getByRole('tab', { name: 'Leaderboards' }).click();
  const boards = admin.getByTestId('leaderboard-list');
  await boards.getByRole('button', { name: 'Rename All-time points', exact: true }).click();
  await admin.getByTestId('rename-leaderboard').getByLabel('Name', { exact: true }).fill('All-time points ever');
  await admin.getByTestId('rename-leaderboard').getByRole('button', { name: 'Save' }).click();
  await admin.getByText('Leaderboard All-time points ever saved').waitFor();
  await rep.goto(`${base}/leaderboards`);
  const chips = rep.getByRole('group', { name: 'Board' });
  await chips.getByRole('button', { name: 'All-time points ever' }).waitFor();
  await boards.getByRole('button', { name: 'Archive All-time points ever', exact: true }).click();
  await admin.getByText('Leaderboard All-time points ever archived').waitFor();
  await rep.reload();
  await chips.getByRole('button', { name: 'Points this month' }).waitFor();
  assert.equal(await chips.getByRole('button', { name: 'All-time points ever' }).count(), 0);

  // Restored, each is back as it was for everyone.
  await boards.getByLabel('Show archived').check();
  await boards.getByRole('button', { name: 'Restore All-time points ever', exact: true }).click();
  await admin.getByText('Leaderboard All-time points ever restored').waitFor();
  await admin.getByRole('tab', { name: 'Badges' }).click();
  await catalog.getByLabel('Show archived').check();
  await catalog.getByRole('button', { name: `Restore ${gone}`, exact: true }).click();
  await admin.getByText(`Badge ${gone} restored`).waitFor();
  await rep.goto(`${base}/badges`);
  await rep.locator('.badge-card h2', { hasText: gone }).waitFor();
  await admin.context().close();
  await rep.context().close();
});

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
