// The uncertainty panel's requests (web/src/features/uncertainty/request.js) and URL fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { uncertainSpec, uncertaintyRequests, UNCERTAINTY_FIELDS } from '../../web/src/features/uncertainty/request.js';
import { readField } from '../../web/src/state/url-state.js';

const data = {
  refs: {
    dataset: { $data: 'd.json' },
    hardware: { $data: 'h.json' },
    hosts: { $data: 'o.json' },
    regions: { $data: 'r.json' },
  },
};
const state = {
  estimator: 'v6',
  uncertaintyLatency: '',
  uncertaintyPue: 'fixed',
  uncertaintyWeight: 'fixed',
  uncertaintyBatch: 'fixed',
  uncertaintyWueSite: 'fixed',
  uncertaintyRegion: 'fixed',
  uncertaintySeed: null,
};
const ALL = ['pue', 'w_max', 'batch_size', 'wue_site_l_per_kwh', 'region'];

test('by default every assumption varies over its documented range', () => {
  const open = {
    estimator: 'v6',
    uncertaintyLatency: '',
    uncertaintyPue: '',
    uncertaintyWeight: '',
    uncertaintyBatch: '',
    uncertaintyWueSite: '',
    uncertaintyRegion: '',
    uncertaintySeed: null,
  };
  assert.deepEqual(Object.keys(uncertainSpec(open)).sort(), [...ALL].sort());
  for (const k of ALL) assert.deepEqual(uncertainSpec(open)[k], { dist: 'default' });
});

test('everything fixed but latency/speed: the paper preset', () => {
  assert.deepEqual(uncertainSpec(state), {});
  assert.deepEqual(uncertainSpec({ ...state, uncertaintyLatency: 'fixed' }), { latency_speed: { dist: 'fixed' } });
});

test('a switched assumption takes its documented default range; PUE may have its own bounds', () => {
  assert.deepEqual(uncertainSpec({ ...state, uncertaintyPue: 'range', uncertaintyBatch: 'range' }), {
    pue: { dist: 'default' },
    batch_size: { dist: 'default' },
  });
  assert.deepEqual(
    uncertainSpec({ ...state, uncertaintyPue: 'range', uncertaintyPueLow: 1.1, uncertaintyPueHigh: 1.4 }),
    {
      pue: { dist: 'uniform', min: 1.1, max: 1.4 },
    },
  );
  // Bounds in the wrong order fall back to the default range rather than an error.
  assert.deepEqual(
    uncertainSpec({ ...state, uncertaintyPue: 'range', uncertaintyPueLow: 1.4, uncertaintyPueHigh: 1.1 }),
    { pue: { dist: 'default' } },
  );
});

test('requests: the estimate selection and overrides, reference datasets, no v4 estimator', () => {
  const { uncertainty, sensitivity } = uncertaintyRequests(
    { ...state, estimator: 'v4', pue: 1.3, uncertaintyRegion: 'range', uncertaintySeed: 5 },
    data,
    'GPT-4.1',
    'short',
  );
  assert.equal(uncertainty.op, 'uncertainty');
  assert.equal(sensitivity.op, 'sensitivity');
  assert.deepEqual(uncertainty.select, { models: ['GPT-4.1'], prompts: ['short'] });
  assert.deepEqual(uncertainty.overrides, { pue: 1.3 });
  assert.deepEqual(uncertainty.uncertain, { region: { dist: 'default' } });
  assert.equal(uncertainty.seed, 5);
  assert.equal(uncertainty.method, undefined);
  for (const k of ['hardware', 'hosts', 'regions']) assert.deepEqual(uncertainty[k], data.refs[k]);
});

test('URL fields validate their values', () => {
  assert.deepEqual(readField(UNCERTAINTY_FIELDS.uncertaintyPue, 'range'), { value: 'range' });
  assert.ok(readField(UNCERTAINTY_FIELDS.uncertaintyPue, 'wide').error);
  assert.ok(readField(UNCERTAINTY_FIELDS.uncertaintyPueLow, '0.5').error);
  assert.deepEqual(readField(UNCERTAINTY_FIELDS.uncertaintyMetric, 'water'), { value: 'water' });
});
