// Browser end-to-end test of editing and archiving training modules against the real stack with
// the demo data: a program admin adds a module a partner rep sees, edits its points in the form
// prefilled with the module (which says what an edit does to completions already made), and
// archives it; the rep's training page no longer shows it, while the admin still finds it under
// "Show archived".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, signIn } from './browser.mjs';

const e2e = useStack();
const { login, newPage } = e2e;
const kTitle = 'E2E module to edit';

// The module titled `title` as `page`'s user lists it (undefined when it is not listed).
async function listed(page, title, query = '') {
  const response = await page.request.get(`${e2e.stack.baseUrl}/v1/training-modules?pageSize=200${query}`);
  assert.equal(response.status(), 200);
  const { trainingModules = [] } = await response.json();
  return trainingModules.find((m) => m.title === title);
}

test('a program admin edits a module and archives it; a partner rep no longer sees it', async () => {
  const admin = await newPage();
  await signIn(admin, e2e.stack.baseUrl, login('program admin'));
  await admin.goto(`${e2e.stack.baseUrl}/setup/training`);
  await admin.getByRole('button', { name: 'New training module' }).click();
  await admin.getByLabel('Title', { exact: true }).fill(kTitle);
  await admin.getByLabel('Points for the first completion').fill('10');
  await admin.getByRole('button', { name: 'Create module' }).click();
  const row = admin.getByRole('row', { name: new RegExp(kTitle) });
  await row.waitFor();

  const rep = await newPage();
  await signIn(rep, e2e.stack.baseUrl, login('partner rep'));
  await rep.goto(`${e2e.stack.baseUrl}/training`);
  await rep.getByRole('heading', { name: kTitle }).waitFor();

  // Edit: the form is the module as stored; only the points change.
  await admin.getByRole('button', { name: `Edit ${kTitle}` }).click();
  const form = admin.getByTestId('edit-training-module');
  await form.getByText('Completions already made keep their points and certifications').waitFor();
  assert.equal(await form.getByLabel('Title', { exact: true }).inputValue(), kTitle);
  assert.equal(await form.getByLabel('Points for the first completion').inputValue(), '10');
  await form.getByLabel('Points for the first completion').fill('30');
  await screenshot(admin, 'training-module-edit');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.waitFor({ state: 'detached' });
  await row.getByRole('cell', { name: '30', exact: true }).waitFor();
  const edited = await listed(admin, kTitle);
  assert.equal(edited.points, '30');
  assert.equal(edited.etag, '2');
  assert.equal(edited.durationMinutes, 30);

  // Archive: it leaves the list, and comes back marked under "Show archived".
  await admin.getByRole('button', { name: `Archive ${kTitle}` }).click();
  await row.waitFor({ state: 'detached' });
  await admin.getByLabel('Show archived').check();
  await row.getByText('Archived', { exact: true }).waitFor();
  await admin.getByRole('button', { name: `Restore ${kTitle}` }).waitFor();
  await screenshot(admin, 'training-module-archived');
  const archived = await listed(admin, kTitle, '&includeArchived=true');
  assert.equal(archived.archived, true);
  assert.equal(archived.points, '30');
  assert.equal(await listed(admin, kTitle), undefined);
  await admin.context().close();

  // The rep's training page no longer shows it, nor does the API, even when asked for archived.
  await Promise.all([
    rep.waitForResponse((r) => r.url().includes('/v1/training-modules?') && r.request().method() === 'GET'),
    rep.reload(),
  ]);
  await rep.locator('.module-grid').waitFor({ state: 'attached' });
  assert.equal(await rep.getByRole('heading', { name: kTitle }).count(), 0);
  assert.equal(await listed(rep, kTitle, '&includeArchived=true'), undefined);
  const complete = await rep.request.post(`${e2e.stack.baseUrl}/v1/training-modules/${archived.id}:complete`, {
    headers: { 'X-CIM-Client': 'e2e' },
    data: {},
  });
  assert.equal(complete.status(), 400);
  assert.match((await complete.json()).message, /this training module is archived/);
  await screenshot(rep, 'training-without-archived');
  await rep.context().close();
});
