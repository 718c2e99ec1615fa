// The first paint of an estimate embed in the host page (docs/embedding-speed.md, "First paint"):
// loaded by embed.js for a <llm-footprint> whose link keeps the default assumptions and pins
// a dataset version this build precomputed. From that one file (embed.js fetched it, with no
// referrer or cookie; its SHA-256 is checked here against the build's table) it renders the
// frame's own markup (body.jsx: the title, the format, the link to the calculator with the
// data version and the method) with the frame's stylesheets into the element's shadow root:
// the numbers appear without a document, a script context and a stylesheet per embed on the
// page's one main thread. embed.js then loads the frame behind it, which takes its place
// once it shows its page (and adds the dataset's title, the card's everyday equivalent and
// any newer-version notice). Every name is rendered as text (Preact escapes it).
import { render } from 'preact';

import { checkPrecomputed, pinnedJson } from '../../data/precomputed.js';
import { coreFields } from '../../state/fields.js';
import appCss from '../../styles.css?inline';
import { Body, Footer } from '../body.jsx';
import embedCss from '../embed.css?inline';
import { appUrl, embedFormat, embedState } from '../embed-state.js';
import { firstRows, pinnedEstimate } from '../first.js';
import { LinkNotices } from '../notices.jsx';
import { PINNED } from '../pinned.js';
import { shadowCss } from './shadow-css.js';

/** The frame's two stylesheets as one constructed sheet, parsed once for every embed of the page. */
let sheet = null;
const styles = () => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(shadowCss(`${appCss}\n${embedCss}`));
  }
  return sheet;
};

/** SHA-256 -> a promise of its file's JSON (null if the bytes are not those): one check per file for the page. */
const files = {};

/**
 * Paints the first numbers of the embed at `src` (its embed.html URL) into `root` (the
 * element's shadow root), from `early.bytes`: a promise of the bytes of the precomputed file
 * embed.js asked for (`early.ref`, `early.prompt`), used only if their SHA-256 is the one the
 * build pinned for the link's dataset version and prompt size. Returns the painted element,
 * or null (and nothing painted) when the link is not a pinned estimate with the default
 * assumptions, or is one of another file, or the file is missing or changed or lacks a
 * chosen model. `scheme()`: 'light' or 'dark' around the element (theme=page).
 */
export async function paint(root, src, scheme, early) {
  const url = new URL(src);
  const first = pinnedEstimate(url.searchParams, PINNED);
  if (!first || first.state.dataset !== early.ref || first.state.prompt !== early.prompt) return null;
  const { state, notices } = first;
  const file = await (files[first.sha256] ??= early.bytes.then((bytes) => pinnedJson(bytes, first.sha256)));
  const { pick, rows } = firstRows(state, checkPrecomputed(file, { ref: state.dataset }));
  if (!rows) return null;
  const look = { fmt: embedFormat(state), theme: state.theme, size: state.esize };
  const el = document.createElement('div');
  // The frame's <html class="embed" data-theme data-size data-format>, as a div.
  el.className = 'embed';
  // English, left to right, as the frame's page: whatever the language of the post around it
  // (a screen reader then reads it in English).
  el.lang = 'en';
  el.dir = 'ltr';
  Object.assign(el.dataset, { theme: look.theme, size: look.size, format: look.fmt });
  if (look.theme === 'page') el.dataset.scheme = scheme();
  const href = appUrl(src, embedState(state, { ref: state.dataset }), coreFields);
  render(
    <div class={`embed-root embed-${look.fmt}`}>
      <LinkNotices notices={notices} />
      <Body rows={rows} loading={false} prompt={state.prompt} look={look} state={state} asked={pick} href={href} />
      {look.fmt !== 'badge' && <Footer href={href} version={state.dataset} />}
    </div>,
    el,
  );
  if (!root.adoptedStyleSheets.includes(styles())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles()];
  root.prepend(el);
  return el;
}
