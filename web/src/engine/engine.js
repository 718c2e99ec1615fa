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

/**
 * Sends `request` now, from an event handler, before the render that will ask for it: the
 * worker computes while the page renders, and useEngine() takes this answer instead of
 * sending the request again (a recompute no longer waits for a whole render before the
 * request leaves). Not taken within 2 s (the page asked for something else), it is cancelled.
 */
export function prefetchEngine(request) {
  if (!request) return;
  const key = JSON.stringify(request);
  if (early.has(key)) return;
  const controller = new AbortController();
  const promise = clientFor(request).request(request, { signal: controller.signal });
  promise.catch(() => {});
  const timer = setTimeout(() => {
    if (early.get(key)?.promise !== promise) return;
    early.delete(key);
    controller.abort();
  }, 2000);
  early.set(key, { promise, controller, timer });
}

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
  // A layout effect: the request is posted right after the render, not a frame later.
  useLayoutEffect(() => {
    const request = asked.current;
    latest.current = `${key}#${attempt}`;
    const mine = latest.current;
    if (!key) return;
    setState((s) => ({ ...s, loading: true }));
    const t0 = performance.now();
    // The same request already sent by an event handler (prefetchEngine): take its answer.
    const pre = attempt === 0 ? early.get(key) : undefined;
    if (pre) {
      early.delete(key);
      clearTimeout(pre.timer);
    }
    // A newer request (or leaving the view) cancels this one instead of queueing behind it.
    const controller = pre?.controller ?? new AbortController();
    (pre?.promise ?? clientFor(request).request(request, { signal: controller.signal })).then(
      (env) => {
        if (latest.current !== mine) return;
        const ms = performance.now() - t0;
        if (env.ok) setState({ loading: false, result: env.result, error: null, key, ms });
        else setState({ loading: false, result: null, error: env.error, key, ms });
      },
      (err) => {
        if (latest.current !== mine) return;
        setState({ loading: false, result: null, error: { code: 'engine', message: err.message }, key });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
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
