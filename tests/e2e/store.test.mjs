// Browser end-to-end tests of the rewards store and its console against the real stack with the
// demo data: a partner rep spends points on a gift card (the balance drops by its price, the
// order shows), sees a tier-locked reward with the step that opens it and what is missing for
// one they cannot afford yet; a channel manager fulfils the order with a code the partner then
// sees; a program admin adds a reward (a bad price lands on its field), sees the stock alert and
// fulfils an order from CSV; the store in Dutch; axe-core and phone widths on every store page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, seriousAxeViolations, signIn } from './browser.mjs';

const e2e = useStack();
const { login, newPage } = e2e;
// The whole points of the balance card ("12,345 points to spend" → 12345).
async function balance(page) {
  const text = await page.getByTestId('points-balance').locator('.big-number').textContent();
  return Number(text.replace(/[^0-9]/g, ''));
}

test('a partner rep spends points and vendor staff fulfil the order', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('partner rep'));
  await page.getByRole('link', { name: 'Store' }).click();
  await page.getByRole('heading', { name: 'Rewards store' }).waitFor();
  const before = await balance(page);
  assert.ok(before >= 250 && before < 1800, `the demo partner rep has ${before} points`);

  // A tier-locked reward says what opens it; one out of reach says what is missing.
  const lounge = page.locator('[data-item="Platinum lounge pass"]');
  await lounge.getByText('Reach tier platinum').waitFor();
  const headphones = page.locator('[data-item="Noise-cancelling headphones"]');
  await headphones.getByText(`${(1800 - before).toLocaleString('en')} more points for this`).waitFor();

  const card = page.locator('[data-item="Gift card €25"]');
  await card.getByRole('button', { name: 'Redeem Gift card €25' }).click();
  await card.getByRole('button', { name: 'Place order' }).click();
  await page.getByText('Order placed: 250 points spent.').waitFor();
  await page.waitForFunction(
    (expected) => document.querySelector('[data-testid="points-balance"] .big-number')?.textContent?.replace(/[^0-9]/g, '') === String(expected),
    before - 250,
  );
  const row = page.getByTestId('orders-table').locator('tbody tr').first();
  await row.getByText('Gift card €25').waitFor();
  await row.getByText('Approved').waitFor();
  const orderId = await row.getAttribute('data-order');
  await screenshot(page, 'store-partner');

  // The channel manager sends the code.
  const manager = await newPage();
  await signIn(manager, e2e.stack.baseUrl, login('channel manager'));
  await manager.getByRole('link', { name: 'Rewards catalog' }).click();
  await manager.getByRole('heading', { name: 'Rewards catalog' }).waitFor();
  await manager.getByRole('combobox', { name: 'Status' }).selectOption('REDEMPTION_ORDER_STATUS_APPROVED');
  const queued = manager.locator(`[data-testid="queue-table"] tr[data-order="${orderId}"]`);
  await queued.getByRole('button', { name: `Fulfil #${orderId}` }).click();
  await queued.getByLabel('Code or reference').fill('E2E-CODE-7Q4K');
  await queued.getByRole('button', { name: 'Mark sent' }).click();
  await manager.getByText(`Order #${orderId} updated.`).waitFor();
  await manager.context().close();

  await page.reload();
  const sent = page.locator(`[data-testid="orders-table"] tr[data-order="${orderId}"]`);
  await sent.getByText('E2E-CODE-7Q4K').waitFor();
  await sent.getByRole('button', { name: 'Mark received' }).click();
  await sent.getByText('Delivered').waitFor();
  await page.context().close();
});

test('a program admin keeps the catalog, sees stock alerts and fulfils from CSV', async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('program admin'));
  await page.goto(`${e2e.stack.baseUrl}/store`);
  await page.getByRole('heading', { name: 'Rewards catalog' }).waitFor();
  await page.getByTestId('stock-alert').getByText('Noise-cancelling headphones').waitFor();

  await page.getByRole('tab', { name: 'Catalog' }).click();
  await page.getByRole('button', { name: 'New reward' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Team lunch voucher');
  await page.getByLabel('Price in points').fill('12.5');
  await page.getByLabel('Opening stock').fill('10');
  await page.getByRole('button', { name: 'Save' }).click();
  const price = page.getByLabel('Price in points');
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await price.elementHandle());
  await price.fill('1500');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Reward added to the catalog.').waitFor();
  await page.locator('[data-item="Team lunch voucher"]').getByText('10 in stock').waitFor();

  // The demo hoodie order waits to be shipped: fulfil it from CSV, after a check that finds a bad row.
  await page.getByRole('tab', { name: 'Orders' }).click();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('REDEMPTION_ORDER_STATUS_APPROVED');
  const hoodie = page.locator('[data-testid="queue-table"] tbody tr', { hasText: 'Branded hoodie' }).first();
  const hoodieId = await hoodie.getAttribute('data-order');
  await page.getByRole('tab', { name: 'Bulk fulfilment' }).click();
  const csv = page.getByLabel('CSV', { exact: true });
  await csv.fill(`order_id,fulfilment_code,tracking_reference\n${hoodieId},,1Z999AA10123456784\n999999,X,\n`);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByTestId('bulk-result').getByText('order 999999 not found').waitFor();
  await csv.fill(`order_id,fulfilment_code,tracking_reference\n${hoodieId},,1Z999AA10123456784\n`);
  await page.getByRole('button', { name: 'Fulfil these orders' }).click();
  await page.getByTestId('bulk-result').getByText('1 order marked sent.').waitFor();
  await screenshot(page, 'store-console');
  await page.context().close();
});

test('the store speaks Dutch', async () => {
  const page = await newPage({ locale: 'nl-NL' });
  await signIn(page, e2e.stack.baseUrl, login('partner rep'), {
    signInLabel: 'Inloggen',
    emailLabel: 'Zakelijk e-mailadres',
    passwordLabel: 'Wachtwoord',
  });
  await page.goto(`${e2e.stack.baseUrl}/store`);
  await page.getByRole('heading', { name: 'Beloningswinkel' }).waitFor();
  await page.getByText('punten te besteden').waitFor();
  await page.locator('[data-item="Platinum lounge pass"]').getByText('Bereik niveau platinum', { exact: false }).waitFor();
  await screenshot(page, 'store-nl');
  await page.context().close();
});

const kStorePages = { 'partner rep': ['/store'], 'partner admin': ['/store'], 'program admin': ['/store'], 'channel manager': ['/store'] };

test('store pages have no serious accessibility violations and fit a phone', async () => {
  const failures = [];
  for (const [role, paths] of Object.entries(kStorePages)) {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const page = await newPage({ viewport });
      await signIn(page, e2e.stack.baseUrl, login(role));
      for (const path of paths) {
        await page.goto(`${e2e.stack.baseUrl}${path}`);
        await page.locator('#main h1').waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        if (viewport.width > 1000) {
          const violations = await seriousAxeViolations(page);
          if (violations.length) failures.push(`${role} ${path}:\n  ${violations.join('\n  ')}`);
        } else {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) failures.push(`${role} ${path} is ${overflow}px wider than the phone`);
          await screenshot(page, `store-${role.replace(' ', '-')}-phone`);
        }
      }
      await page.context().close();
    }
  }
  assert.deepEqual(failures, []);
});
