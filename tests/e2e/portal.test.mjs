// Browser end-to-end tests of the portal against the real stack with the demo data: the claim
// journey from a rep's submission to a manager's approval and the rep's live dashboard, a partner
// admin joining a program, partner isolation, phone width, Dutch, and axe-core checks with a
// screenshot of every main page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, seriousAxeViolations, signIn } from './browser.mjs';

const e2e = useStack();
const { login, newPage } = e2e;
let claimId;

const today = () => new Date().toISOString().slice(0, 10);

// A small real PDF, as a partner would attach an invoice.
function invoicePdf() {
  return Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
}

test('a rep submits a claim with proof, a manager approves it, the dashboard updates live', async () => {
  const rep = await newPage();
  await signIn(rep, e2e.stack.baseUrl, login('partner rep'));
  await rep.getByTestId('points-balance').waitFor();
  const pointsBefore = Number((await rep.getByTestId('points-balance').textContent()).replace(/\D/g, ''));
  assert.equal(pointsBefore, 390);
  assert.match(await rep.getByTestId('tier-gap').textContent(), /more sales and 1 more user certified in storage-expert to Platinum$/);
  // What the tier gives now, and what the next one unlocks.
  assert.match(await rep.getByTestId('tier-benefits').textContent(), /Rebates \+2%/);
  assert.match(await rep.getByTestId('next-tier-benefits').textContent(), /^Platinum unlocks: Rebates \+3%/);
  // A certification about to lapse would cost Gold: the warning names the rebate the engine pays
  // less at Silver.
  assert.match(
    await rep.getByTestId('demotion-warning').textContent(),
    /^If .+’s certification expires on \d+ \w+ \d{4}, Amstel Systems drops to Silver and loses 1% rebate in Storage & Server Growth Rebate 2026: €[\d,]+\.\d\d on this period’s sales so far\.Renew in time to keep Gold$/,
  );
  await rep.getByTestId('tier-uplift').getByText('Your partner tier adds 2% to every sale.').waitFor();
  // Nudges name the money, as the server's rules engine computes it.
  await rep.getByText(/more sales this period lifts all of it to 3%: about €[\d,.]+ more, with the true-up/).waitFor();
  await rep.getByText(/€2,500 is €[\d,.]+ of sales away/).waitFor();

  // Submit: program, invoice, customer, a product found by SKU (its list price filled in), proof.
  await rep.getByRole('link', { name: 'Claims' }).click();
  await rep.getByRole('link', { name: 'New claim' }).click();
  await rep.waitForURL(/\/claims\/new$/);
  await rep.getByLabel('Program', { exact: true }).selectOption({ label: 'Storage & Server Growth Rebate 2026' });
  await rep.getByLabel('Invoice number').fill(`E2E-${Date.now()}`);
  await rep.getByLabel('Invoice date').fill(today() > '2026-12-31' ? '2026-12-31' : today());
  await rep.getByLabel('End customer').fill('Zuyderland Zorg');
  await rep.getByLabel('Customer country').fill('NL');
  await rep.getByLabel('Product (SKU or name)').fill('ST-2000');
  await rep.waitForFunction(() => document.querySelector('#line-1-price')?.value === '18500.00');
  await rep.getByTestId('proof-input').setInputFiles({ name: 'invoice-zuyderland.pdf', mimeType: 'application/pdf', buffer: invoicePdf() });
  await rep.getByText('Uploaded').waitFor();
  assert.equal(await rep.getByTestId('claim-total').textContent(), '€18,500.00');
  await screenshot(rep, 'claim-new');
  await rep.getByRole('button', { name: 'Submit claim' }).click();
  await rep.waitForURL(/\/claims\/\d+$/);
  claimId = rep.url().match(/\/claims\/(\d+)$/)[1];
  assert.equal(await rep.getByTestId('claim-status').first().textContent(), 'Submitted');
  await rep.getByRole('link', { name: 'invoice-zuyderland.pdf' }).waitFor();
  await screenshot(rep, 'claim-submitted');

  // The rep keeps the dashboard open; a marker shows the page is never reloaded.
  await rep.getByRole('link', { name: 'Dashboard' }).click();
  await rep.getByTestId('points-balance').waitFor();
  await rep.evaluate(() => {
    window.__stillThisPage = true;
  });
  const rankBefore = await rep.getByTestId('my-rank').textContent();

  // The channel manager finds it in the review queue and approves it with a comment.
  const manager = await newPage();
  await signIn(manager, e2e.stack.baseUrl, login('channel manager'));
  await manager.getByTestId('review-queue').getByRole('link', { name: `#${claimId}` }).click();
  await manager.getByLabel('Comment').fill('Invoice checked against the distributor feed.');
  await manager.getByRole('button', { name: 'Approve' }).click();
  await manager.getByText('Claim approved').waitFor();
  await manager.locator('#claim-rewards-title').waitFor();
  await manager.getByText('Quarterly volume rebate', { exact: false }).first().waitFor();
  await screenshot(manager, 'claim-approved-manager');

  // Without a reload, the rep sees the points (0.01 per EUR: +185), the new badge and the rank.
  await rep.waitForFunction(() => document.querySelector('[data-testid="points-balance"]')?.textContent.startsWith('575'), null, {
    timeout: 15_000,
  });
  await rep.getByText('New badge: First deal!').waitFor({ timeout: 15_000 });
  await rep.waitForFunction((before) => document.querySelector('[data-testid="my-rank"]')?.textContent !== before, rankBefore, { timeout: 15_000 });
  assert.match(await rep.getByTestId('my-rank').textContent(), /^#1 of/);
  await rep.getByTestId('badges-card').getByText('First deal').waitFor();
  assert.equal(await rep.evaluate(() => window.__stillThisPage), true);
  await screenshot(rep, 'dashboard-after-approval');

  // The claim now shows its rewards, each with the rule and version that produced it.
  await rep.goto(`${e2e.stack.baseUrl}/claims/${claimId}`);
  await rep.getByText(/rule Quarterly volume rebate, version 1/).first().waitFor();
  await rep.getByText('Invoice checked against the distributor feed.').waitFor();
  await screenshot(rep, 'claim-detail-rewards');
  await rep.context().close();
  await manager.context().close();
});

test("a partner cannot open another partner's claim", async () => {
  const manager = await newPage();
  await signIn(manager, e2e.stack.baseUrl, login('channel manager'));
  const list = await (await manager.request.get(`${e2e.stack.baseUrl}/v1/claims?pageSize=100`)).json();
  const other = list.claims.find((c) => c.partnerId !== '4');
  assert.ok(other, 'a claim of another partner');

  const rep = await newPage();
  await signIn(rep, e2e.stack.baseUrl, login('partner rep'));
  await rep.goto(`${e2e.stack.baseUrl}/claims/${other.id}`);
  const alert = rep.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /not found|not yours/i);
  assert.equal(await rep.getByText(other.invoiceNumber).count(), 0);
  const api = await rep.request.get(`${e2e.stack.baseUrl}/v1/claims/${other.id}`);
  assert.ok([403, 404].includes(api.status()), `API answered ${api.status()}`);
  await rep.context().close();
  await manager.context().close();
});

test('a partner admin finds a program, reads its rules and terms, and joins it; a closed one says why', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('partner admin'));
  await page.locator('#main-nav').getByRole('link', { name: 'Programs' }).click();
  await page.getByRole('heading', { name: 'Programs', level: 1 }).waitFor();
  // Not open yet: what it takes, and the step that would change it.
  const closed = page.getByTestId('closed-programs');
  await closed.getByText('Platinum Storage Elite 2026-27').waitFor();
  await closed.getByText('Open to tier platinum; you are gold.').waitFor();
  await closed.getByText('Reach tier platinum: see your tier card for what it takes.').waitFor();
  await screenshot(page, 'programs-partner');

  // Open to join: the rules in words and figures, then the terms to accept.
  await page.getByTestId('open-programs').getByRole('link', { name: 'Hyperconverged Launch 2026-27' }).click();
  await page.getByRole('heading', { name: 'Hyperconverged Launch 2026-27', level: 1 }).waitFor();
  await page.getByTestId('program-rules').getByText(/0\.2 points per €1\.00 of sales/).waitFor();
  await page.getByText(/claims submitted before your organisation accepts the new terms do not count/).waitFor();
  const join = page.getByRole('button', { name: 'Join the program' });
  assert.equal(await join.isDisabled(), true);
  await page.getByLabel('I have read these terms and accept them for my organisation.').check();
  await join.click();
  await page.getByRole('heading', { name: 'You are in this program' }).waitFor();
  // Now in it: every terms and rules version, and which terms the partner accepted.
  await page.getByTestId('program-versions').getByText(/accepted/).first().waitFor();
  await screenshot(page, 'program-joined');
  await page.getByRole('link', { name: 'All programs' }).click();
  await page.getByTestId('my-programs').getByRole('link', { name: 'Hyperconverged Launch 2026-27' }).waitFor();
  await page.context().close();
});

test('the portal works at phone width', async () => {
  const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(page, e2e.stack.baseUrl, login('partner rep'));
  await page.getByTestId('points-balance').waitFor();
  await page.waitForLoadState('networkidle');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the dashboard is ${overflow}px wider than the phone`);
  assert.equal(await page.locator('#main-nav').isVisible(), false);
  await screenshot(page, 'dashboard-phone');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.locator('#main-nav').getByRole('link', { name: 'Leaderboards' }).click();
  await page.getByTestId('my-board-row').waitFor();
  assert.equal(await page.locator('#main-nav').isVisible(), false);
  await screenshot(page, 'leaderboards-phone');
  await page.goto(`${e2e.stack.baseUrl}/claims`);
  await page.getByRole('link', { name: 'New claim' }).waitFor();
  const claimsOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(claimsOverflow <= 0, `the claims list is ${claimsOverflow}px wider than the phone`);
  await screenshot(page, 'claims-phone');
  await page.goto(`${e2e.stack.baseUrl}/programs`);
  await page.getByTestId('my-programs').getByRole('link').first().waitFor();
  const programsOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(programsOverflow <= 0, `the programs page is ${programsOverflow}px wider than the phone`);
  await screenshot(page, 'programs-phone');
  await page.context().close();
});

test('the portal speaks Dutch with Dutch numbers and dates', async () => {
  const page = await newPage({ locale: 'nl-NL' });
  await page.goto(e2e.stack.baseUrl);
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  await signIn(page, e2e.stack.baseUrl, login('partner rep'), {
    signInLabel: 'Inloggen',
    emailLabel: 'Zakelijk e-mailadres',
    passwordLabel: 'Wachtwoord',
  });
  await page.getByRole('heading', { name: /Welkom terug, Rosa/ }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  await page.getByText('Uw punten').waitFor();
  await page.getByTestId('earnings-card').getByText(/€\s2\.760,00/).first().waitFor();
  await page.getByText(/€\s2\.500 ligt €\s[\d.,]+ omzet verderop/).first().waitFor();
  await page
    .getByText(/^Als het certificaat van .+ op \d+ \w+\.? \d{4} verloopt, zakt Amstel Systems naar Silver en verliest 1% korting in Storage & Server Growth Rebate 2026: €\s[\d.]+,\d\d op de omzet van deze periode tot nu toe\.$/)
    .waitFor();
  await page.getByText('Uw partnerniveau geeft 2% extra op elke verkoop.').waitFor();
  await screenshot(page, 'dashboard-nl');
  await page.goto(`${e2e.stack.baseUrl}/rewards`);
  await page.getByRole('heading', { name: 'Beloningen' }).waitFor();
  assert.match(await page.locator('.entries').first().textContent(), /(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)/);
  await screenshot(page, 'rewards-nl');
  await page.goto(`${e2e.stack.baseUrl}/programs`);
  await page.getByRole('heading', { name: 'Uw programma\'s' }).waitFor();
  await page.getByText('Open voor niveau platinum; u bent gold.').waitFor();
  await screenshot(page, 'programs-nl');
  await page.context().close();
});

test('main pages have no serious or critical accessibility violations', async () => {
  const pages = {
    'partner rep': ['/', '/claims', '/claims/new', `/claims/${claimId ?? 173}`, '/funds', '/leaderboards', '/badges', '/training', '/rewards', '/feed', '/profile'],
    'partner admin': ['/organisation', '/rewards', '/programs', '/programs/1'],
    'channel manager': ['/review', `/claims/${claimId ?? 173}`, '/feed'],
  };
  const failures = [];
  for (const [role, paths] of Object.entries(pages)) {
    const page = await newPage();
    await signIn(page, e2e.stack.baseUrl, login(role));
    for (const path of paths) {
      await page.goto(`${e2e.stack.baseUrl}${path}`);
      await page.locator('#main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const violations = await seriousAxeViolations(page);
      if (violations.length) failures.push(`${role} ${path}:\n  ${violations.join('\n  ')}`);
      const name = `${role.replace(' ', '-')}${path.replace(/\//g, '-').replace(/-$/, '') || '-dashboard'}`;
      await screenshot(page, name);
    }
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});
