// Browser end-to-end: a demo partner rep signs in on the portal, sees their profile, signs out.
// Playwright (playwright-core) drives Debian's Chromium headless.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, signIn } from './browser.mjs';

const e2e = useStack();

test('a partner rep signs in, sees their profile and signs out', async () => {
  const rep = e2e.login('partner rep');
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, e2e.stack.baseUrl, rep);
  await page.getByRole('heading', { name: /Welcome back, Rosa/ }).waitFor();

  await page.getByRole('link', { name: /Rosa Larsen/ }).click();
  await page.getByTestId('profile-role').waitFor();
  assert.equal(await page.getByTestId('profile-role').textContent(), 'Partner rep');
  assert.equal(await page.getByTestId('profile-partner').textContent(), 'Amstel Systems');
  assert.match(await page.locator('.profile').textContent(), new RegExp(rep.replace('.', '\\.')));

  // The session lives in an HttpOnly cookie that scripts cannot read.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'cim_session');
  assert.ok(session, 'session cookie set');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie.includes('cim_session')), false);
  await screenshot(page, 'profile');

  // A reload keeps the session (and the page).
  await page.reload();
  await page.getByTestId('profile-role').waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await screenshot(page, 'login', false);
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.close();
});

test('a wrong password shows the error and keeps the user on the sign-in page', async () => {
  const page = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(e2e.stack.baseUrl);
  await page.getByLabel('Work email').fill(e2e.login('partner rep'));
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.textContent(), 'Invalid email or password');
  await screenshot(page, 'login-error-phone', false);
  await page.close();
});
