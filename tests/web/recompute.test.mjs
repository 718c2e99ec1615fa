// A recompute's plumbing (docs/web-app.md, "Recompute"): prefetched engine requests that a
// newer click supersedes are cancelled (never computed, or their answer dropped) instead of
// queueing ahead of the newer one; a handler's wait for the answer is bounded; work deferred
// until after the paint runs once, later, and can be cancelled.
import assert from 'node:assert/strict';
import { test } from 'node:test';

/** Requests the fake worker received, and its pending answers (sent when `answer()` is called). */
const received = [];
const waiting = [];
const answer = () => {
  for (const { worker, msg } of waiting.splice(0))
    worker.onmessage({ data: { id: msg.id, ok: true, response: { ok: true, result: { n: msg.request.n } } } });
};
// engine.js creates its workers lazily, on the first request: a fake one that answers when told.
globalThis.Worker = class {
  postMessage(msg) {
    received.push(msg.request.n);
    waiting.push({ worker: this, msg });
  }
  terminate() {}
};
const { prefetchEngine, settledOrAfter } = await import('../../web/src/engine/engine.js');
const { afterPaint } = await import('../../web/src/components/after-paint.js');

const tick = (ms = 0) =>
  new Promise((r) => {
    setTimeout(r, ms);
  });

test('a newer prefetch on the same channel cancels the older one: a queued one never reaches the engine', async () => {
  received.length = 0;
  // Three quick clicks before the engine answers anything: the first is sent at once, the second
  // is queued behind it, the third supersedes both.
  const first = prefetchEngine({ op: 'estimate', n: 1 }, { channel: 'calc' });
  await tick();
  const second = prefetchEngine({ op: 'estimate', n: 2 }, { channel: 'calc' });
  const third = prefetchEngine({ op: 'estimate', n: 3 }, { channel: 'calc' });
  await assert.rejects(first, { name: 'AbortError' }, 'the answer in flight is discarded');
  await assert.rejects(second, { name: 'AbortError' }, 'the queued request is dropped');
  answer(); // the worker finishes request 1 (nobody waits for it); request 3 goes next
  await tick();
  answer();
  assert.deepEqual((await third).result, { n: 3 });
  assert.deepEqual(received, [1, 3], 'request 2 was never computed');
});

test('prefetches on other channels, or without one, are not cancelled by each other', async () => {
  received.length = 0;
  const a = prefetchEngine({ op: 'estimate', n: 10 }, { channel: 'calc' });
  const b = prefetchEngine({ op: 'estimate', n: 11 }, { channel: 'other' });
  const c = prefetchEngine({ op: 'estimate', n: 12 });
  for (let i = 0; i < 3; i++) {
    await tick();
    answer();
  }
  assert.deepEqual(
    (await Promise.all([a, b, c])).map((env) => env.result.n),
    [10, 11, 12],
  );
  assert.deepEqual(received, [10, 11, 12]);
});

test('the same request prefetched twice is sent once', async () => {
  received.length = 0;
  const a = prefetchEngine({ op: 'estimate', n: 20 }, { channel: 'calc' });
  const b = prefetchEngine({ op: 'estimate', n: 20 }, { channel: 'calc' });
  assert.equal(a, b);
  await tick();
  answer();
  assert.equal((await a).result.n, 20);
  assert.deepEqual(received, [20]);
});

test('settledOrAfter: resolves with the answer when it is quick, after the bound when it is not, and never rejects', async () => {
  let t0 = performance.now();
  await settledOrAfter(Promise.resolve(1), 1000);
  assert.ok(performance.now() - t0 < 500, 'a settled answer does not wait for the bound');
  t0 = performance.now();
  await settledOrAfter(new Promise(() => {}), 30);
  assert.ok(performance.now() - t0 >= 25, 'an answer that never comes waits the bound');
  await settledOrAfter(Promise.reject(new Error('cancelled')), 1000);
});

test('afterPaint runs its work once, later (not synchronously), and can be cancelled', async () => {
  const runs = [];
  afterPaint(() => runs.push('a'));
  const cancel = afterPaint(() => runs.push('b'));
  assert.deepEqual(runs, [], 'nothing runs synchronously');
  cancel();
  await tick(150);
  assert.deepEqual(runs, ['a'], 'the cancelled work never runs, the other runs exactly once');
});
