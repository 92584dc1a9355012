// Browser end-to-end tests of editing and archiving challenges and of partner admins' survey
// results, against the real stack with the demo data: a program admin adds a challenge a partner
// rep sees, renames it in the form prefilled with it (the goal, audience, program and start of a
// running challenge shown as fixed) and archives it; the rep's dashboard and the API no longer
// show it, while the admin still finds it under "Show archived". A partner admin opens their
// organisation's results of the demo survey on their dashboard: only their own partner's
// responses, which vendor staff can also ask for by partner; a partner rep reads no results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, signIn } from './browser.mjs';

const e2e = useStack();
const { login, newPage } = e2e;
const kTitle = 'E2E challenge to edit';
const kRenamed = 'E2E challenge, renamed';
const kSurvey = 'Partner pulse, Q4';

async function getJson(page, path) {
  const response = await page.request.get(`${e2e.stack.baseUrl}${path}`);
  assert.equal(response.status(), 200, `${path}: ${await response.text()}`);
  return response.json();
}

// The challenge titled `title` as `page`'s user lists it (undefined when it is not listed).
async function listedChallenge(page, title, query = '') {
  const { challenges = [] } = await getJson(page, `/v1/challenges?includeEnded=true${query}`);
  return challenges.find((c) => c.title === title);
}

test('a program admin renames a challenge and archives it; a partner rep no longer sees it', async () => {
  const admin = await newPage();
  await signIn(admin, e2e.stack.baseUrl, login('program admin'));
  await admin.goto(`${e2e.stack.baseUrl}/setup/engagement`);
  await admin.getByRole('button', { name: 'New challenge' }).click();
  const create = admin.getByTestId('new-challenge');
  await create.getByLabel('Title', { exact: true }).fill(kTitle);
  await create.getByLabel('Target', { exact: true }).fill('3');
  await create.getByLabel('Reward points', { exact: true }).fill('50');
  await create.getByRole('button', { name: 'Create challenge' }).click();
  await create.waitFor({ state: 'detached' });
  const row = admin.getByRole('row', { name: new RegExp(kTitle) });
  await row.waitFor();

  // It starts when created (for every partner): the rep's dashboard lists it.
  const rep = await newPage();
  await signIn(rep, e2e.stack.baseUrl, login('partner rep'));
  const repChallenges = rep.getByTestId('challenges-card');
  await repChallenges.getByText(kTitle, { exact: true }).waitFor();

  // Edit: the form is the challenge as stored; a running one keeps its goal and start.
  await admin.getByRole('button', { name: `Edit ${kTitle}` }).click();
  const form = admin.getByTestId('edit-challenge');
  // Said above the form and again by the audience it keeps.
  await form.getByText('The challenge has started: its goal, audience, program and start are fixed.').first().waitFor();
  assert.equal(await form.getByLabel('Title', { exact: true }).inputValue(), kTitle);
  assert.equal(await form.getByLabel('Target', { exact: true }).inputValue(), '3');
  assert.equal(await form.getByLabel('Target', { exact: true }).getAttribute('readonly'), '');
  assert.equal(await form.getByLabel('Goal', { exact: true }).isDisabled(), true);
  assert.equal(await form.getByLabel('Reward points', { exact: true }).inputValue(), '50');
  await form.getByLabel('Title', { exact: true }).fill(kRenamed);
  await screenshot(admin, 'challenge-edit');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.waitFor({ state: 'detached' });
  const renamedRow = admin.getByRole('row', { name: new RegExp(kRenamed) });
  await renamedRow.waitFor();
  const edited = await listedChallenge(admin, kRenamed);
  assert.equal(edited.etag, '2');
  assert.equal(edited.goal.target, '3');
  assert.equal(edited.rewardPoints, '50');
  assert.equal(await listedChallenge(admin, kTitle), undefined);

  // Archive: it leaves the list, and comes back marked under "Show archived".
  await admin.getByRole('button', { name: `Archive ${kRenamed}` }).click();
  await renamedRow.waitFor({ state: 'detached' });
  await admin.getByLabel('Show archived').check();
  await renamedRow.getByText('Archived', { exact: true }).waitFor();
  await admin.getByRole('button', { name: `Restore ${kRenamed}` }).waitFor();
  await screenshot(admin, 'challenge-archived');
  const archived = await listedChallenge(admin, kRenamed, '&includeArchived=true');
  assert.equal(archived.archived, true);
  assert.equal(await listedChallenge(admin, kRenamed), undefined);
  await admin.context().close();

  // The rep's dashboard no longer shows it, nor does the API, even when asked for archived ones.
  await Promise.all([
    rep.waitForResponse((r) => r.url().includes('/v1/challenges') && r.request().method() === 'GET'),
    rep.reload(),
  ]);
  await repChallenges.waitFor();
  assert.equal(await repChallenges.getByText(kTitle, { exact: true }).count(), 0);
  assert.equal(await repChallenges.getByText(kRenamed, { exact: true }).count(), 0);
  assert.equal(await listedChallenge(rep, kRenamed, '&includeArchived=true'), undefined);
  await screenshot(rep, 'dashboard-without-archived-challenge');
  await rep.context().close();
});

test("a partner admin opens their organisation's survey results; a rep reads none", async () => {
  const page = await newPage();
  await signIn(page, e2e.stack.baseUrl, login('partner admin'));
  const me = await getJson(page, '/v1/auth/me');
  const card = page.getByTestId('partner-survey-results');
  await card.getByRole('heading', { name: `Survey results for ${me.partnerName}` }).waitFor();
  await card.getByRole('button', { name: new RegExp(`^Show results\\s*· ${kSurvey}$`) }).click();
  const summary = card.getByTestId('nps-summary');
  await summary.waitFor();

  // What the page shows is the admin's own partner's responses only.
  const { surveys = [] } = await getJson(page, '/v1/surveys');
  const survey = surveys.find((s) => s.title === kSurvey);
  assert.ok(survey, `${kSurvey} is not listed for the partner admin`);
  const own = await getJson(page, `/v1/surveys/${survey.id}/results`);
  const responses = Number(own.overall.responses);
  assert.ok(responses > 0, 'the demo data has responses of the admin\'s partner');
  await summary.getByText(`${responses} ${responses === 1 ? 'response' : 'responses'}`, { exact: true }).waitFor();
  for (const c of own.comments ?? []) assert.equal(c.partnerName, me.partnerName);
  const comments = card.locator('.nps-comment');
  if ((own.comments ?? []).length > 0) await comments.first().waitFor();
  for (const text of await comments.allTextContents()) assert.match(text, new RegExp(me.partnerName));
  // Another partner's results are not theirs to read.
  const foreign = await page.request.get(`${e2e.stack.baseUrl}/v1/surveys/${survey.id}/results?partnerId=${Number(me.partnerId) + 1}`);
  assert.equal(foreign.status(), 404);
  await screenshot(page, 'partner-admin-survey-results');

  // Vendor staff see everyone's, and the same figures when they ask for this partner's.
  const manager = await newPage();
  await signIn(manager, e2e.stack.baseUrl, login('channel manager'));
  const all = await getJson(manager, `/v1/surveys/${survey.id}/results`);
  assert.ok(Number(all.overall.responses) > responses, 'other partners answered too');
  const same = await getJson(manager, `/v1/surveys/${survey.id}/results?partnerId=${me.partnerId}`);
  assert.deepEqual(same.overall, own.overall);
  await manager.context().close();

  // A partner rep reads no results, and their dashboard offers none.
  const rep = await newPage();
  await signIn(rep, e2e.stack.baseUrl, login('partner rep'));
  const refused = await rep.request.get(`${e2e.stack.baseUrl}/v1/surveys/${survey.id}/results`);
  assert.equal(refused.status(), 403);
  await rep.getByTestId('challenges-card').waitFor();
  assert.equal(await rep.getByTestId('partner-survey-results').count(), 0);
  await rep.context().close();
  await page.context().close();
});
