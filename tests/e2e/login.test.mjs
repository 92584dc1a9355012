// Browser end-to-end: a demo partner rep signs in on the portal, sees their profile, signs out.
// Playwright (playwright-core) drives Debian's Chromium headless.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startStack } from './stack.mjs';

const PASSWORD = 'demo-password-2026';
let stack;
let browser;

before(async () => {
  stack = await startStack();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await stack?.stop();
  }
});

function repEmail() {
  const m = stack.seedOutput.match(/partner rep: (\S+)/);
  assert.ok(m, `no partner rep login in the seed output:\n${stack.seedOutput}`);
  return m[1];
}

test('a partner rep signs in, sees their profile and signs out', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(stack.baseUrl);
  await page.getByLabel('Work email').fill(repEmail());
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByTestId('profile-role').waitFor();
  assert.equal(await page.getByTestId('profile-role').textContent(), 'Partner rep');
  assert.equal(await page.getByTestId('profile-partner').textContent(), 'Amstel Systems');
  assert.match(await page.locator('.profile').textContent(), new RegExp(repEmail().replace('.', '\\.')));

  // The session lives in an HttpOnly cookie that scripts cannot read.
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'cim_session');
  assert.ok(session, 'session cookie set');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie.includes('cim_session')), false);

  const shots = `${process.env.CIM_BUILD_DIR}/screenshots`;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/profile.png`, fullPage: true });

  // A reload keeps the session.
  await page.reload();
  await page.getByTestId('profile-role').waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.screenshot({ path: `${shots}/login.png` });
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.close();
});

test('a wrong password shows the error and keeps the user on the sign-in page', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(stack.baseUrl);
  await page.getByLabel('Work email').fill(repEmail());
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.textContent(), 'Invalid email or password');
  await page.screenshot({ path: `${process.env.CIM_BUILD_DIR}/screenshots/login-error-phone.png` });
  await page.close();
});
