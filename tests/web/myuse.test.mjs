// My use (web/src/features/myuse): a year of use, the reverse question, the
// engine request and the URL fields. Expected values are worked by hand from the inputs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  MYUSE_FIELDS,
  PRESETS,
  modelsOf,
  myUseRequest,
  reverseOf,
  workloadOf,
  yearOf,
} from '../../web/src/features/myuse/myuse.js';
import { coreFields } from '../../web/src/state/fields.js';
import { decode, defaults, encode } from '../../web/src/state/url-state.js';

const constants = JSON.parse(readFileSync(new URL('../../public/data/constants/v6.1.json', import.meta.url)));
const fields = { ...coreFields, ...MYUSE_FIELDS };
const s = (mean, low, high) => ({ mean, sd: 0, low, high, range_low: low * 0.9, range_high: high * 1.1 });
const row = { model: 'M', energy_wh: s(0.5, 0.4, 0.6), water_ml: s(2, 1.6, 2.4), carbon_g: s(0.17, 0.1, 0.2) };

test('a year of use: per use x per day x days, the range from range_low..range_high', () => {
  const y = yearOf(row, 20, 365);
  assert.equal(y.uses, 7300);
  assert.ok(Math.abs(y.energy_kwh.mean - 3.65) < 1e-12);
  assert.ok(Math.abs(y.energy_kwh.low - 0.36 * 7.3) < 1e-12);
  assert.ok(Math.abs(y.energy_kwh.high - 0.66 * 7.3) < 1e-12);
  assert.ok(Math.abs(y.water_l.mean - 14.6) < 1e-12);
});

test('the reverse question divides the everyday constant by one use', () => {
  // A litre boiled from 20 to 100 degrees C: 4.186 kJ/(kg K) x 80 K = 334.88 kJ = 93.02 Wh.
  const kettle = reverseOf(row, constants, 'kettle');
  assert.ok(Math.abs(kettle.count - 334.88 / 3.6 / 0.5) < 1e-9);
  // 400 g CO2 per mile / 1.609344 km per mile = 248.55 g per km.
  const car = reverseOf(row, constants, 'car');
  assert.ok(Math.abs(car.count - 400 / 1.609344 / 0.17) < 1e-9);
  assert.equal(reverseOf(row, constants, 'phone').count, 5 / 0.5);
  // A shower: 65.1 L heated by 25 K = 65.1 x 4.186 x 25 kJ = 1.892 kWh.
  assert.ok(Math.abs(reverseOf(row, constants, 'shower').count - (65.1 * 4.186 * 25) / 3.6 / 0.5) < 1e-9);
  for (const id of ['hot_shower', 'kettle_boil', 'car_km', 'hot_shower_water']) {
    const c = constants.everyday.find((x) => x.id === id);
    assert.ok(c?.source?.length > 10, `${id} has a source`);
  }
});

test('the request: a workload or a session, never select.prompts or an output override', () => {
  const data = { refs: { dataset: { $data: true, id: 'x' } } };
  const quick = myUseRequest({ myUsePreset: 'quick', outputTokens: 999 }, data, ['A', 'B']);
  assert.deepEqual(quick.workload, { input_tokens: 100, output_tokens: 300 });
  assert.deepEqual(quick.select, { models: ['A', 'B'] });
  assert.equal(quick.overrides, undefined);
  const agent = myUseRequest({ myUsePreset: 'agent' }, data, ['A']);
  assert.equal(agent.workload, undefined);
  assert.equal(agent.session.generate.turns, 50);
  assert.ok(agent.session.cached_share.low <= agent.session.cached_share.value);
  const custom = PRESETS.find((p) => p.value === 'custom');
  assert.deepEqual(workloadOf({ myUseTokensIn: 4000, myUseTokensOut: 800, myUseThinking: 5000 }, custom), {
    input_tokens: 4000,
    output_tokens: 800,
    reasoning_tokens: 5000,
  });
  // Typed tokens apply to "my own prompt" only.
  assert.deepEqual(workloadOf({ myUseTokensIn: 4000 }, PRESETS[0]), { input_tokens: 100, output_tokens: 300 });
});

test('models side by side: the chosen one, then known and distinct extras', () => {
  const fp = { models: [{ model: 'A' }, { model: 'B' }, { model: 'C' }] };
  assert.deepEqual(modelsOf({ myUseModel2: 'B', myUseModel3: 'A' }, fp, 'A'), ['A', 'B']);
  assert.deepEqual(modelsOf({ myUseModel2: 'Z', myUseModel3: 'C' }, fp, 'A'), ['A', 'C']);
});

test('the URL keeps every My use setting', () => {
  const state = {
    ...defaults(fields),
    view: 'myuse',
    myUsePreset: 'custom',
    myUseTokensIn: 4000,
    myUseTokensOut: 800,
    myUseThinking: 0,
    myUsePerDay: 2.5,
    myUseDays: 30,
    myUseModel2: 'GPT-4.1',
    myUseReverse: 'car',
  };
  const back = decode(new URLSearchParams(encode(state, fields)), fields);
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state, state);
});
