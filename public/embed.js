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
//    to the height its page reports. A height message is used only if its type is
//    'llm-footprint:height', it comes from that very iframe (event.source) and from the
//    iframe's origin, and carries that iframe's embed id.
/* global URL, URLSearchParams, document, addEventListener, HTMLElement, customElements, MutationObserver */
const BASE = new URL('./', import.meta.url);
const TYPE = 'llm-footprint:height';
const MIN_HEIGHT = 40;
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
};

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
  frames.set(iframe, { id, origin: url.origin });
  // The page may have reported its height before this script ran: ask again.
  const ping = () => iframe.contentWindow?.postMessage({ type: 'llm-footprint:ping' }, url.origin);
  iframe.addEventListener('load', ping);
  ping();
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
    return;
  }
});

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
    if (!iframe) {
      // Styles through the CSSOM, which a host page's own CSP does not block.
      if (!this.style.display) this.style.display = 'block';
      iframe = document.createElement('iframe');
      iframe.setAttribute('loading', 'lazy');
      // The embed never sees the host page's address and can never navigate or script it.
      iframe.setAttribute('referrerpolicy', 'no-referrer');
      iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
      Object.assign(iframe.style, { display: 'block', width: '100%', border: '0' });
      iframe.style.height = `${Number(this.getAttribute('height')) || 340}px`;
      root.append(iframe);
    }
    const model = this.getAttribute('model');
    iframe.title =
      this.getAttribute('title') ||
      `llm-footprint: energy, water and carbon of one prompt${model ? ` to ${model}` : ''}`;
    iframe.setAttribute('src', src);
    frames.delete(iframe);
    track(iframe);
  }
}

if (!customElements.get('llm-footprint')) customElements.define('llm-footprint', LlmFootprint);
scan();
new MutationObserver(() => scan()).observe(document.documentElement, { childList: true, subtree: true });
