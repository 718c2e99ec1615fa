// The page shell: skip link, header, navigation (everyday views, research tools under
// "More"), link notices, the current view (lazily loaded), then the embed bar and the
// engine status, so that on a phone the first screen is the view's answer.
import { useEffect, useErrorBoundary, useMemo, useRef, useState } from 'preact/hooks';

import { AfterPaint, useAfterPaint } from './components/after-paint.js';
import { Lazy } from './components/lazy.jsx';
import { EmbedBar } from './embed/EmbedBar.jsx';
import { IntegrityError } from './data/integrity.js';
import { useDatasets } from './data/use-data.js';
import { useEngineStatus } from './engine/engine.js';
import { encode } from './state/url-state.js';
import { getFields, setState, takeNotices, useAppState } from './state/store.js';
import { views } from './views.js';

function Notices() {
  const [notices, setNotices] = useState(() => takeNotices());
  if (!notices.length) return null;
  return (
    <div class="notice" role="status">
      <p>
        <strong>Some settings in the link could not be used.</strong> The page shows the defaults instead:
      </p>
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setNotices([])}>
        Dismiss
      </button>
    </div>
  );
}

function EngineStatus() {
  const { status, message } = useEngineStatus();
  const text = {
    idle: '',
    loading: 'Loading the engine…',
    ready: 'Engine ready: every number is computed in your browser.',
    error: 'The calculation engine stopped. It restarts by itself on your next change.',
  }[status];
  return (
    <p
      class={`engine-status ${status}`}
      role="status"
      data-status={status}
      title={status === 'error' ? message : undefined}
    >
      {text}
    </p>
  );
}

/** A view's group: 'everyday' (for the public) or 'research' (the tools behind the numbers). */
export const groupOf = (v) => v.group ?? (v.id === 'calc' ? 'everyday' : 'research');

function NavLink({ v, current, state, onGo }) {
  return (
    <a
      href={`?${encode({ ...state, view: v.id }, getFields())}`}
      aria-current={v.id === current ? 'page' : undefined}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        onGo?.();
        setState({ view: v.id });
      }}
    >
      {v.label}
    </a>
  );
}

/**
 * The everyday views in one row (never wrapping; the row scrolls sideways if a phone is too
 * narrow) and the research tools behind a "More" menu, which stays in view beside the row.
 */
function Nav({ current, state: now }) {
  // Every link encodes the whole state: they follow a change once the page has painted it.
  const state = useAfterPaint(now);
  const everyday = views.filter((v) => groupOf(v) === 'everyday');
  const research = views.filter((v) => groupOf(v) !== 'everyday');
  const more = useRef(null);
  const inMore = research.some((v) => v.id === current);
  useEffect(() => {
    // Close the menu on a click outside it or on Escape.
    const close = (e) => {
      const d = more.current;
      if (!d?.open) return;
      if (e.type === 'keydown' ? e.key === 'Escape' : !d.contains(e.target)) {
        d.open = false;
        if (e.type === 'keydown') d.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  // The links (each encodes the state) are built again only when the state or the view changes.
  const links = useMemo(
    () => ({
      main: everyday.map((v) => (
        <li key={v.id}>
          <NavLink v={v} current={current} state={state} />
        </li>
      )),
      more: research.map((v) => (
        <li key={v.id}>
          <NavLink
            v={v}
            current={current}
            state={state}
            onGo={() => {
              if (more.current) more.current.open = false;
            }}
          />
        </li>
      )),
    }),
    // `everyday` and `research` come from the fixed view registry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current, state],
  );
  const row = useRef(null);
  useEffect(() => {
    // On a narrow screen the row scrolls: keep the current view's link in sight.
    const a = row.current?.querySelector('[aria-current="page"]');
    if (a && row.current.scrollWidth > row.current.clientWidth)
      row.current.scrollLeft = Math.max(0, a.offsetLeft - row.current.offsetLeft - 16);
  }, [current]);
  return (
    <nav aria-label="Views">
      <ul class="nav-main" ref={row}>
        {links.main}
      </ul>
      {research.length > 0 && (
        <div class="nav-more">
          <details ref={more}>
            <summary class={inMore ? 'current' : undefined}>
              More
              {inMore ? <span class="sr-only"> (current: {research.find((v) => v.id === current)?.label})</span> : ''}
            </summary>
            <ul aria-label="Research tools">{links.more}</ul>
          </details>
        </div>
      )}
    </nav>
  );
}

/**
 * Keeps a failing view from blanking the page: shows what failed and how to get back.
 * Rendered with key = the view's id, so another view starts without the old error.
 */
function ViewBoundary({ children }) {
  const [error, reset] = useErrorBoundary();
  if (error) {
    return (
      <div class="error-box" role="alert">
        <p>This part of the page could not be shown. Try again, or start over with the defaults.</p>
        <details>
          <summary>Technical details (for a bug report)</summary>
          <p>
            <code>{String(error.message ?? error)}</code>
          </p>
        </details>
        <p>
          <button type="button" onClick={reset}>
            Try again
          </button>{' '}
          <a href="?">Start over with the defaults</a>
        </p>
      </div>
    );
  }
  return children;
}

export function App() {
  const state = useAppState();
  const view = views.find((v) => v.id === state.view) ?? views[0];
  const data = useDatasets(state.dataset);
  const embedProps = useMemo(() => ({ state, data: data.value, view: view?.id }), [state, data.value, view?.id]);
  const mainRef = useRef(null);
  const firstView = useRef(true);
  // Move focus to the new view's content after navigation (not on the first load).
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [view?.id]);
  useEffect(() => {
    document.title = `${view?.label ?? 'llm-footprint'} · llm-footprint`;
  }, [view?.label]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <p class="brand">
          <a href="?">llm-footprint</a>
          <span class="tagline"> the energy, water and carbon of one prompt</span>
        </p>
        <Nav current={view?.id} state={state} />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Notices />
        {data.error ? (
          <div class="error-box" role="alert">
            {data.error instanceof IntegrityError ? (
              // A file that is not the published one: named, in words, and no number at all.
              <p>The data could not be loaded: {data.error.message}.</p>
            ) : (
              <p>The data could not be loaded. Check your connection and reload the page.</p>
            )}
            <p>
              <button type="button" onClick={() => location.reload()}>
                Reload
              </button>{' '}
              <a href="?">Start over with the defaults</a>
            </p>
            <details>
              <summary>Technical details (for a bug report)</summary>
              <p>
                <code>{String(data.error.message ?? data.error)}</code>
              </p>
            </details>
          </div>
        ) : data.loading && !data.value ? (
          <p aria-busy="true">Loading the datasets…</p>
        ) : view ? (
          <ViewBoundary key={view.id}>
            <Lazy
              id={`view:${view.id}`}
              load={view.load}
              fallback={<p aria-busy="true">Loading…</p>}
              state={state}
              setState={setState}
              data={data.value}
            />
          </ViewBoundary>
        ) : null}
        <AfterPaint value={embedProps} render={(p) => <EmbedBar state={p.state} data={p.data} view={p.view} />} />
        <EngineStatus />
      </main>
      <footer class="site">
        <p>
          Method: Jegham et al.,{' '}
          <cite>How Hungry is AI? Benchmarking Energy, Water, and Carbon Footprint of LLM Inference</cite> (arXiv
          2505.09598). Everything is computed in your browser; no cookies, no analytics, no third-party requests.
        </p>
        <p class="print-only" data-testid="print-link">
          Printed from {location.href}
        </p>
      </footer>
    </>
  );
}
