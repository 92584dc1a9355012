// Browser end-to-end tests of the notification centre against the real stack with the demo
// data: a partner rep's bell counts a rejection of their claim as it happens (the channel
// manager rejects it through the API), the panel links to the claim and the count drops; the
// settings page keeps a choice across a reload; a channel manager sets a partner's defaults; an
// unsubscribe link that is not valid says so; a rep who chose Dutch reads the notification in
// Dutch, at once and at their next sign-in; axe-core on the notification pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as playwrightRequest } from 'playwright-core';
import { useStack } from './harness.mjs';
import { PASSWORD, screenshot, seriousAxeViolations, signIn } from './browser.mjs';

const e2e = useStack();
const { login, newPage } = e2e;
const kProgram = 'Storage & Server Growth Rebate 2026';
let claimId;
let invoice;

// An API session of `role` outside the browser (no page of its own, so the rep's page stays the
// only one on screen): JSON in and out, the CSRF header set.
async function apiAs(role) {
  const context = await playwrightRequest.newContext({ baseURL: e2e.stack.baseUrl, extraHTTPHeaders: { 'X-CIM-Client': 'e2e' } });
  const signedIn = await context.post('/v1/auth/login', { data: { email: login(role), password: PASSWORD } });
  assert.equal(signedIn.status(), 200, await signedIn.text());
  const call = async (method, path, data) => {
    const response = await context.fetch(path, { method, data });
    const text = await response.text();
    assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${text}`);
    return text ? JSON.parse(text) : {};
  };
  return {
    get: (path) => call('GET', path),
    post: (path, data = {}) => call('POST', path, data),
    patch: (path, data) => call('PATCH', path, data),
    dispose: () => context.dispose(),
  };
}

// The unread count the bell's name says ("Notifications, 3 unread"; "Notifications" for none).
async function bellCount(page) {
  const name = await page.getByTestId('notification-bell').getAttribute('aria-label');
  return Number(name.match(/, (\d+) unread$/)?.[1] ?? 0);
}

// Waits until the bell's count passes `test` (background jobs may notify the rep too, so the
// tests compare with the count just before rather than expect an exact number).
async function waitForBellCount(page, test, what) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const count = await bellCount(page);
    if (test(count)) return count;
    assert.ok(Date.now() < deadline, `the bell says ${count} unread; expected ${what}`);
    await page.waitForTimeout(200);
  }
}

test('a rep sees a rejection counted live, opens it from the bell and the count drops', async () => {
  const rep = await newPage();
  await signIn(rep, e2e.stack.baseUrl, login('partner rep'));
  const repApi = await apiAs('partner rep');
  const before = Number((await repApi.get('/v1/notifications?pageSize=1')).unreadCount);
  await waitForBellCount(rep, (n) => n >= before, `at least ${before}`);

  // The rep's claim, submitted through the API.
  const { programs } = await repApi.get('/v1/programs?pageSize=200');
  const program = programs.find((p) => p.name === kProgram);
  assert.ok(program, `program ${kProgram}`);
  const today = new Date().toISOString().slice(0, 10);
  invoice = `E2E-N-${Date.now()}`;
  const claim = await repApi.post('/v1/claims', {
    idempotencyKey: `e2e-notifications-${invoice}`,
    claim: {
      programId: program.id,
      invoiceNumber: invoice,
      invoiceDate: today > program.endDate ? program.endDate : today,
      customerName: 'Zuyderland Zorg',
      customerCountry: 'NL',
      currencyCode: program.currencyCode,
      lines: [{ sku: 'ST-2000', quantity: '1', unitPrice: '18500.00' }],
    },
  });
  claimId = claim.id;
  await repApi.dispose();

  // The rep keeps the dashboard open; a marker shows the page is never reloaded.
  await rep.evaluate(() => {
    window.__stillThisPage = true;
  });
  const counted = await bellCount(rep);
  const manager = await apiAs('channel manager');
  await manager.post(`/v1/claims/${claimId}:reject`, { comment: 'The invoice is not readable.' });
  await manager.dispose();

  await waitForBellCount(rep, (n) => n > counted, `more than ${counted}`);
  assert.equal(await rep.evaluate(() => window.__stillThisPage), true);
  await rep.getByTestId('notification-bell').click();
  const panel = rep.getByRole('region', { name: 'Notifications' });
  const link = panel.getByRole('link', { name: `Unread: Claim ${invoice} rejected` });
  await link.waitFor();
  // `has` is looked for inside each item, so it names the link from the page, not the panel.
  const item = panel.getByTestId('notification').filter({ has: rep.getByRole('link', { name: `Unread: Claim ${invoice} rejected` }) });
  assert.match(await item.textContent(), /The invoice is not readable\./);
  await screenshot(rep, 'notifications-panel', false);
  const unread = await bellCount(rep);
  await link.click();
  await rep.waitForURL(new RegExp(`/claims/${claimId}$`));
  assert.equal(await panel.count(), 0);
  await rep.getByTestId('claim-status').first().waitFor();
  assert.equal(await rep.getByTestId('claim-status').first().textContent(), 'Rejected');
  await waitForBellCount(rep, (n) => n === unread - 1, `${unread - 1}`);

  // On the notifications page it shows read, with the others; not under "Unread only".
  await rep.getByTestId('notification-bell').click();
  await panel.getByRole('link', { name: 'See all' }).click();
  await rep.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
  const main = rep.locator('#main');
  await main.getByRole('link', { name: `Claim ${invoice} rejected`, exact: true }).waitFor();
  const unreadList = rep.waitForResponse((r) => r.url().includes('/v1/notifications?') && r.url().includes('unreadOnly=true'));
  await rep.getByLabel('Unread only').check();
  await unreadList;
  await main.locator('.state--loading').waitFor({ state: 'detached' });
  assert.equal(await main.getByRole('link', { name: `Claim ${invoice} rejected` }).count(), 0);
  await screenshot(rep, 'notifications-page');
  await rep.context().close();
});

test('the settings page saves a choice that survives a reload, and goes back to the default', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('partner rep'));
  await page.goto(`${e2e.stack.baseUrl}/settings/notifications`);
  await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
  const row = page.getByTestId('preferences-claims');
  await row.getByText('Your organisation’s default').waitFor();
  const email = page.getByRole('switch', { name: 'By email: Claims' });
  if (!(await email.isChecked())) await email.check();
  await page.getByRole('combobox', { name: 'Email delivery: Claims' }).selectOption('NOTIFICATION_DELIVERY_DAILY_DIGEST');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Your notification settings were saved.').waitFor();
  await row.getByText('Your choice').waitFor();
  await screenshot(page, 'notification-settings-saved');

  await page.reload();
  await row.getByText('Your choice').waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Email delivery: Claims' }).inputValue(), 'NOTIFICATION_DELIVERY_DAILY_DIGEST');
  assert.equal(await page.getByRole('switch', { name: 'By email: Claims' }).isChecked(), true);
  const saved = await (await page.request.get(`${e2e.stack.baseUrl}/v1/notification-settings`)).json();
  const claims = saved.preferences.find((p) => p.category === 'NOTIFICATION_CATEGORY_CLAIMS');
  assert.deepEqual(claims, { ...claims, email: true, delivery: 'NOTIFICATION_DELIVERY_DAILY_DIGEST', overridden: true });

  await page.getByRole('button', { name: 'Back to default: Claims' }).click();
  await row.getByText('Back to the default when you save').waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await row.getByText('Your organisation’s default').waitFor();
  await page.reload();
  await row.getByText('Your organisation’s default').waitFor();
  await page.context().close();
});

test('a channel manager sets a partner’s notification defaults on the partner page', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('channel manager'));
  const rep = await apiAs('partner rep');
  const { partnerId } = await rep.get('/v1/auth/me');
  await rep.dispose();
  await page.goto(`${e2e.stack.baseUrl}/partners/${partnerId}`);
  const section = page.getByTestId('partner-notification-defaults');
  await section.getByRole('heading', { name: 'Notification defaults' }).waitFor();
  const orders = section.getByRole('switch', { name: 'By email: Rewards store orders' });
  const wasOn = await orders.isChecked();
  await orders.setChecked(!wasOn);
  await section.getByRole('button', { name: 'Save defaults' }).click();
  await page.getByText('The partner’s notification defaults were saved.').waitFor();
  await section.getByTestId('partner-defaults-orders').getByText('Set for this partner').waitFor();
  await screenshot(page, 'partner-notification-defaults');
  const defaults = await (await page.request.get(`${e2e.stack.baseUrl}/v1/partners/${partnerId}/notification-defaults`)).json();
  const saved = defaults.preferences.find((p) => p.category === 'NOTIFICATION_CATEGORY_ORDERS');
  assert.equal(saved.email, !wasOn);
  assert.equal(saved.overridden, true);
  await page.context().close();
});

test('an unsubscribe link that is not valid says so, without sign-in', async () => {
  const page = await newPage();
  await page.goto(`${e2e.stack.baseUrl}/unsubscribe/cimu_not-a-token-any-email-carried`);
  await page.getByRole('heading', { name: 'Unsubscribe', level: 1 }).waitFor();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /This unsubscribe link is not valid\./);
  await page.getByRole('link', { name: 'Notification settings' }).waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);
  await screenshot(page, 'unsubscribe-invalid', false);
  await page.context().close();
});

test('a rep who chooses Dutch reads the notification in Dutch, now and at the next sign-in', async (t) => {
  assert.ok(invoice, 'the first test rejected a claim');
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('partner rep'));
  // Back to no saved language for the tests after this one, whatever happens here.
  t.after(async () => {
    const rep = await apiAs('partner rep');
    await rep.patch('/v1/notification-settings', { settings: { language: '' }, updateMask: 'language' });
    await rep.dispose();
  });
  const saved = page.waitForResponse((r) => r.url().endsWith('/v1/notification-settings') && r.request().method() === 'PATCH');
  await page.locator('#language').selectOption('nl');
  assert.equal((await saved).status(), 200);
  await page.goto(`${e2e.stack.baseUrl}/notifications`);
  await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
  await page.locator('#main').getByRole('link', { name: `Claim ${invoice} afgewezen` }).waitFor();
  await screenshot(page, 'notifications-nl');
  await page.context().close();

  // A browser that asks for English: the saved language wins once she is signed in.
  const next = await newPage({ locale: 'en-GB' });
  await signIn(next, e2e.stack.baseUrl, login('partner rep'));
  await next.getByRole('heading', { name: /Welkom terug, Rosa/ }).waitFor();
  assert.equal(await next.evaluate(() => document.documentElement.lang), 'nl');
  await next.goto(`${e2e.stack.baseUrl}/settings/notifications`);
  await next.getByRole('heading', { name: 'Meldingsinstellingen', level: 1 }).waitFor();
  assert.equal(await next.locator('#notification-language').inputValue(), 'nl');
  await next.getByRole('switch', { name: 'Per e-mail: Claims' }).waitFor();
  await next.context().close();
});

const kNotificationPages = {
  'partner rep': ['/notifications', '/settings/notifications'],
  'channel manager': ['/notifications', '/settings/notifications'],
};

test('notification pages and the open panel have no serious or critical accessibility violations', async () => {
  const failures = [];
  for (const [role, paths] of Object.entries(kNotificationPages)) {
    const page = await newPage();
    await signIn(page, e2e.stack.baseUrl, login(role));
    for (const path of paths) {
      await page.goto(`${e2e.stack.baseUrl}${path}`);
      await page.locator('#main h1').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const violations = await seriousAxeViolations(page);
      if (violations.length) failures.push(`${role} ${path}:\n  ${violations.join('\n  ')}`);
      await screenshot(page, `notifications-${role.replace(' ', '-')}${path.replace(/\//g, '-')}`);
    }
    // The bell's panel, open.
    await page.getByTestId('notification-bell').click();
    await page.getByRole('region', { name: 'Notifications' }).getByRole('link', { name: 'See all' }).waitFor();
    await page.waitForLoadState('networkidle');
    const violations = await seriousAxeViolations(page);
    if (violations.length) failures.push(`${role} bell panel:\n  ${violations.join('\n  ')}`);
    // Escape closes it and gives the focus back to the bell.
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('region', { name: 'Notifications' }).count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'notification-bell');
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});
