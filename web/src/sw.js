// The service worker: after one visit the calculator and the embeds work with no network.
//
// This file is a template: the build (web/src/embed/vite-plugin.mjs) writes dist/sw.js as
//   const VERSION = '<hash of every precached file>';
//   const PRECACHE = ['./', 'index.html', 'embed.html', 'assets/...', 'data/...', ...];
// followed by this file. Any change to any built file changes VERSION, so the browser
// installs the new worker on the next visit.
//
// Strategy (no third-party code, no network other than the page's own origin):
// - install: fetch every file of PRECACHE into the cache "llmfp-<VERSION>" (bypassing the
//   HTTP cache), then take over at once (skipWaiting).
// - fetch (GET, same origin only): the current cache first, then any older llmfp cache, then
//   the network (a successful answer is added to the current cache). A page opened before
//   an update keeps finding its own hashed files in the previous cache, so an update never
//   breaks an open page; the next visit loads the new index.html and its new files.
// - activate: keep the current and the previous cache, delete older ones.
// Navigations ignore the query string (the state lives in it): ?view=... maps to the page.
/* global VERSION, PRECACHE */
const PREFIX = 'llmfp-';
const CURRENT = `${PREFIX}${VERSION}`;
const KEEP = 2;

const scopeUrl = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CURRENT);
      await cache.addAll(PRECACHE.map((p) => new Request(scopeUrl(p), { cache: 'reload' })));
      // Remember when this cache was made, so activate can keep the newest ones.
      await cache.put(scopeUrl('__llmfp_created__'), new Response(String(Date.now())));
      await self.skipWaiting();
    })(),
  );
});

async function createdAt(name) {
  const res = await (await caches.open(name)).match(scopeUrl('__llmfp_created__'));
  return res ? Number(await res.text()) : 0;
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CURRENT);
      const dated = await Promise.all(names.map(async (n) => [n, await createdAt(n)]));
      dated.sort((a, b) => b[1] - a[1]);
      await Promise.all(dated.slice(KEEP - 1).map(([n]) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

/** The cache key of a request: navigations to a page ignore the query string. */
function keyOf(request) {
  const url = new URL(request.url);
  if (request.mode === 'navigate' || url.pathname.endsWith('.html') || url.href === self.registration.scope) {
    url.search = '';
    url.hash = '';
  }
  return url.href;
}

async function respond(request) {
  const key = keyOf(request);
  const current = await caches.open(CURRENT);
  const hit = (await current.match(key)) ?? (await caches.match(key));
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.type === 'basic') current.put(key, res.clone()).catch(() => {});
  return res;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
