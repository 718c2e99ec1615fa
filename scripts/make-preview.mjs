// Makes public/og-image.png, the link preview image of the landing page (web/index.html's
// og:image and twitter:image): the app's own "share my estimate" card (web/src/embed/
// share-card.js) of the default estimate, drawn by headless Chromium from the built app.
// Run after `npx vite build` when the default dataset or the card changes; the PNG is
// committed (public/ is copied into every build).
//   node scripts/make-preview.mjs
/* global document */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { launch, serve } from '../tests/e2e/helpers.mjs';
import { root } from './lib.mjs';

const server = await serve();
const browser = await launch();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.live === '1', null, { timeout: 30000 });
  await page.click('[data-testid="share-make"]');
  await page.waitForSelector('[data-testid="share-img"]');
  // The page's CSP allows no fetch of blob: URLs: copy the shown image through a canvas.
  const base64 = await page.evaluate(() => {
    const img = document.querySelector('[data-testid="share-img"]');
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext('2d').drawImage(img, 0, 0);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  const out = join(root, 'public', 'og-image.png');
  writeFileSync(out, Buffer.from(base64, 'base64'));
  console.log(`make-preview: ${out} (${(Buffer.from(base64, 'base64').length / 1024).toFixed(1)} KB)`);
} finally {
  await browser.close();
  await server.close();
}
