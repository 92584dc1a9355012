// Browser end-to-end: a demo partner rep signs in on the portal, sees their profile, signs out;
// a forgotten password is reset by the emailed link (two-step sign-in stays on); the account page
// lists sessions and sign-ins and changes the password; a partner admin invites a colleague, who
// chooses a password; two-step sign-in: a program admin signs in with a code (in English and in
// Dutch), a finance person sets it up at first sign-in and signs in with a recovery code, a
// channel manager turns it on and off, a partner admin resets a rep's. Playwright
// (playwright-core) drives Debian's Chromium headless.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, seriousAxeViolations, signIn, twoStepSecretOf } from './browser.mjs';
import { freshCode } from './totp.mjs';

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

async function signInWith(page, email, password) {
  await page.goto(e2e.stack.baseUrl);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#main h1').waitFor();
}

test('a forgotten password is reset by the emailed link, which works once and signs out everywhere', async () => {
  const base = e2e.stack.baseUrl;
  const email = e2e.login('finance');
  const laptop = await e2e.newPage();
  await signIn(laptop, base, email);

  const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(base);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await page.getByTestId('reset-requested').waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);

  // The email waits in the outbox (this stack has no relay): its link is the way in.
  const text = e2e.stack.query(
    `SELECT text_body FROM email_outbox WHERE to_address = '${email}' AND dedupe_key LIKE 'password-link:%' ORDER BY id DESC LIMIT 1`,
  );
  const token = text.match(/\/reset-password\/(cimr_[A-Za-z0-9_-]+)/)?.[1];
  assert.ok(token, `no reset link in:\n${text}`);
  await page.goto(`${base}/reset-password/${token}`);
  await page.getByLabel('New password', { exact: true }).fill('too-short');
  await page.getByLabel('New password again').fill('too-short');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await page.locator('#reset-password[aria-invalid="true"]').waitFor();
  assert.match(await page.locator('#reset-password-error').textContent(), /12 to 128 characters/);
  await page.getByLabel('New password', { exact: true }).fill('river-lantern-copper-2026');
  await page.getByLabel('New password again').fill('river-lantern-copper-2025');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await page.getByText('The two new passwords differ.').waitFor();
  await page.getByLabel('New password again').fill('river-lantern-copper-2026');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await page.getByTestId('password-reset').waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);
  await screenshot(page, 'password-reset-phone', false);

  // The laptop was signed out by the reset; the old password no longer opens the portal.
  await laptop.reload();
  await laptop.getByRole('heading', { name: 'Sign in' }).waitFor();
  await laptop.getByLabel('Work email').fill(email);
  await laptop.getByLabel('Password').fill('demo-password-2026');
  await laptop.getByRole('button', { name: 'Sign in' }).click();
  await laptop.getByRole('alert').waitFor();

  // The new password opens the portal, and the reset left two-step sign-in on: it asks for the code.
  await laptop.getByLabel('Password').fill('river-lantern-copper-2026');
  await laptop.getByRole('button', { name: 'Sign in' }).click();
  await laptop.getByLabel('Code from your app').fill(await freshCode(twoStepSecretOf(email)));
  await laptop.getByRole('button', { name: 'Sign in' }).click();
  await laptop.locator('#main h1').waitFor();

  // The link works once.
  await page.goto(`${base}/reset-password/${token}`);
  await page.getByLabel('New password', { exact: true }).fill('another-password-2026');
  await page.getByLabel('New password again').fill('another-password-2026');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await page.getByRole('alert').getByText('this link has expired or was used already', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
  await page.context().close();
  await laptop.context().close();
});

test('the account page lists where a person is signed in and every sign-in, and a new password signs out elsewhere', async () => {
  const base = e2e.stack.baseUrl;
  const email = e2e.login('channel manager');
  const phone = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(phone, base, email);
  const laptop = await e2e.newPage();
  await laptop.goto(base);
  await laptop.getByLabel('Work email').fill(email);
  await laptop.getByLabel('Password').fill('a-wrong-guess');
  await laptop.getByRole('button', { name: 'Sign in' }).click();
  await laptop.getByRole('alert').waitFor();
  await signIn(laptop, base, email);

  await laptop.locator('.topbar__profile').click();
  await laptop.getByRole('link', { name: 'Open sign-in and security' }).click();
  await laptop.getByRole('heading', { name: 'Sign-in and security' }).waitFor();
  const sessions = laptop.getByTestId('session-list');
  await sessions.getByText('This session').waitFor();
  assert.equal(await sessions.locator('li').count(), 2);
  assert.match(await sessions.textContent(), /Chrome on Linux/);
  assert.match(await sessions.textContent(), /from 127\.0\.0\.1/);
  const signIns = laptop.getByTestId('sign-in-list');
  assert.deepEqual(
    (await signIns.locator('tbody tr td:nth-child(2)').allTextContents()).slice(0, 3),
    ['Signed in', 'Wrong password', 'Signed in'],
  );
  assert.deepEqual(await seriousAxeViolations(laptop), []);
  await screenshot(laptop, 'account-security');

  await laptop.getByLabel('Current password').fill('not-my-password');
  await laptop.getByLabel('New password', { exact: true }).fill('orchard-velvet-compass');
  await laptop.getByLabel('New password again').fill('orchard-velvet-compass');
  await laptop.getByRole('button', { name: 'Change password' }).click();
  await laptop.getByText('is not your current password').waitFor();
  await laptop.getByLabel('Current password').fill('demo-password-2026');
  await laptop.getByRole('button', { name: 'Change password' }).click();
  await laptop.getByText('Your password is changed. 1 other session was signed out.').waitFor();
  // The list is read again after the change: the phone's session leaves it.
  await sessions.locator('li').nth(1).waitFor({ state: 'detached' });
  await sessions.getByText('This session').waitFor();
  assert.equal(await sessions.locator('li').count(), 1);

  await phone.reload();
  await phone.getByRole('heading', { name: 'Sign in' }).waitFor();
  await signInWith(phone, email, 'orchard-velvet-compass');
  await phone.context().close();
  await laptop.context().close();
});

test('a partner admin invites a colleague, who chooses a password through the emailed link and signs in', async () => {
  const base = e2e.stack.baseUrl;
  const admin = await e2e.newPage();
  await signIn(admin, base, e2e.login('partner admin'));
  await admin.goto(`${base}/organisation`);
  await admin.getByRole('button', { name: 'Invite a person' }).click();
  await admin.getByLabel('Name', { exact: true }).fill('Noor de Wit');
  await admin.getByLabel('Email', { exact: true }).fill('noor.dewit@e2e.example');
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await admin.getByText('Noor de Wit is invited: an email to noor.dewit@e2e.example brings a link to choose a password.').waitFor();
  await admin.getByRole('cell', { name: /noor\.dewit@e2e\.example/ }).waitFor();
  await admin.context().close();

  const text = e2e.stack.query(
    "SELECT text_body FROM email_outbox WHERE to_address = 'noor.dewit@e2e.example' ORDER BY id DESC LIMIT 1",
  );
  assert.match(text, /invited you to the CIM partner portal|made you an account on the CIM partner portal for Amstel Systems/);
  const token = text.match(/\/welcome\/(cimr_[A-Za-z0-9_-]+)/)?.[1];
  assert.ok(token, `no invitation link in:\n${text}`);

  const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${base}/welcome/${token}`);
  await page.getByRole('heading', { name: 'Welcome to the CIM Partner Portal' }).waitFor();
  await page.getByLabel('Password', { exact: true }).fill('tulip-harbour-mosaic');
  await page.getByLabel('Password again').fill('tulip-harbour-mosaic');
  await page.getByRole('button', { name: 'Set my password' }).click();
  await page.getByTestId('password-reset').waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);
  await screenshot(page, 'invitation-accepted-phone', false);
  await signInWith(page, 'noor.dewit@e2e.example', 'tulip-harbour-mosaic');
  await page.getByRole('heading', { name: /Noor/ }).first().waitFor();
  await page.context().close();
});

// Fills the sign-in form and sends it: the code step appears for a person with two-step sign-in.
async function passwordStep(page, email, { emailLabel = 'Work email', passwordLabel = 'Password', signInLabel = 'Sign in' } = {}) {
  await page.goto(e2e.stack.baseUrl);
  await page.getByLabel(emailLabel).fill(email);
  await page.getByLabel(passwordLabel).fill('demo-password-2026');
  await page.getByRole('button', { name: signInLabel }).click();
}

test('a program admin signs in with a code from the authenticator app, once per code, in English and in Dutch', async () => {
  const email = e2e.login('program admin');
  const secret = twoStepSecretOf(email);
  assert.ok(secret, 'the seed printed the program admin\'s two-step secret');
  const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await passwordStep(page, email);
  // The password was right: the next step asks for the code, without calling it an error.
  const code = page.getByLabel('Code from your app');
  await code.waitFor();
  assert.equal(await page.locator('#one-time-code[aria-invalid="true"]').count(), 0);
  await page.getByText(`enter the 6-digit code your authenticator app shows for ${email}`, { exact: false }).waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);
  await screenshot(page, 'two-step-code-phone', false);

  const fresh = await freshCode(secret);
  const wrong = fresh === '000000' ? '111111' : '000000';
  await code.fill(wrong);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#one-time-code[aria-invalid="true"]').waitFor();
  assert.match(await page.locator('#one-time-code-error').textContent(), /this code is wrong or was used already/);
  await code.fill(fresh);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#main h1').waitFor();
  await page.context().close();

  // The same code a second time (another tab, or someone who saw it) is refused, in Dutch too.
  const dutch = await e2e.newPage();
  await dutch.goto(e2e.stack.baseUrl);
  await dutch.getByRole('combobox', { name: /^Language\b/ }).selectOption('nl');
  await passwordStep(dutch, email, { emailLabel: 'Zakelijk e-mailadres', passwordLabel: 'Wachtwoord', signInLabel: 'Inloggen' });
  await dutch.getByLabel('Code uit uw app').fill(fresh);
  await dutch.getByRole('button', { name: 'Inloggen' }).click();
  await dutch.locator('#one-time-code[aria-invalid="true"]').waitFor();
  assert.match(await dutch.locator('#one-time-code-error').textContent(), /deze code klopt niet of is al gebruikt/);
  assert.deepEqual(await seriousAxeViolations(dutch), []);
  await dutch.context().close();
});

test('a finance person without two-step sign-in sets it up at the first sign-in, then signs in with a recovery code', async () => {
  // Marco (finance.ops) is demo finance staff who has not set it up.
  const email = 'finance.ops@vendor.example';
  const page = await e2e.newPage();
  await passwordStep(page, email);
  await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
  // Nothing of the portal before it is set up.
  assert.equal(await page.locator('nav').count(), 0);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  const secret = (await page.getByTestId('two-step-secret').textContent()).replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await screenshot(page, 'two-step-setup');
  const right = await freshCode(secret);
  await page.getByLabel('The 6-digit code the app shows').fill(right === '123456' ? '654321' : '123456');
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await page.locator('#two-step-code[aria-invalid="true"]').waitFor();
  await page.getByLabel('The 6-digit code the app shows').fill(right);
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

  await page.getByTestId('recovery-codes').waitFor();
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  assert.equal(codes.length, 10);
  for (const c of codes) assert.match(c, /^[2-9a-km-np-z]{5}-[2-9a-km-np-z]{5}$/);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await screenshot(page, 'two-step-recovery-codes');
  // Going on waits for the codes to be stored (the button says so to assistive technology too).
  const next = page.getByRole('button', { name: 'Continue to the portal' });
  assert.equal(await next.getAttribute('aria-disabled'), 'true');
  await next.click({ force: true });
  await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
  await page.getByLabel('I have stored my recovery codes').check();
  await page.getByRole('button', { name: 'Continue to the portal' }).click();
  await page.locator('#main h1').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The phone is lost: a recovery code signs in, once.
  await passwordStep(page, email);
  await page.getByLabel('Code from your app').fill(codes[4].toUpperCase());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#main h1').waitFor();
  await page.goto(`${e2e.stack.baseUrl}/account/security`);
  await page.getByTestId('two-step-state').getByText('9 recovery codes left.').waitFor();
  assert.match(await page.getByTestId('two-step-state').textContent(), /Your role requires two-step sign-in: it cannot be turned off/);
  assert.equal(await page.getByRole('button', { name: 'Turn off' }).count(), 0);
  await page.context().close();
});

test('a channel manager turns optional two-step sign-in on from the account page, and off with the password', async () => {
  const base = e2e.stack.baseUrl;
  const email = 'cm.emea@vendor.example';
  const page = await e2e.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(page, base, email);
  await page.goto(`${base}/account/security`);
  const card = page.getByTestId('two-step');
  await card.getByText('Off', { exact: true }).waitFor();
  await card.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await card.getByRole('button', { name: 'Start' }).click();
  const secret = (await card.getByTestId('two-step-secret').textContent()).replace(/\s/g, '');
  await card.getByLabel('The 6-digit code the app shows').fill(await freshCode(secret));
  await card.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await card.getByTestId('recovery-codes').waitFor();
  await card.getByLabel('I have stored my recovery codes').check();
  await card.getByRole('button', { name: 'Done' }).click();
  await card.getByText('On', { exact: true }).waitFor();
  await card.getByText('10 recovery codes left.').waitFor();
  assert.deepEqual(await seriousAxeViolations(page), []);
  await screenshot(page, 'two-step-on-phone');

  await card.getByRole('button', { name: 'Turn off' }).click();
  await card.getByLabel('Current password').fill('not-my-password');
  await card.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  await card.getByText('is not your current password').waitFor();
  await card.getByLabel('Current password').fill('demo-password-2026');
  await card.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  await card.getByText('Off', { exact: true }).waitFor();
  await page.context().close();
});

test('a partner admin resets the two-step sign-in of a rep who lost their phone', async () => {
  const base = e2e.stack.baseUrl;
  // A colleague of the demo rep at Amstel Systems.
  const [email, name] = e2e.stack
    .query(
      `SELECT u.email, u.display_name FROM users u JOIN partners p ON p.id = u.partner_id
       WHERE p.name = 'Amstel Systems' AND u.role = 1 AND u.email <> '${e2e.login('partner rep')}' ORDER BY u.id LIMIT 1`,
    )
    .trim()
    .split('\t');
  const rep = await e2e.newPage();
  await signIn(rep, base, email);
  await rep.goto(`${base}/account/security`);
  const card = rep.getByTestId('two-step');
  await card.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await card.getByRole('button', { name: 'Start' }).click();
  const secret = (await card.getByTestId('two-step-secret').textContent()).replace(/\s/g, '');
  await card.getByLabel('The 6-digit code the app shows').fill(await freshCode(secret));
  await card.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await card.getByLabel('I have stored my recovery codes').check();
  await card.getByRole('button', { name: 'Done' }).click();
  await card.getByText('On', { exact: true }).waitFor();

  const admin = await e2e.newPage();
  await signIn(admin, base, e2e.login('partner admin'));
  await admin.goto(`${base}/organisation`);
  const row = admin.getByRole('row').filter({ hasText: email });
  await row.getByRole('cell', { name: 'On', exact: true }).waitFor();
  await row.getByRole('button', { name: `Reset two-step sign-in ${name}` }).click();
  await admin.getByText(`Two-step sign-in of ${name} is off`).waitFor();
  await row.getByRole('cell', { name: 'Off', exact: true }).waitFor();
  assert.deepEqual(await seriousAxeViolations(admin), []);

  // The rep signs in with the password alone again.
  await rep.context().clearCookies();
  await signIn(rep, base, email);
  await rep.goto(`${base}/account/security`);
  await rep.getByTestId('two-step').getByText('Off', { exact: true }).waitFor();
  await rep.context().close();
  await admin.context().close();
});
