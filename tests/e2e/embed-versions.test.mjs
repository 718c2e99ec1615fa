// Pinned dataset versions: an embed (and an app link) made with paper-v6@2025-10-26 shows
// the same numbers after a newer version of that dataset is added to the build, and says
// that newer data exist; without the pin the newer data are used (so the check can fail).
// The newer version is a test-only fake, added to a temporary copy of dist/.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { addNewerVersion, copyDist, NEWER, recordRequests, serveApp } from './embed-server.mjs';
import { launch, repoRoot } from './helpers.mjs';

const num = (text) => Number(text.replace(/[^0-9.eE+-]/g, ''));

let browser;
let app;
let copy;
before(async () => {
  copy = copyDist();
  app = await serveApp(copy.dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  copy?.cleanup();
});

/** Opens `query` in a fresh context (no service worker, no cache); returns the three means. */
async function means(query, { selector = '[data-testid="result"][aria-busy="false"]', check } = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const requests = recordRequests(context);
  try {
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', (d) => dialogs.push(d.message()) && d.dismiss());
    await page.goto(`${app.url}${query}`);
    await page.waitForSelector(`${selector} [data-testid="energy-mean"]`, { timeout: 30000 });
    const out = {};
    for (const m of ['energy', 'water', 'carbon'])
      out[m] = await page.textContent(`${selector} [data-testid="${m}-mean"]`);
    // A pinned embed checks the manifest for newer versions only when the page is idle,
    // after its first number (docs/embedding.md): wait for that check before reading it.
    await page.waitForFunction(
      () => performance.getEntriesByType('resource').some((e) => e.name.includes('/data/manifest.json')),
      null,
      { timeout: 30000 },
    );
    await page.waitForLoadState('networkidle');
    out.newer = (await page.locator('[data-testid="version-newer"]').count()) > 0;
    out.newerText = out.newer ? await page.textContent('[data-testid="version-newer"]') : '';
    if (check) await check(page);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests.foreign([app.origin]), []);
    return out;
  } finally {
    await context.close();
  }
}

const PINNED = 'v=1&ds=paper-v6%402025-10-26&model=GPT-4o+%28Mar+%2725%29&prompt=medium';

describe('pinned dataset versions', () => {
  test('an embed and an app link keep their numbers after a newer version is added', async () => {
    const embedBefore = await means(`embed.html?${PINNED}&eid=e1`);
    const appBefore = await means(`?${PINNED}`, { selector: '.results[aria-busy="false"]' });
    assert.equal(embedBefore.newer, false);
    assert.equal(appBefore.newer, false);
    assert.equal(embedBefore.energy, appBefore.energy);

    addNewerVersion(copy.dir);

    const embedAfter = await means(`embed.html?${PINNED}&eid=e1`);
    const appAfter = await means(`?${PINNED}`, { selector: '.results[aria-busy="false"]' });
    for (const m of ['energy', 'water', 'carbon']) {
      assert.equal(embedAfter[m], embedBefore[m], `embed ${m}`);
      assert.equal(appAfter[m], appBefore[m], `app ${m}`);
    }
    assert.ok(embedAfter.newer, 'the embed says newer data exist');
    assert.match(embedAfter.newerText, new RegExp(`version 2025-10-26.*${NEWER}`));
    assert.ok(appAfter.newer, 'the app says newer data exist');

    // Control: without the version pin the newer (doubled GPU power) data are used.
    const unpinned = await means('embed.html?v=1&ds=paper-v6&model=GPT-4o+%28Mar+%2725%29&prompt=medium');
    assert.ok(num(unpinned.energy) > num(embedAfter.energy) * 1.3, `${unpinned.energy} vs ${embedAfter.energy}`);
    assert.equal(unpinned.newer, false);
  });

  test('a version that is not in the build is named, and the latest is shown', async () => {
    await means('embed.html?v=1&ds=paper-v6%401999-01-01', {
      check: async (page) => {
        const text = await page.textContent('[data-testid="version-missing"]');
        assert.match(text, /paper-v6@1999-01-01/);
        assert.match(await page.textContent('[data-testid="dataset"]'), /^paper-v6@/);
      },
    });
  });
});

describe('the stability promise', () => {
  test('every published dataset file is still in public/data with the same content', () => {
    const lock = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/embed/published-datasets.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'public/data/manifest.json'), 'utf8'));
    const listed = new Set(
      manifest.datasets.flatMap((d) =>
        d.versions.flatMap((v) => [v.file, ...(v.parts ?? []).map((p) => p.file)].filter(Boolean)),
      ),
    );
    assert.ok(lock.files.length >= 9);
    for (const { ref, file, content_sha256: expected } of lock.files) {
      assert.ok(listed.has(file), `${ref}: ${file} is still listed in the manifest`);
      const path = join(repoRoot, 'public/data', file);
      assert.ok(existsSync(path), `${ref}: ${file} still exists`);
      const actual = createHash('sha256')
        .update(JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))))
        .digest('hex');
      assert.equal(actual, expected, `${ref}: ${file} was changed in place; publish a new version instead`);
    }
  });
});
