// The service worker: after one visit the calculator and the embeds work with no network.
//
// This file is a template: the build (web/src/embed/vite-plugin.mjs) writes dist/sw.js as
//   const VERSION = '<hash of every precached file>';
//   const PRECACHE = ['./', 'index.html', 'embed.html', 'assets/...', 'data/...', ...];
// followed by this file. Any change to any built file changes VERSION, so the browser
// installs the new worker on the next visit.
//
// Strategy (no third-party code, no network other than the page's own origin):
// - caches are named "llmfp:<scope>:<VERSION>": another app on the same origin (e.g.
//   another project of the same GitHub Pages domain) has its own names, and this worker
//   reads, keeps and deletes only caches of its own scope (never caches.match over all).
// - install: fetch every file of PRECACHE (bypassing the HTTP cache), check each against
//   HASHES (SHA-256 from the build), store it in the current cache, then take over at once.
// - fetch (GET, same origin only): a file of this build comes from the current cache only
//   after its bytes match HASHES (data files not precached: the manifest's SHA-256); a
//   mismatch (a page of the same origin can write into any cache) is deleted and fetched
//   again. Anything else goes to the network; only if that fails does an older cache of
//   this scope answer (a page opened before an update finding its own hashed files, which
//   the new build no longer lists; see docs/security.md for what that leaves open).
// - activate: keep the current and the previous cache of this scope, delete older ones.
// Navigations ignore the query string (the state lives in it): ?view=... maps to the page.
/* global VERSION, PRECACHE, HASHES */
const SCOPE = self.registration.scope;
const PREFIX = `llmfp:${SCOPE}:`;
const CURRENT = `${PREFIX}${VERSION}`;
const KEEP = 2;

const scopeUrl = (path) => new URL(path, SCOPE).href;

async function sha256Hex(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** True if the response's bytes have SHA-256 `expected` (reads a clone). */
async function intact(response, expected) {
  return (await sha256Hex(await response.clone().arrayBuffer())) === expected;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CURRENT);
      await Promise.all(
        PRECACHE.map(async (p) => {
          const res = await fetch(new Request(scopeUrl(p), { cache: 'reload' }));
          if (!res.ok || !(await intact(res, HASHES[p])))
            throw new Error(`${p} is not the file this build lists (a deploy in progress?)`);
          await cache.put(scopeUrl(p), res);
        }),
      );
      // Remember when this cache was made, so activate can keep the newest ones.
      await cache.put(scopeUrl('__llmfp_created__'), new Response(String(Date.now())));
      await self.skipWaiting();
    })(),
  );
});

async function createdAt(name) {
  const res = await (await caches.open(name)).match(scopeUrl('__llmfp_created__'));
  const t = res ? Number(await res.text()) : 0;
  return Number.isFinite(t) ? t : 0;
}

/** This scope's older caches, newest first. */
async function olderCaches() {
  const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CURRENT);
  const dated = await Promise.all(names.map(async (n) => [n, await createdAt(n)]));
  return dated.sort((a, b) => b[1] - a[1]).map(([n]) => n);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const older = await olderCaches();
      await Promise.all(older.slice(KEEP - 1).map((n) => caches.delete(n)));
      // Caches of builds before the names carried the scope ("llmfp-<VERSION>"): delete
      // those this scope made (they hold its marker), never another app's.
      for (const n of (await caches.keys()).filter((k) => k.startsWith('llmfp-')))
        if (await (await caches.open(n)).match(scopeUrl('__llmfp_created__'))) await caches.delete(n);
      await self.clients.claim();
    })(),
  );
});

/** The cache key of a request: navigations to a page ignore the query string. */
function keyOf(request) {
  const url = new URL(request.url);
  if (request.mode === 'navigate' || url.pathname.endsWith('.html') || url.href === SCOPE) {
    url.search = '';
    url.hash = '';
  }
  return url.href;
}

let dataHashes = null;
/** file under data/ -> SHA-256, from this build's manifest (itself checked against HASHES). */
function manifestHashes() {
  if (!dataHashes) {
    dataHashes = (async () => {
      const res = await verified('data/manifest.json', HASHES['data/manifest.json']);
      const out = new Map();
      const rel = (f) => String(f).replace(/^(\.\/)?(public\/)?(data\/)?/, '');
      for (const d of (await res.json()).datasets ?? [])
        for (const v of d.versions ?? [])
          for (const f of [v, ...(v.parts ?? [])]) if (f.file && f.sha256) out.set(`data/${rel(f.file)}`, f.sha256);
      return out;
    })();
    dataHashes.catch(() => {
      dataHashes = null;
    });
  }
  return dataHashes;
}

/** The SHA-256 a file of this build must have ('' = not a file of this build). */
async function expectedHash(path) {
  if (HASHES[path]) return HASHES[path];
  if (path.startsWith('data/') && HASHES['data/manifest.json'])
    return (await manifestHashes().catch(() => new Map())).get(path) ?? '';
  return '';
}

/** The file `path` of this build: from the current cache if intact, else fetched, checked, cached. */
async function verified(path, expected, request) {
  const key = scopeUrl(path);
  const current = await caches.open(CURRENT);
  const hit = await current.match(key);
  if (hit && (await intact(hit, expected))) return hit;
  if (hit) await current.delete(key);
  const res = await fetch(request ?? key, request ? undefined : { cache: 'reload' });
  if (res.ok && res.type === 'basic' && (await intact(res, expected)))
    await current.put(key, res.clone()).catch(() => {});
  return res;
}

async function respond(request) {
  const key = keyOf(request);
  const path = key === SCOPE ? './' : key.startsWith(SCOPE) ? key.slice(SCOPE.length) : '';
  const expected = path ? await expectedHash(path) : '';
  if (expected) return verified(path, expected, request.mode === 'navigate' ? undefined : request);
  try {
    const res = await fetch(request);
    if (res.ok) return res;
  } catch {
    // offline: an older cache of this scope may still hold it
  }
  for (const name of await olderCaches()) {
    const old = await (await caches.open(name)).match(key);
    if (old) return old;
  }
  return fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
