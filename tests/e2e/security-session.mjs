// The session of the security e2e tests (security.test.mjs, security-data.test.mjs): the
// built app from a copy of dist/ with a dataset version whose model name is an HTML payload
// (embed-server.mjs addNewerVersion), served with its _headers, and a browser; a reader
// opening a query with every request, dialog, CSP violation and page error recorded.
import { after, before } from 'node:test';

import { addNewerVersion, copyDist, recordRequests, serveApp } from './embed-server.mjs';
import { launch } from './helpers.mjs';

/** A computed number, in the app or the embed. */
export const RESULT = '[aria-busy="false"] [data-testid="energy-mean"]';

/**
 * For one test file: {app, browser, copy} before its tests (closed after them), and
 * open(query, options): a new context (service workers blocked unless options say otherwise)
 * on the app at `query`: {context, page, requests, log: {dialogs, violations, errors}}.
 */
export function securitySession() {
  const session = {};
  before(async () => {
    session.copy = copyDist();
    addNewerVersion(session.copy.dir);
    session.app = await serveApp(session.copy.dir);
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.app?.close();
    session.copy?.cleanup();
  });
  session.open = async (query, options = {}) => {
    const context = await session.browser.newContext({ serviceWorkers: 'block', ...options });
    const requests = recordRequests(context);
    const page = await context.newPage();
    const log = { dialogs: [], violations: [], errors: [] };
    page.on('dialog', (d) => {
      log.dialogs.push(d.message());
      d.dismiss();
    });
    page.on('pageerror', (e) => log.errors.push(e.message));
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) log.violations.push(m.text());
    });
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${session.app.url}${query}`);
    return { context, page, requests, log };
  };
  return session;
}
