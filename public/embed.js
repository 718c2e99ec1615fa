// llm-footprint embeds, for host pages (docs/embedding.md). Load it as a module from the
// calculator's own site:
//
//   <script type="module" src="https://EXAMPLE/llm-footprint/embed.js"></script>
//
// It does two things, and nothing else (no request of its own, no cookie, no storage):
// 1. defines <llm-footprint model="..." prompt="short" dataset="paper-v6@2025-10-26">, which
//    renders the embed iframe (in its shadow root; the element's own content, e.g. a
//    fallback <a>, is shown only where this script does not run);
// 2. resizes every embed iframe (those of <llm-footprint> and any <iframe data-llm-footprint>)
//    to the height its page reports (and, for the inline badge, the width). A height message
//    is used only if its type is 'llm-footprint:height', it comes from that very iframe
//    (event.source) and from the iframe's origin, and carries that iframe's embed id;
// 3. for an embed with theme=page, tells its frame whether the page around it is light or
//    dark (from the computed colours of the page, checked again when they may change).
/* global URL, URLSearchParams, document, addEventListener, HTMLElement, customElements, MutationObserver, getComputedStyle, matchMedia */
const BASE = new URL('./', import.meta.url);
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
const frames = new Map(); // iframe -> {id, origin}

function track(iframe) {
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
  frames.set(iframe, { id, origin: url.origin, page });
  // The page may have reported its height before this script ran: ask again.
  const ping = () => {
    iframe.contentWindow?.postMessage({ type: 'llm-footprint:ping' }, url.origin);
    if (page) iframe.contentWindow?.postMessage({ type: THEME, scheme: schemeAround(iframe) }, url.origin);
  };
  iframe.addEventListener('load', ping);
  // Only a frame that has already loaded its page is asked now: the first, empty document of
  // a frame still loading has the host's origin, and a message to it would be refused with an
  // error in the host page's console ('load' asks once the page is in).
  if (loadedPage(iframe)) ping();
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
    iframe.style.height = `${Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(h)))}px`;
    const w = Number(data.width);
    if (data.width !== undefined && Number.isFinite(w)) {
      iframe.style.width = `${Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(w)))}px`;
      iframe.style.maxWidth = '100%';
    }
    return;
  }
});

/** Relative luminance (0 black .. 1 white) of a computed "rgb(...)" colour, or null if transparent. */
function luminance(css) {
  const m = /rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/.exec(css || '');
  if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** 'dark' or 'light': the first opaque background behind `el`, else its text colour. */
function schemeAround(el) {
  for (let node = el.parentElement ?? el.getRootNode().host; node;) {
    const l = luminance(getComputedStyle(node).backgroundColor);
    if (l !== null) return l < 0.2 ? 'dark' : 'light';
    node = node.parentElement ?? node.getRootNode().host;
  }
  const text = luminance(getComputedStyle(el.parentElement ?? document.body ?? document.documentElement).color);
  return text !== null && text > 0.5 ? 'dark' : 'light';
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
    let iframe = root.querySelector('iframe');
    if (iframe && iframe.getAttribute('src') === src) return;
    const fresh = !iframe;
    if (fresh) {
      // Styles through the CSSOM, which a host page's own CSP does not block.
      if (!this.style.display) this.style.display = this.getAttribute('format') === 'badge' ? 'inline-block' : 'block';
      if (this.getAttribute('format') === 'badge' && !this.style.verticalAlign) this.style.verticalAlign = 'middle';
      iframe = document.createElement('iframe');
      iframe.setAttribute('loading', 'lazy');
      // The embed never sees the host page's address and can never navigate or script it.
      iframe.setAttribute('referrerpolicy', 'no-referrer');
      iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
      Object.assign(iframe.style, { display: 'block', width: '100%', border: '0' });
      const badge = this.getAttribute('format') === 'badge';
      if (badge) Object.assign(iframe.style, { verticalAlign: 'middle', width: '20rem', maxWidth: '100%' });
      iframe.style.height = `${Number(this.getAttribute('height')) || (badge ? 28 : 340)}px`;
    }
    const model = this.getAttribute('model');
    iframe.title =
      this.getAttribute('title') ||
      `llm-footprint: energy, water and carbon of one prompt${model ? ` to ${model}` : ''}`;
    iframe.setAttribute('src', src);
    // Into the page only with its src set: an iframe appended without one first loads (and
    // builds a document for) about:blank, on the main thread the host page and every embed share.
    if (fresh) root.append(iframe);
    frames.delete(iframe);
    track(iframe);
  }
}

if (!customElements.get('llm-footprint')) customElements.define('llm-footprint', LlmFootprint);
scan();
new MutationObserver(() => scan()).observe(document.documentElement, { childList: true, subtree: true });
// A page that switches between light and dark (a class or attribute on <html> or <body>, or the system setting).
const themeWatch = new MutationObserver(retheme);
for (const el of [document.documentElement, document.body])
  if (el) themeWatch.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', retheme);
