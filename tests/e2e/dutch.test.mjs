// The Dutch portal has no English sentence from the server: a partner rep and a partner admin
// walk every partner page in a Dutch browser against the real stack with the demo data, and
// every text the server wrote for them (ledger explanations, feed headlines, badge, challenge and
// tier progress, tier change reasons, notifications) is checked for English words once the names
// the data carries (badges, programs, people, partners: proper names) are taken out. The test
// also counts what it checked, so an empty page cannot pass it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStack } from './harness.mjs';
import { screenshot, signIn } from './browser.mjs';

const e2e = useStack();
const { login, newPage } = e2e;

// Fields the server writes for people, by their JSON name. `title` and `body` are the server's
// only on a notification (elsewhere a name someone gave a challenge, a dispute message's text).
const kServerTexts = new Set(['basis', 'headline', 'progressText', 'text', 'reason', 'reasons', 'body', 'nextStep']);

// People's own words of the demo that reach a partner only quoted inside the server's texts (the
// vendor's explanation of the resolved dispute, in its adjustment's basis and the notification).
const kDemoWords = ["tier 2 rate on the quarter's earlier sales"];
// English words of the server's texts that Dutch ones never use (lib/catalogs/en.txt).
const kEnglish =
  /\b(the|of|and|to|with|for|at|by|from|this|more|points?|sales|earned|reached|completed|approved|eligible|needed|consecutive|months?|quarter|year|reverses|entry|statement|paid|each|Finish|Best|Reached|Challenge|Adjustment|Certification|moved|gave|Order|held|yet|target|baseline|once|allocation|reimbursement|units?|trailing|meet|below|expires?|renew|keep|otherwise|less|rebate)\b/;

// Every (key, value, object) of the JSON `value`.
function* strings(value, key = '', parent = null) {
  if (typeof value === 'string') {
    yield { key, value, parent };
  } else if (Array.isArray(value)) {
    for (const item of value) yield* strings(item, key, parent);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, k, value);
  }
}

// Whether a string field of `parent` is text the server wrote for people.
function isServerText(key, parent) {
  if (key === 'title' || key === 'body') {
    return typeof parent?.category === 'string' && parent.category.startsWith('NOTIFICATION_CATEGORY_');
  }
  if (key === 'headline') return parent?.kind !== 'FEED_ENTRY_KIND_SPOTLIGHT';
  // A store order's reason and a dispute's refusal are the words of the person who gave them.
  if (key === 'reason') return !('status' in (parent ?? {})) || 'trigger' in parent;
  return kServerTexts.has(key);
}

// Records the JSON the portal reads from /v1/ while `page` is open.
function recordApi(page, seen) {
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/v1/') || !(response.headers()['content-type'] ?? '').includes('application/json')) return;
    try {
      seen.push({ path: url.pathname, json: await response.json() });
    } catch {
      // A response the page dropped before its body arrived.
    }
  });
}

// The server texts among `seen` that read as English once the names and people's own words in
// `seen` (a kudos message, a badge's description, a dispute's explanation: every other string
// the data carries) are taken out, and how many texts of each field were checked.
function englishTexts(seen) {
  const names = new Set(kDemoWords);
  const texts = [];
  for (const { path, json, dataOnly } of seen) {
    for (const { key, value, parent } of strings(json)) {
      if (isServerText(key, parent)) {
        if (dataOnly) continue;
        texts.push({ path, key, value });
      } else if (value.length >= 2 && /[A-Z0-9 ]/.test(value)) {
        names.add(value);
      }
    }
  }
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  const checked = {};
  const english = [];
  for (const t of texts) {
    checked[t.key] = (checked[t.key] ?? 0) + 1;
    let rest = t.value;
    for (const name of longestFirst) if (rest.includes(name)) rest = rest.split(name).join(' ');
    const word = rest.match(kEnglish);
    if (word) english.push(`${t.path} ${t.key}: "${t.value}" (English: "${word[0]}")`);
  }
  return { english, checked };
}

// Opens `path` and waits until the page has settled (its reads answered).
async function visit(page, path) {
  await page.goto(`${e2e.stack.baseUrl}${path}`);
  await page.locator('#main').waitFor();
  await page.waitForLoadState('networkidle');
}

test('a partner rep and a partner admin read no English server text in the Dutch portal', async () => {
  const seen = [];
  const rep = await newPage({ locale: 'nl-NL' });
  recordApi(rep, seen);
  await signIn(rep, e2e.stack.baseUrl, login('partner rep'), { signInLabel: 'Inloggen', emailLabel: 'Zakelijk e-mailadres', passwordLabel: 'Wachtwoord' });
  const first = async (path, list) => (await (await rep.request.get(`${e2e.stack.baseUrl}${path}`)).json())[list]?.[0]?.id;
  const claimId = await first('/v1/claims?pageSize=1', 'claims');
  const programId = await first('/v1/programs?pageSize=1', 'programs');
  const disputeId = await first('/v1/disputes?pageSize=1', 'disputes');
  assert.ok(claimId && programId && disputeId, 'the demo rep has claims, programs and disputes');
  for (const path of [
    '/',
    '/profile',
    '/feed',
    '/claims',
    `/claims/${claimId}`,
    '/claims/new',
    '/programs',
    `/programs/${programId}`,
    '/funds',
    '/disputes',
    `/disputes/${disputeId}`,
    '/leaderboards',
    '/badges',
    '/training',
    '/rewards',
    '/store',
    '/notifications',
    '/settings/notifications',
  ]) {
    await visit(rep, path);
  }
  await screenshot(rep, 'dutch-rewards');
  // The rest of what the rep may read, so that people's own words quoted in the server's texts
  // (a kudos message in its ledger entry, a dispute's explanation) count as theirs: every
  // dispute and the whole feed.
  const read = async (path) => {
    const json = await (await rep.request.get(`${e2e.stack.baseUrl}${path}`)).json();
    seen.push({ path, json, dataOnly: true });
    return json;
  };
  for (const d of (await read('/v1/disputes?pageSize=200')).disputes ?? []) await read(`/v1/disputes/${d.id}`);
  let token = '';
  for (let pages = 0; pages < 10; ++pages) {
    const feed = await read(`/v1/feed?pageSize=100${token ? `&pageToken=${token}` : ''}`);
    token = feed.nextPageToken;
    if (!token) break;
  }
  await rep.context().close();

  const admin = await newPage({ locale: 'nl-NL' });
  recordApi(admin, seen);
  await signIn(admin, e2e.stack.baseUrl, login('partner admin'), { signInLabel: 'Inloggen', emailLabel: 'Zakelijk e-mailadres', passwordLabel: 'Wachtwoord' });
  for (const path of ['/', '/organisation', '/funds', '/rewards', '/store', '/feed', '/badges']) await visit(admin, path);
  await admin.context().close();

  const { english, checked } = englishTexts(seen);
  assert.deepEqual(english, [], `English server texts in the Dutch portal:\n${english.join('\n')}`);
  // The walk saw the server's texts of every kind, so the check above means something.
  for (const key of ['basis', 'headline', 'progressText', 'text']) {
    assert.ok((checked[key] ?? 0) > 0, `no ${key} was checked (checked: ${JSON.stringify(checked)})`);
  }
});
