// Measures what the portal costs a user: the JavaScript the first page loads (gzipped), and
// how long the dashboard takes to become interactive in headless Chromium, from navigation
// start to the moment its figures are on screen and the main thread has had no long task for
// 500 ms. Each run uses a new browser context (a cold cache, no service worker); the signed-in
// session cookie is set beforehand. Baseline in the same run: the time to load the sign-in page.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startStack } from '../tests/e2e/stack.mjs';
import { demoLogin, launchBrowser, PASSWORD } from '../tests/e2e/browser.mjs';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 10);
const dist = `${process.env.CIM_BUILD_DIR}/web/dist`;

function initialJavaScript() {
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(`${dist}${f}`)).length }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);

const js = initialJavaScript();
const total = js.reduce((s, f) => s + f.gzip, 0);
console.log(`initial JavaScript: ${kb(total)} KB gzipped (target ≤ 250 KB) in ${js.length} file(s):`);
for (const f of js) console.log(`  ${f.file}: ${kb(f.gzip)} KB`);

const stack = await startStack();
const browser = await launchBrowser();
try {
  const login = await fetch(`${stack.baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CIM-Client': 'web' },
    body: JSON.stringify({ email: demoLogin(stack.seedOutput, 'partner rep'), password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie').match(/cim_session=([^;]+)/)[1];
  const host = new URL(stack.baseUrl).hostname;

  const interactive = [];
  const contentful = [];
  const signIn = [];
  for (let i = 0; i < runs; i++) {
    const anonymous = await browser.newContext();
    const page0 = await anonymous.newPage();
    await page0.goto(stack.baseUrl);
    await page0.getByRole('button', { name: 'Sign in' }).waitFor();
    signIn.push(await page0.evaluate(() => performance.now()));
    await anonymous.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'cim_session', value: cookie, domain: host, path: '/', httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__longTaskEnd = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTaskEnd = Math.max(window.__longTaskEnd, e.startTime + e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(stack.baseUrl);
    // The dashboard's figures: points, rank and tier, all from the API.
    await page.waitForFunction(() =>
      ['points-balance', 'my-rank', 'tier-name'].every((id) => document.querySelector(`[data-testid="${id}"]`)),
    );
    const ready = await page.evaluate(() => performance.now());
    await page.waitForTimeout(600);
    const longTaskEnd = await page.evaluate(() => window.__longTaskEnd);
    contentful.push(ready);
    interactive.push(Math.max(ready, longTaskEnd));
    await context.close();
  }
  console.log(`runs: ${runs}, each in a new browser context (cold cache)`);
  console.log(`sign-in page loaded (baseline): median ${median(signIn).toFixed(0)} ms`);
  console.log(`dashboard figures on screen: median ${median(contentful).toFixed(0)} ms, max ${Math.max(...contentful).toFixed(0)} ms`);
  console.log(
    `dashboard interactive: median ${median(interactive).toFixed(0)} ms, max ${Math.max(...interactive).toFixed(0)} ms (target < 1500 ms) = ${(median(interactive) / median(signIn)).toFixed(2)}× the sign-in page`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
