// What every browser test file starts from: a private stack with the demo data and a browser,
// started before the file's tests and stopped after them, the demo logins and new pages.
import { after, before } from 'node:test';
import { startStack } from './stack.mjs';
import { demoLogin, launchBrowser, rememberTwoStepSecrets } from './browser.mjs';

export function useStack() {
  const e2e = {
    stack: null,
    browser: null,
    // The demo login of a role ("partner rep", "program admin", ...).
    login: (role) => demoLogin(e2e.stack.seedOutput, role),
    // A page in a context of its own (desktop size unless `options` say otherwise).
    newPage: async (options = {}) => {
      const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
      return context.newPage();
    },
  };
  before(async () => {
    e2e.stack = await startStack();
    rememberTwoStepSecrets(e2e.stack.seedOutput);
    e2e.browser = await launchBrowser();
  });
  after(async () => {
    try {
      await e2e.browser?.close();
    } finally {
      await e2e.stack?.stop();
    }
  });
  return e2e;
}
