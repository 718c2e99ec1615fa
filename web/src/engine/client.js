// A small client for the engine worker: request ids, a timeout, terminate + restart after
// a crash or a timeout, and a status (idle, loading, ready, error) that the UI shows.
// The worker is created lazily, on the first request.

/** @typedef {'idle'|'loading'|'ready'|'error'} EngineStatus */

/** The rejection of a cancelled request (like fetch's). */
const abortError = () => Object.assign(new Error('the request was superseded'), { name: 'AbortError' });

/** Ops that take long (Monte Carlo); a quick request asked for at the same time goes first. */
export const SLOW_OPS = new Set(['uncertainty', 'sensitivity']);

export class EngineClient {
  /**
   * @param {{createWorker: () => Worker, timeoutMs?: number}} options
   */
  constructor({ createWorker, timeoutMs = 20000 }) {
    this.createWorker = createWorker;
    this.timeoutMs = timeoutMs;
    this.worker = null;
    this.nextId = 1;
    this.pending = new Map();
    this.queue = [];
    this.pumpScheduled = false;
    /** @type {EngineStatus} */
    this.status = 'idle';
    this.statusMessage = '';
    this.listeners = new Set();
  }

  onStatus(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setStatus(status, message = '') {
    if (status === this.status && message === this.statusMessage) return;
    this.status = status;
    this.statusMessage = message;
    for (const fn of this.listeners) fn(status, message);
  }

  start() {
    if (this.worker) return this.worker;
    this.setStatus('loading');
    const worker = this.createWorker();
    worker.onmessage = ({ data }) => this.settle(data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.restart(`the engine worker failed: ${event.message ?? 'unknown error'}`);
    };
    this.worker = worker;
    return worker;
  }

  /** Ends the current worker; every pending request fails with `reason`. */
  restart(reason) {
    this.worker?.terminate();
    this.worker = null;
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(reason));
    }
    this.pending.clear();
    this.setStatus('error', reason);
    // Requests still queued go to a fresh worker.
    queueMicrotask(() => this.pump());
  }

  settle(msg) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (p.aborted && !msg.crashed) {
      // Superseded while the worker computed it: nobody waits for this answer.
      if (this.status !== 'error') this.setStatus('ready');
    } else if (msg.ok) {
      this.setStatus('ready');
      p.resolve(msg.response);
    } else if (msg.crashed) {
      p.reject(new Error(msg.error));
      this.restart(msg.error);
    } else {
      if (this.status !== 'error') this.setStatus('ready');
      p.reject(new Error(msg.error));
    }
    this.pump();
  }

  /**
   * Sends one request object; resolves with the engine's envelope ({ok, result} or
   * {ok: false, error}); rejects if the engine cannot answer (load failure, crash, timeout).
   * Requests are queued and sent one at a time: the worker computes one at a time anyway,
   * and a queue lets a quick estimate overtake slow Monte Carlo work (SLOW_OPS) that was
   * asked for in the same render. The timeout runs from when a request is sent.
   * `signal` (an AbortSignal) cancels a superseded request: a queued one is dropped without
   * reaching the worker, an answer to one in flight is discarded; it rejects with an
   * AbortError either way.
   * @param {import('../../../wasm-core/js/api.d.ts').EngineRequest} request a request of the API contract
   * @param {{signal?: AbortSignal}} [options]
   */
  request(request, { signal } = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const entry = { id, request, resolve, reject, slow: SLOW_OPS.has(request?.op ?? 'estimate') };
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.queue.indexOf(entry);
          if (i >= 0) this.queue.splice(i, 1);
          const p = this.pending.get(id);
          if (p) p.aborted = true;
          reject(abortError());
        },
        { once: true },
      );
      this.queue.push(entry);
      if (!this.pumpScheduled) {
        this.pumpScheduled = true;
        queueMicrotask(() => {
          this.pumpScheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Sends the next queued request (fast ops first, then in order) if none is in flight. */
  pump() {
    if (this.pending.size || !this.queue.length) return;
    const i = Math.max(
      0,
      this.queue.findIndex((q) => !q.slow),
    );
    const [{ id, request, resolve, reject }] = this.queue.splice(i, 1);
    const worker = this.start();
    const timer = setTimeout(() => {
      this.pending.delete(id);
      reject(new Error(`the engine took longer than ${this.timeoutMs / 1000} s`));
      this.restart(`the engine took longer than ${this.timeoutMs / 1000} s and was restarted`);
    }, this.timeoutMs);
    this.pending.set(id, { resolve, reject, timer });
    worker.postMessage({ id, request });
  }

  /** Stops the worker (tests, page unload). */
  dispose() {
    this.worker?.terminate();
    this.worker = null;
  }
}
