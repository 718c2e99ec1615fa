// The embed view (embed.html): 1 to 8 models in one of four formats (card, chart, table,
// badge; formats.jsx), with the dataset version pinned, a link back to the full calculator
// with the same state, and the height reported to the host page. Every name from the URL
// or a dataset is rendered as text (Preact escapes it); nothing is stored.
//
// On a diet (docs/embedding-speed.md): with the default assumptions the numbers come from the
// build's precomputed file, whose name and SHA-256 the build wrote into this code (PINNED,
// scripts/prerender.mjs): a pinned embed ("id@version") fetches that one small file, checks
// its hash and shows its numbers, and only then asks for the manifest (titles, newer
// versions, the constants of the card's equivalent). No wasm, no worker. Only an embed
// whose link overrides an assumption loads the engine (live.jsx, a separate chunk).
import { useEffect, useRef, useState } from 'preact/hooks';

import { findDataset, loadDataFile, loadManifest } from '../data/load.js';
import { checkPrecomputed, usesDefaults } from '../data/precomputed.js';
import { Lazy } from '../components/lazy.jsx';
import { Body, Footer } from './body.jsx';
import { firstRows } from './first.js';
import { fetchPinnedFile } from './pinned.js';
import { appUrl, embedState } from './embed-state.js';
import { reportHeight } from './resize-child.js';
import { VersionNotice } from './VersionNotice.jsx';
import { LinkNotices, LoadError } from './notices.jsx';

/** Runs `fn` when the main thread is idle (at most `ms` later). */
const whenIdle = (fn, ms = 1500) =>
  'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: ms }) : setTimeout(fn, 50);

/**
 * Loads what the first number needs: for a pinned dataset version with a precomputed file,
 * that file alone (hash-checked against the build's own table); then the manifest (or the
 * manifest first, without a pin), the precomputed file of the version it names (checked
 * against the manifest's dataset hash too), and the constants (for the card's equivalent).
 * With assumptions changed (`defaults` false) no precomputed file applies: the manifest only.
 * Returns {meta, manifest, pre, constants, error}.
 */
function useEmbedData(ds, prompt, defaults, first) {
  // The pinned file that main.jsx already has (hash-checked): its numbers in the first render.
  const [state, setState] = useState(() =>
    defaults && first?.dataset === ds ? { file: first, pre: checkPrecomputed(first, { ref: ds }) } : {},
  );
  useEffect(() => {
    let live = true;
    const early = defaults ? fetchPinnedFile(ds, prompt) : null;
    const rest = () =>
      loadManifest()
        .then(async (manifest) => {
          const meta = findDataset(manifest, 'footprint', ds);
          if (!meta) throw new Error('no footprint dataset is listed in this build');
          const file = await (early && meta.ref === ds ? early : defaults ? fetchPinnedFile(meta.ref, prompt) : null);
          if (!live) return;
          setState((s) => ({ ...s, meta, manifest, pre: checkPrecomputed(file, meta) }));
          const c = findDataset(manifest, 'constants');
          if (c)
            loadDataFile(c.file).then(
              (constants) => live && setState((s) => ({ ...s, constants })),
              () => {},
            );
        })
        .catch((error) => live && setState({ error }));
    if (!early) rest();
    else
      early.then((file) => {
        if (live && file?.dataset === ds)
          setState((s) => (s.meta || s.file === file ? s : { ...s, file, pre: checkPrecomputed(file, { ref: ds }) }));
        // The manifest only after the first number, when the page is idle: it is not
        // needed for it, and several embeds on one page (one main thread) show their
        // numbers first.
        if (live && file) whenIdle(rest);
        else if (live) rest();
      });
    return () => {
      live = false;
    };
  }, [ds, prompt, defaults]);
  return state;
}

const loadMyUse = () => import('./MyUseEmbed.jsx');
const loadTrends = () => import('./TrendsEmbed.jsx');

export function Embed(props) {
  if (props.state.view === 'myuse')
    return <Lazy id="embed-myuse" load={loadMyUse} fallback={<p aria-busy="true">Loading…</p>} {...props} />;
  if (props.state.view === 'trends')
    return <Lazy id="embed-trends" load={loadTrends} fallback={<p aria-busy="true">Loading…</p>} {...props} />;
  return <EstimateEmbed {...props} />;
}

function EstimateEmbed({ state, fields, notices, id, look, first }) {
  const rootRef = useRef(null);
  const badge = look.fmt === 'badge';
  useEffect(() => reportHeight(rootRef.current, id, { width: badge }), [id, badge]);
  const defaults = usesDefaults(state);
  const data = useEmbedData(state.dataset, state.prompt, defaults, first);
  const [Live, setLive] = useState(null);
  const { pick, rows: fast } = firstRows(state, data.pre);
  const needLive = Boolean(data.meta && !fast);
  useEffect(() => {
    if (needLive && !Live) import('./live.jsx').then((m) => setLive(() => m.default));
  }, [needLive, Live]);
  const value = data.meta;
  // Before the manifest, a pinned embed's numbers are those of its own version.
  const ref = value?.ref ?? (data.pre ? state.dataset : null);
  const pinned = ref ? embedState(state, { ref }) : state;
  const here = document.baseURI;
  const newer = value && { ...pinned, dataset: `${value.entry.id}@${value.entry.latest}` };
  const href = ref ? appUrl(here, pinned, fields) : './';
  const body = (rows, loading, prompt, asked) => (
    <Body
      rows={rows}
      loading={loading}
      prompt={prompt}
      look={look}
      state={state}
      asked={asked}
      constants={data.constants}
      href={href}
    />
  );
  return (
    <div ref={rootRef} class={`embed-root embed-${look.fmt}`}>
      <LinkNotices notices={notices} />
      {data.error ? (
        <LoadError error={data.error} />
      ) : fast ? (
        body(fast, false, state.prompt, pick)
      ) : !value ? (
        <p aria-busy="true">Loading…</p>
      ) : Live ? (
        <Live state={state} render={body} />
      ) : (
        <p aria-busy="true">Computing…</p>
      )}
      {value && look.fmt !== 'badge' && (
        <>
          <VersionNotice
            ds={state.dataset}
            meta={value}
            newerHref={newer && appUrl(here, newer, fields)}
            target="_blank"
          />
          <Footer href={href} title={value.entry.title ?? value.entry.id} version={value.ref} />
        </>
      )}
    </div>
  );
}
