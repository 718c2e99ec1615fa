// A small client for the engine worker: request ids, a timeout, terminate + restart after
// a crash or a timeout, and a status (idle, loading, ready, error) that the UI shows.
// The worker is created lazily, on the first request.

/** @typedef {'idle'|'loading'|'ready'|'error'} EngineStatus */

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
  }

  settle(msg) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.ok) {
      this.setStatus('ready');
      p.resolve(msg.response);
    } else if (msg.crashed) {
      p.reject(new Error(msg.error));
      this.restart(msg.error);
    } else {
      if (this.status !== 'error') this.setStatus('ready');
      p.reject(new Error(msg.error));
    }
  }

  /**
   * Sends one request object; resolves with the engine's envelope ({ok, result} or
   * {ok: false, error}); rejects if the engine cannot answer (load failure, crash, timeout).
   */
  request(request) {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the engine took longer than ${this.timeoutMs / 1000} s`));
        this.restart(`the engine took longer than ${this.timeoutMs / 1000} s and was restarted`);
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, request });
    });
  }

  /** Stops the worker (tests, page unload). */
  dispose() {
    this.worker?.terminate();
    this.worker = null;
  }
}
