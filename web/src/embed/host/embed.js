// llm-footprint embeds, for host pages (docs/embedding.md). Load it as a module from the
// calculator's own site:
//
//   <script type="module" src="https://EXAMPLE/llm-footprint/embed.js"></script>
//
// Built into dist/embed.js (a fixed name, no hash: web/src/embed/vite-plugin.mjs hostScript()).
// It does these things, and nothing else (no cookie, no storage, no request but the
// calculator's own files):
// 1. defines <llm-footprint model="..." prompt="short" dataset="paper-v6@2025-10-26">, which
//    renders the embed iframe (in its shadow root; the element's own content, e.g. a
//    fallback <a>, is shown only where this script does not run). An estimate with the
//    default assumptions and a pinned dataset version is painted first in the shadow root
//    itself (poster.jsx, from the build's hash-checked precomputed file, with the frame's own
//    code): the iframe then loads behind it and takes its place once it shows its page, so a
//    page with several embeds shows every number without waiting for every frame;
// 2. resizes every embed iframe (those of <llm-footprint> and any <iframe data-llm-footprint>)
//    to the height its page reports (and, for the inline badge, the width). A height message
//    is used only if its type is 'llm-footprint:height', it comes from that very iframe
//    (event.source) and from the iframe's origin, and carries that iframe's embed id;
// 3. for an embed with theme=page, tells its frame whether the page around it is light or
//    dark (from the computed colours of the page, checked again when they may change).
import { PINNED_NAMES } from 'virtual:llmfp-precomputed';
import { POSTER } from 'virtual:llmfp-poster';

import { pinnedAsset, pinnedHash } from '../../data/precomputed.js';
import { schemeAround } from './scheme.js';

// (The folder of this very file at run time, not a file of the build.)
const BASE = new URL(/* @vite-ignore */ './', import.meta.url);
const TYPE = 'llm-footprint:height';
const MIN_HEIGHT = 16;
const MAX_HEIGHT = 20000;

/** Attribute -> URL parameter of the embed (docs/embedding.md lists them). */
const ATTRS = {
  view: 'view',
  dataset: 'ds',
  model: 'model',
  prompt: 'prompt',
  'output-tokens': 'out',
  'compare-with': 'cb',
  metric: 'cmetric',
  models: 'models',
  format: 'fmt',
  theme: 'theme',
  size: 'esize',
};
const THEME = 'llm-footprint:theme';
const MIN_WIDTH = 40;
const MAX_WIDTH = 4000;

let counter = 0;
/** iframe -> {id, origin, page (theme=page), poster (the first paint it replaces, or null), waiting, height}. */
const frames = new Map();

/** `iframe`'s embed: its id, origin, whether it follows the page's theme, and the first paint it replaces (or null). */
function track(iframe, { fresh = false, poster = null } = {}) {
  let url;
  try {
    url = new URL(iframe.getAttribute('src'), document.baseURI);
  } catch {
    return;
  }
  let id = url.searchParams.get('eid');
  if (!id) {
    id = `llmfp-auto-${++counter}`;
    url.searchParams.set('eid', id);
    iframe.setAttribute('src', url.href);
  }
  const page = url.searchParams.get('theme') === 'page';
  frames.set(iframe, { id, origin: url.origin, page, poster });
  // The page may have reported its height before this script ran: ask again.
  const ping = () => {
    iframe.contentWindow?.postMessage({ type: 'llm-footprint:ping' }, url.origin);
    if (page) iframe.contentWindow?.postMessage({ type: THEME, scheme: schemeAround(iframe) }, url.origin);
  };
  iframe.addEventListener('load', ping);
  // Only a frame that has already loaded its page is asked now: the first, empty document of
  // a frame still loading has the host's origin, and a message to it would be refused with an
  // error in the host page's console ('load' asks once the page is in).
  // (A frame this script has just made is still loading: asking would also build a script
  // context for its empty document, on the main thread the page and its embeds share.)
  if (!fresh && loadedPage(iframe)) ping();
}

/** Whether `iframe` shows a page already (not the empty document of a frame still loading). */
function loadedPage(iframe) {
  try {
    return iframe.contentWindow?.location.href !== 'about:blank';
  } catch {
    return true; // another origin's page: loaded
  }
}

addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== TYPE) return;
  for (const [iframe, info] of frames) {
    if (!iframe.isConnected) {
      frames.delete(iframe);
      continue;
    }
    if (event.source !== iframe.contentWindow) continue;
    if (event.origin !== info.origin || data.id !== info.id) return;
    const h = Number(data.height);
    if (!Number.isFinite(h)) return;
    if (info.poster) reveal(iframe, info);
    info.height = `${Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(h)))}px`;
    if (!info.waiting) iframe.style.height = info.height;
    const w = Number(data.width);
    if (data.width !== undefined && Number.isFinite(w)) {
      iframe.style.width = `${Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(w)))}px`;
      iframe.style.maxWidth = '100%';
    }
    return;
  }
});

/**
 * The frame shows its page (it reported its size): it takes the place of the first paint,
 * unless the reader is on a link of the first paint (then when they leave it).
 */
function reveal(iframe, info) {
  const poster = info.poster;
  info.poster = null;
  const swap = () => {
    poster.remove();
    info.waiting = false;
    // (While the reader was on the first paint, the frame kept no height: no gap under it.)
    Object.assign(iframe.style, { visibility: '', position: '', height: info.height ?? iframe.style.height });
    iframe.removeAttribute('aria-hidden');
  };
  const root = poster.getRootNode();
  info.waiting = Boolean(root.activeElement && poster.contains(root.activeElement));
  if (info.waiting) poster.addEventListener('focusout', swap, { once: true });
  else swap();
}

/** Tells every theme=page frame the page's scheme again (after the page's colours may have changed). */
function retheme() {
  for (const [iframe, info] of frames)
    if (info.page && iframe.isConnected)
      iframe.contentWindow?.postMessage({ type: THEME, scheme: schemeAround(iframe) }, info.origin);
}

function scan(root = document) {
  for (const iframe of root.querySelectorAll('iframe[data-llm-footprint]')) if (!frames.has(iframe)) track(iframe);
}

class LlmFootprint extends HTMLElement {
  static get observedAttributes() {
    return [...Object.keys(ATTRS), 'params', 'src', 'title', 'height'];
  }

  connectedCallback() {
    this.render();
  }

  attributeChangedCallback() {
    if (this.shadowRoot) this.render();
  }

  /** The embed URL of this element's attributes. */
  url() {
    const base = new URL(this.getAttribute('src') || BASE.href, document.baseURI);
    const params = new URLSearchParams(this.getAttribute('params') || '');
    params.set('v', '1');
    for (const [attr, key] of Object.entries(ATTRS)) {
      const value = this.getAttribute(attr);
      if (value !== null && value !== '') params.set(key, value);
    }
    this.embedId ??= this.id || `llmfp-el-${++counter}`;
    params.set('eid', this.embedId);
    return new URL(`embed.html?${params}`, base).href;
  }

  /** The iframe's accessible title. */
  frameTitle() {
    const model = this.getAttribute('model');
    return (
      this.getAttribute('title') ||
      `llm-footprint: energy, water and carbon of one prompt${model ? ` to ${model}` : ''}`
    );
  }

  render() {
    // A src that is no http(s) folder (e.g. "javascript:...") gives no embed: the fallback
    // link stays visible (no shadow root hides it) and nothing is thrown at the host page.
    let src;
    try {
      src = this.url();
      if (!/^https?:$/.test(new URL(src).protocol)) return;
    } catch {
      return;
    }
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (this.frame) this.change(src);
    else this.start(root, src);
  }

  /** New settings: the frame shows them (any first paint of the old ones goes). */
  change(src) {
    const iframe = this.frame;
    if (iframe.getAttribute('src') === src) return;
    iframe.title = this.frameTitle();
    iframe.setAttribute('src', src);
    if (!iframe.isConnected) return; // still behind its first paint: start()'s add() takes the new src
    if (frames.get(iframe)?.poster) reveal(iframe, frames.get(iframe));
    frames.delete(iframe);
    track(iframe);
  }

  /** The first render: the first paint if this embed can have one, and the frame. */
  start(root, src) {
    // Styles through the CSSOM, which a host page's own CSP does not block.
    const badge = this.getAttribute('format') === 'badge';
    if (!this.style.display) this.style.display = badge ? 'inline-block' : 'block';
    if (badge && !this.style.verticalAlign) this.style.verticalAlign = 'middle';
    // (Its first paint wraps inside the column, as its frame does, instead of running past it.)
    if (badge && !this.style.maxWidth) this.style.maxWidth = '100%';
    const iframe = (this.frame = newFrame(src, this.frameTitle(), badge, Number(this.getAttribute('height'))));
    // Into the page only with its src set: an iframe appended without one first loads (and
    // builds a document for) about:blank, on the main thread the host page and every embed share.
    const add = (poster = null) => {
      // Settings changed while the first paint was drawn: the frame shows the new ones at once.
      if (poster && iframe.getAttribute('src') !== src) poster.remove();
      else if (poster) {
        // Behind the first paint, out of sight and out of the way, until it shows its page.
        Object.assign(iframe.style, { visibility: 'hidden', height: '0px' });
        if (badge) iframe.style.position = 'absolute';
        iframe.setAttribute('aria-hidden', 'true');
      }
      root.append(iframe);
      track(iframe, { fresh: true, poster: poster?.isConnected ? poster : null });
    };
    const first = firstPaint(root, src, () => schemeAround(this));
    if (!first) add();
    // The frame after every first paint of this task has been drawn: each frame costs the
    // page's main thread a document of its own.
    else
      first.then(
        (poster) => setTimeout(() => add(poster)),
        () => add(),
      );
  }
}

/** A sandboxed embed iframe of `src`, not yet in the page; `height`: its height (px) until the page reports its own. */
function newFrame(src, title, badge, height) {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('loading', 'lazy');
  // The embed never sees the host page's address and can never navigate or script it.
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
  Object.assign(iframe.style, { display: 'block', width: '100%', border: '0' });
  if (badge) Object.assign(iframe.style, { verticalAlign: 'middle', width: '20rem', maxWidth: '100%' });
  iframe.style.height = `${height || (badge ? 28 : 340)}px`;
  iframe.title = title;
  iframe.setAttribute('src', src);
  return iframe;
}

/** URL -> a promise of a precomputed file's bytes (null if it could not be read). */
const downloads = new Map();

/**
 * The first paint of the embed `src` in `root` (poster.jsx, a file of its own, POSTER): a
 * promise of the painted element (null when the build has no precomputed numbers for it), or
 * null when this page cannot have one: an embed of another copy of the calculator (the
 * numbers and their hashes are this build's), a browser without constructable stylesheets,
 * a page without Web Crypto (plain http: the file's hash cannot be checked), or a link
 * without a pinned file. The frame then shows the numbers, as it always does after the
 * first paint. The file is asked for here (by its name, which holds the first digits of its
 * SHA-256), while the first paint's script loads.
 */
function firstPaint(root, src, scheme) {
  const url = new URL(src);
  if (new URL('./', url).href !== BASE.href) return null;
  if (!('adoptedStyleSheets' in root) || !globalThis.crypto?.subtle) return null;
  const q = url.searchParams;
  if (['myuse', 'trends'].includes(q.get('view') ?? '')) return null;
  // The file of the link's dataset version and prompt size (the calculator's first prompt
  // size when the link names none); poster.jsx reads the link as the frame does and paints
  // only if it is this file.
  const ref = q.get('ds') ?? '';
  const prompt = q.get('prompt') || 'short';
  const name = pinnedHash(PINNED_NAMES, ref, prompt);
  if (!name) return null;
  // Its bytes, one download per file for the page: poster.jsx checks their SHA-256 against
  // the build's table before it uses them.
  const file = new URL(pinnedAsset(ref, prompt, name), BASE).href;
  if (!downloads.has(file))
    downloads.set(
      file,
      fetch(file, { referrerPolicy: 'no-referrer' })
        .then((r) => (r.ok ? r.arrayBuffer() : null))
        .catch(() => null),
    );
  const bytes = downloads.get(file);
  return import(/* @vite-ignore */ new URL(POSTER, BASE).href).then((m) =>
    m.paint(root, src, scheme, { bytes, ref, prompt }),
  );
}

if (!customElements.get('llm-footprint')) customElements.define('llm-footprint', LlmFootprint);
scan();
new MutationObserver(() => scan()).observe(document.documentElement, { childList: true, subtree: true });
// A page that switches between light and dark (a class or attribute on <html> or <body>, or the system setting).
const themeWatch = new MutationObserver(retheme);
for (const el of [document.documentElement, document.body])
  if (el) themeWatch.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', retheme);
