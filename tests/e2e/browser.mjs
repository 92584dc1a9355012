// Shared helpers of the browser tests: Debian's Chromium through playwright-core, signing in,
// screenshots and axe-core accessibility checks.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { freshCode } from './totp.mjs';

export const PASSWORD = 'demo-password-2026';

export function launchBrowser() {
  return chromium.launch({
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
}

// The demo login of a role, from the seed output ("partner rep: rosa.larsen@… (Amstel Systems)").
export function demoLogin(seedOutput, role) {
  const m = seedOutput.match(new RegExp(`${role}: (\\S+)`));
  assert.ok(m, `no ${role} login in the seed output:\n${seedOutput}`);
  return m[1];
}

// The demo people with two-step sign-in, by email: their authenticator secrets, as the seed
// printed them ("program admin: a@b  (vendor; two-step secret ABCD…, …").
const twoStepSecrets = new Map();
export function rememberTwoStepSecrets(seedOutput) {
  for (const m of seedOutput.matchAll(/: (\S+)\s+\([^)\n]*two-step secret ([A-Z2-7]+)/g)) twoStepSecrets.set(m[1], m[2]);
}
export const twoStepSecretOf = (email) => twoStepSecrets.get(email);

// Sessions of people with two-step sign-in, by portal and email: each sign-in spends a code,
// and the server takes a code once, so their pages share one session while it lasts.
const sessions = new Map();

export async function signIn(
  page,
  baseUrl,
  email,
  { signInLabel = 'Sign in', emailLabel = 'Work email', passwordLabel = 'Password', codeLabel = 'Code from your app' } = {},
) {
  const secret = twoStepSecrets.get(email);
  const key = `${baseUrl} ${email}`;
  if (secret && sessions.has(key)) {
    await page.context().addCookies(sessions.get(key));
    await page.goto(baseUrl);
    await page.locator('#main h1, #email').first().waitFor();
    if ((await page.locator('#main h1').count()) > 0) return;
    sessions.delete(key);  // signed out since: sign in again
    await page.context().clearCookies();
  }
  await page.goto(baseUrl);
  await page.getByLabel(emailLabel).fill(email);
  await page.getByLabel(passwordLabel).fill(PASSWORD);
  await page.getByRole('button', { name: signInLabel }).click();
  if (secret) {
    await page.getByLabel(codeLabel).fill(await freshCode(secret));
    await page.getByRole('button', { name: signInLabel }).click();
  }
  await page.locator('#main h1').waitFor();
  if (secret) sessions.set(key, await page.context().cookies());
}

export function screenshotDir() {
  const dir = `${process.env.CIM_BUILD_DIR}/screenshots`;
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page, name, fullPage = true) {
  await page.screenshot({ path: `${screenshotDir()}/${name}.png`, fullPage });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The page's serious and critical WCAG 2.x A/AA violations, as "rule: target" lines.
export async function seriousAxeViolations(page) {
  // Evaluated through the DevTools protocol: the portal's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}
