// The app's engine clients (one worker for quick requests, one for slow Monte Carlo work)
// and a hook that runs a request and tracks its state.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

import { EngineClient, SLOW_OPS } from './client.js';

export const engine = new EngineClient({
  createWorker: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'llmfp-engine' }),
});

/**
 * A second worker, started on the first slow request (Monte Carlo uncertainty and
 * sensitivity), so a recompute of the estimate never waits behind one.
 */
export const slowEngine = new EngineClient({
  timeoutMs: 60000,
  createWorker: () =>
    new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'llmfp-engine-slow' }),
});

const clientFor = (request) => (SLOW_OPS.has(request?.op) ? slowEngine : engine);

/** Requests started by prefetchEngine() that no render has taken yet, by their JSON. */
const early = new Map();
/** The latest prefetch of each channel (e.g. the calculator's estimate), by channel name. */
const channels = new Map();

/**
 * Sends `request` now, from an event handler, before the render that will ask for it: the
 * worker computes while the page renders, and useEngine() takes this answer instead of
 * sending the request again (a recompute no longer waits for a whole render before the
 * request leaves). Not taken within 2 s (the page asked for something else), it is cancelled.
 * `channel` names what the request is for: a newer prefetch on the same channel cancels an
 * older one that no render has taken (two quick clicks: the first click's estimate is
 * dropped from the queue, or its answer discarded, instead of running first).
 * Returns a promise of the engine's envelope (rejected if cancelled or the engine fails).
 * @param {import('../../../wasm-core/js/api.d.ts').EngineRequest | null} request
 * @param {{channel?: string}} [options]
 */
export function prefetchEngine(request, { channel } = {}) {
  if (!request) return Promise.resolve(null);
  const key = JSON.stringify(request);
  if (channel) {
    const older = channels.get(channel);
    if (older && older !== key) cancelEarly(older);
    channels.set(channel, key);
  }
  if (early.has(key)) return early.get(key).promise;
  const controller = new AbortController();
  const promise = clientFor(request).request(request, { signal: controller.signal });
  /** @type {{promise: Promise<any>, controller: AbortController, timer: any, state: object | null}} */
  const entry = { promise, controller, timer: 0, state: null };
  // Once answered, the state useEngine() shows for it (the same object on every render).
  promise.then(
    (env) => (entry.state = answerState(env, key)),
    () => {},
  );
  entry.timer = setTimeout(() => {
    if (early.get(key) === entry) cancelEarly(key);
  }, 2000);
  early.set(key, entry);
  return promise;
}

/** Cancels a prefetched request that no render has taken. */
function cancelEarly(key) {
  const entry = early.get(key);
  if (!entry) return;
  early.delete(key);
  clearTimeout(entry.timer);
  entry.controller.abort();
}

/**
 * Resolves once `promise` has settled or `ms` have passed, whichever comes first (never
 * rejects). A handler that prefetched an estimate waits this long before changing the state,
 * so that a quick answer is rendered at once with the change, in one render, instead of a
 * "computing" render followed by the answer's (see the calculator's prompt sizes).
 */
export function settledOrAfter(promise, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(undefined);
    };
    promise.then(done, done);
  });
}

/** What useEngine() returns for an envelope of request `key`. */
const answerState = (env, key, ms) =>
  env.ok
    ? { loading: false, result: env.result, error: null, key, ms }
    : { loading: false, result: null, error: env.error, key, ms };

/** The engine status for a status line: {status, message}. */
export function useEngineStatus() {
  const [state, setState] = useState({ status: engine.status, message: engine.statusMessage });
  useEffect(() => engine.onStatus((status, message) => setState({ status, message })), []);
  return state;
}

/**
 * Runs `request` (a plain object, or null to wait) whenever its JSON changes; the latest
 * request wins. Returns {loading, result, error, ms}; error is {code, message, path} from
 * the engine or {code: 'engine', message} when the engine itself failed; retry() sends it again. The previous
 * result stays visible while a new one is computed, so the page does not flicker.
 */
export function useEngine(request) {
  const key = request ? JSON.stringify(request) : '';
  const [state, setState] = useState(
    /** @type {{loading: boolean, result: unknown, error: {code: string, message: string, path?: string} | null, key: string, ms?: number}} */ ({
      loading: Boolean(request),
      result: null,
      error: null,
      key: '',
    }),
  );
  const latest = useRef('');
  // The effect runs when the request's JSON (`key`) changes, not when a render merely
  // builds an equal request object; it sends the object of the render that made `key`.
  const asked = useRef(request);
  asked.current = request;
  const [attempt, setAttempt] = useState(0);
  // A request an event handler prefetched whose answer is already in: shown in this very
  // render, so the new numbers need no "computing" render first (the effect below takes it).
  const ready = key && state.key !== key && attempt === 0 ? early.get(key)?.state : null;
  // A layout effect: the request is posted right after the render, not a frame later.
  useLayoutEffect(() => {
    const request = asked.current;
    latest.current = `${key}#${attempt}`;
    const mine = latest.current;
    if (!key) return;
    // The same request already sent by an event handler (prefetchEngine): take its answer.
    const pre = attempt === 0 ? early.get(key) : undefined;
    if (pre) {
      early.delete(key);
      clearTimeout(pre.timer);
    }
    if (pre?.state) {
      setState(pre.state);
      return undefined;
    }
    setState((s) => ({ ...s, loading: true }));
    const t0 = performance.now();
    // A newer request (or leaving the view) cancels this one instead of queueing behind it.
    const controller = pre?.controller ?? new AbortController();
    (pre?.promise ?? clientFor(request).request(request, { signal: controller.signal })).then(
      (env) => {
        if (latest.current !== mine) return;
        setState(answerState(env, key, performance.now() - t0));
      },
      (err) => {
        if (latest.current !== mine) return;
        setState({ loading: false, result: null, error: { code: 'engine', message: err.message }, key });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  return { ...(ready ?? state), retry: () => setAttempt((n) => n + 1) };
}

/** True when the engine says this op is not in this build yet (a stub). */
export const notImplemented = (error) => error?.code === 'unknown_op' && /not implemented/.test(error.message ?? '');

/**
 * Runs several requests (an array, each sent to the module that serves its op) whenever
 * their JSON changes; returns one {loading, result, error} per request, in order.
 */
export function useEngineAll(requests) {
  const key = JSON.stringify(requests ?? []);
  const [answers, setAnswers] = useState(
    /** @type {{key: string, list: Array<{loading: boolean, result?: any, error?: any}>}} */ ({ key: '', list: [] }),
  );
  const latest = useRef('');
  // As in useEngine: the effect is keyed by the JSON, and sends the current render's objects.
  const asked = useRef(requests);
  asked.current = requests;
  useEffect(() => {
    latest.current = key;
    const list = asked.current ?? [];
    if (!list.length) {
      setAnswers({ key, list: [] });
      return;
    }
    setAnswers((s) => ({ key: s.key, list: list.map((_, i) => ({ ...(s.list[i] ?? {}), loading: true })) }));
    Promise.all(
      list.map((r) =>
        clientFor(r)
          .request(r)
          .then(
            (env) =>
              env.ok ? { loading: false, result: env.result, error: null } : { loading: false, error: env.error },
            (err) => ({ loading: false, error: { code: 'engine', message: err.message } }),
          ),
      ),
    ).then((done) => {
      if (latest.current === key) setAnswers({ key, list: done });
    });
  }, [key]);
  return answers.list;
}
