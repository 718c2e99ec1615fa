// Pure modules of the web app: number input, CSV export, dataset lookup, requests, the
// engine client (with a fake worker), the scale preset and the paper's equivalences.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { EngineClient } from '../../web/src/engine/client.js';
import { findDataset } from '../../web/src/data/datasets.js';
import { toCsv } from '../../web/src/lib/export.js';
import { parseNumberInput } from '../../web/src/lib/number-input.js';
import { chosenModel, chosenPrompt, estimateRequest, overridesOf } from '../../web/src/lib/requests.js';
import { coreFields } from '../../web/src/state/fields.js';
import { defaults } from '../../web/src/state/url-state.js';
import { everyday } from '../../web/src/lib/equivalents.js';
import { effortLevels, effortOf } from '../../web/src/lib/effort.js';
import { describePrompt, nearestPrompt, promptsOf } from '../../web/src/lib/prompts.js';
import { asOfDate, datasetOptions, measuredOf, readableDate, readerNotes } from '../../web/src/data/datasets.js';
import { equivalentText, plain } from '../../web/src/lib/format.js';
import { quantity, range } from '../../web/src/lib/units.js';
import { errorSentence, plainMessage } from '../../web/src/components/error-words.js';
import { paperEquivalences } from '../../web/src/features/scale/paper-totals.js';
import { mixOf, presetOf, scaleRequest } from '../../web/src/features/scale/scale-request.js';

const readJson = (p) => JSON.parse(readFileSync(new URL(`../../public/data/${p}`, import.meta.url), 'utf8'));
const manifest = readJson('manifest.json');
const constants = readJson(findDataset(manifest, 'constants').file);
const paperV6 = readJson(findDataset(manifest, 'footprint', 'paper-v6').file);

test('number input: numbers, empty, and errors that name the field', () => {
  const lim = { min: 1, max: 3, label: 'PUE' };
  assert.deepEqual(parseNumberInput('1.12', lim), { value: 1.12 });
  assert.deepEqual(parseNumberInput('  ', lim), { value: null });
  assert.match(parseNumberInput('abc', lim).error, /^PUE: "abc" is not a number/);
  assert.match(parseNumberInput('0.9', lim).error, /PUE must be at least 1/);
  assert.match(parseNumberInput('4', lim).error, /PUE must be at most 3/);
  assert.match(parseNumberInput('1e400', lim).error, /finite/);
  assert.match(parseNumberInput('2.5', { ...lim, int: true }).error, /whole number/);
  assert.deepEqual(parseNumberInput('1,000', { label: 'n' }), { value: 1000 });
  assert.ok(parseNumberInput('1..2', lim).error);
});

test('CSV export quotes fields per RFC 4180', () => {
  const csv = toCsv(
    [
      { key: 'model', label: 'model' },
      { label: 'x', value: (r) => r.x * 2 },
    ],
    [
      { model: "GPT-4o (Mar '25)", x: 1 },
      { model: 'a,"b"', x: 0.5 },
      { model: null, x: 2 },
    ],
  );
  assert.equal(csv, 'model,x\r\nGPT-4o (Mar \'25),2\r\n"a,""b""",1\r\n,4\r\n');
});

test('findDataset picks the default footprint dataset (latest) and exact versions', () => {
  const d = findDataset(manifest, 'footprint');
  assert.equal(d.entry.id, 'latest');
  assert.equal(d.entry.default, true);
  const snap = manifest.datasets.find((x) => x.id === 'snapshot');
  for (const v of snap.versions)
    assert.equal(findDataset(manifest, 'footprint', `snapshot@${v.version}`).version.version, v.version);
  assert.equal(
    findDataset(manifest, 'footprint', 'nope@1').entry.id,
    'latest',
    'an unknown id falls back to the default',
  );
  assert.equal(findDataset(manifest, 'footprint', 'paper-v6@2025-10-26').file, 'paper-v6/2025-10-26.json');
  assert.equal(findDataset(manifest, 'no-such-kind'), null);
});

test('estimate requests carry only the overrides the visitor set', () => {
  const data = {
    refs: { dataset: { $data: 'd' }, hardware: { $data: 'h' }, hosts: { $data: 'o' }, regions: { $data: 'r' } },
  };
  const s = defaults(coreFields);
  assert.deepEqual(estimateRequest(s, data, { models: ['m'], prompts: ['short'] }), {
    op: 'estimate',
    dataset: { $data: 'd', models: ['m'] },
    method: { estimator: 'v6' },
    select: { models: ['m'], prompts: ['short'] },
  });
  const r = estimateRequest(
    { ...s, pue: 1.3, hardware: 'DGX A100', region: 'x', outputTokens: 500, estimator: 'v4', utilisationWeight: 1 },
    data,
  );
  assert.deepEqual(r.overrides, { hardware: 'DGX A100', region: 'x', pue: 1.3, output_tokens: 500 });
  assert.deepEqual(r.method, { estimator: 'v4', w_max: 1 });
  assert.deepEqual(r.hardware, { $data: 'h' });
  assert.deepEqual(r.regions, { $data: 'r' });
  assert.equal(r.hosts, undefined, 'the hosts dataset is sent only when a host override needs it');
  assert.deepEqual(overridesOf({ ...s, hardware: '', host: null }), {});
  assert.deepEqual(estimateRequest(s, data).dataset, { $data: 'd' }, 'no selection: the whole dataset');
});

test("the default model is GPT-5 (medium) where the data have it, else the paper's GPT-4o (Mar '25)", () => {
  const s = defaults(coreFields);
  assert.equal(chosenModel(s, paperV6), "GPT-4o (Mar '25)");
  assert.equal(chosenModel({ ...s, model: 'no such model' }, paperV6), "GPT-4o (Mar '25)");
  const snap = readJson(findDataset(manifest, 'footprint', 'snapshot@2026-08-22').file);
  assert.equal(chosenModel(s, snap), 'GPT-5 (medium)');
});

test('a missing prompt size falls back to the nearest one the model has', () => {
  const s = defaults(coreFields);
  assert.equal(
    chosenPrompt({ ...s, prompt: 'long' }, paperV6, 'GPT-4'),
    'medium',
    'GPT-4 has no long prompt in paper v6',
  );
  const longOnly = { models: [{ model: 'X', prompts: [{ prompt: 'long' }] }] };
  assert.equal(chosenPrompt({ ...s, prompt: 'short' }, longOnly, 'X'), 'long');
  const all = { models: [{ model: 'X', prompts: ['short', 'medium', 'extra_long'].map((prompt) => ({ prompt })) }] };
  assert.equal(chosenPrompt({ ...s, prompt: 'long' }, all, 'X'), 'medium', 'a tie goes to the smaller size');
  assert.equal(chosenPrompt({ ...s, prompt: 'extra_long' }, all, 'X'), 'extra_long');
});

test('prompt sizes in words: tokens at about 0.75 words each', () => {
  assert.equal(describePrompt('long').text, 'Long: a long document, about 7,500 words in, 1,100 words out');
  assert.equal(
    describePrompt('extra_long', { input_tokens: 100000, output_tokens: 2000 }).tokens,
    '100,000 tokens in, 2,000 out',
  );
  assert.deepEqual(promptsOf({ models: [{ model: 'a', prompts: [{ prompt: 'long' }, { prompt: 'short' }] }] }), [
    'short',
    'long',
  ]);
  assert.equal(nearestPrompt('short', ['long', 'extra_long']), 'long');
});

test('everyday equivalents use the constants dataset and always carry a unit', () => {
  const e = everyday(constants, 'energy', 5);
  assert.ok(everyday(constants, 'energy', 0.42).some((x) => x.text === '8.4 % of a full smartphone charge (5 Wh)'));
  assert.ok(e.some((x) => x.text === '1 full smartphone charge (5 Wh each)'));
  // 5 Wh / 0.3 Wh = 16.7 searches: 17 at two significant figures.
  assert.ok(e.some((x) => x.text === '17 Google searches (0.3 Wh each)'));
  // A 10 W bulb for 30 minutes uses 5 Wh.
  assert.ok(e.some((x) => x.text === 'a 10 W LED bulb lit for 30 minutes'));
  const w = everyday(constants, 'water', 4.92892159375 * 3);
  assert.ok(w.some((x) => x.text === '3 teaspoons of water (4.9 mL each)'));
  // 400 g CO2 is one mile (EPA), 1.609 km.
  const c = everyday(constants, 'carbon', 400);
  assert.ok(
    c.some((x) => x.text === 'driving a petrol car 1.6 km (about 400 g CO₂ per mile)'),
    JSON.stringify(c),
  );
  for (const metric of ['energy', 'water', 'carbon'])
    for (const x of everyday(constants, metric, 3))
      assert.match(x.text, /(Wh|mL|g CO₂|km|\bm\b|minutes|seconds)/, x.text);
});

test('units scale and sentences keep two significant figures', () => {
  // 20 queries a day for a year at o3's mix: about 4.3 kWh, 20 L, 1.5 kg (the issue's example).
  assert.equal(quantity(4310, 'energy'), '4.3 kWh');
  assert.equal(quantity(19900, 'water'), '20 L');
  assert.equal(quantity(1470, 'carbon'), '1.5 kg CO₂e');
  assert.equal(quantity(0.413, 'energy'), '0.41 Wh');
  assert.equal(quantity(2.5e6, 'water'), '2.5 m³');
  assert.equal(quantity(3.9e11, 'energy'), '390 GWh', "the paper's 391,509 MWh");
  assert.equal(quantity(4.31e6, 'carbon', { precise: true }), '4.31 t CO₂e');
  assert.equal(range(0.3, 0.57, 'energy'), '0.3 – 0.57 Wh');
  assert.equal(range(800, 1200, 'energy'), '0.8 – 1.2 kWh', 'one unit for both ends');
  assert.equal(plain(590742835), '590 million');
  assert.equal(
    equivalentText({ id: 'household', value: 10.791 }, [36281, 36906]),
    'the electricity of 36,000 – 37,000 U.S. households for a year (11 MWh each)',
  );
  assert.equal(equivalentText({ id: 'zzz', label: 'thing', value: 3, unit: 'kg' }, 2), 'thing: 2 × 3 kg');
});

test('dataset labels and notes are for readers: no field names or JSON paths', () => {
  const labels = datasetOptions(manifest).map((o) => o.label);
  assert.ok(labels.includes("Authors' dashboard, 22 Aug 2026 (long prompts only)"), labels.join(' | '));
  for (const d of manifest.datasets.filter((x) => x.kind === 'footprint'))
    for (const v of d.versions)
      for (const n of readerNotes(readJson(findDataset(manifest, 'footprint', `${d.id}@${v.version}`).file).notes))
        assert.doesNotMatch(n, /\[\]|_kwh|_index|_mean\b|\bop "|\/[a-z]+\/[a-z]/, n);
  assert.equal(readableDate('2026-08-22'), '22 Aug 2026');
  assert.equal(
    measuredOf(
      {
        models: [
          {
            model: 'a',
            prompts: [
              { prompt: 'short', measured: '2026-11-02' },
              { prompt: 'long', measured: '2026-12-01' },
            ],
          },
        ],
      },
      'a',
    ),
    '2026-12-01',
  );
  assert.equal(asOfDate({ as_of: '2026-12-04' }, null), '2026-12-04');
});

test('reasoning effort: GPT-5 levels are grouped lowest first', () => {
  const snap = readJson(findDataset(manifest, 'footprint', 'snapshot@2026-08-22').file);
  assert.deepEqual(
    effortLevels(snap, 'GPT-5 (medium)').map((l) => l.level),
    ['minimal', 'low', 'medium', 'high'],
  );
  assert.deepEqual(effortOf('GPT-5 mini (high)'), { base: 'GPT-5 mini', level: 'high' });
  assert.deepEqual(effortLevels(snap, 'Claude 4.5 Sonnet'), []);
});

test('engine errors in words: no JSON pointers, op names or field names', () => {
  const e = {
    code: 'invalid_value',
    message: 'no per-query values for prompt "medium" (at /mix/medium)',
    path: '/mix/medium',
  };
  assert.match(errorSentence(e), /no measurement for that prompt size/);
  const f = {
    code: 'unknown_op',
    message: 'op "estimate" is served by the other wasm module of the engine, not by "lab"',
  };
  assert.doesNotMatch(errorSentence(f), /op "|wasm|_/);
  assert.doesNotMatch(plainMessage('wue_site_l_per_kwh must be at least 0 at /overrides/wue'), /_|\/overrides/);
});

test("the paper's totals give its text: > 35,000 households, ~1.2 million people's water, ~138,000 acres", () => {
  const rows = Object.fromEntries(paperEquivalences(constants).map((r) => [r.id, r]));
  assert.ok(rows.household.low > 35000 && rows.household.low < 37000, `households ${rows.household.low}`);
  assert.ok(
    Math.abs(rows.drinking_water_person_year.low / 1.2e6 - 1) < 0.05,
    `people ${rows.drinking_water_person_year.low}`,
  );
  assert.ok(Math.abs(rows.forest_acre_year.low / 138000 - 1) < 0.01, `acres ${rows.forest_acre_year.low}`);
});

test('the GPT-4o preset comes from the case study; a custom mix must add up to 100 %', () => {
  const p = presetOf(constants);
  assert.equal(p.queries_per_year, 772e9);
  assert.deepEqual(p.mix, { short: 0.8, medium: 0.2 });
  assert.deepEqual(p.per_query_wh, { short: 0.421, medium: 1.214 });
  const s = defaults(coreFields);
  assert.deepEqual(mixOf({ ...s, scaleShort: 50, scaleMedium: 30, scaleLong: 20 }).mix, {
    short: 0.5,
    medium: 0.3,
    long: 0.2,
  });
  assert.match(mixOf({ ...s, scaleShort: 50, scaleMedium: 30, scaleLong: 30 }).error, /add up to 100/);
  const refs = { dataset: { $data: 'd' }, constants: { $data: 'c' }, hosts: { $data: 'h' } };
  const data = { constants, refs };
  const preset = scaleRequest({ ...s, scalePreset: 'gpt4o' }, data, 'x').request;
  assert.deepEqual(preset, {
    op: 'scale',
    preset: 'gpt-4o-2025',
    constants: refs.constants,
    hosts: refs.hosts,
    day: { queries: 8 },
  });
  const own = scaleRequest(
    { ...s, scaleQueries: 7e8, scaleDays: 30, scaleShort: 60, scaleMedium: 40, scaleLong: 0 },
    data,
    'o3',
  ).request;
  assert.deepEqual(own.mix, { short: 0.6, medium: 0.4 });
  assert.deepEqual(own.day, { queries: 7e8 });
  assert.deepEqual(own.year, { queries: 7e8 * 30 });
  assert.deepEqual(own.estimate.select, { models: ['o3'] });
  const total = scaleRequest({ ...s, scaleQueries: 3.65e9, scalePer: 'year' }, data, 'o3').request;
  assert.deepEqual([total.day.queries, total.year.queries], [1e7, 3.65e9], 'a total over 365 days is 1e7 a day');
});

/** A fake Worker: answers with `behave(msg)` asynchronously. */
function fakeWorker(behave, log) {
  return () => {
    const w = {
      terminated: false,
      postMessage(msg) {
        setTimeout(() => {
          const reply = behave(msg);
          if (reply && !w.terminated) w.onmessage({ data: { id: msg.id, ...reply } });
        }, 1);
      },
      terminate() {
        w.terminated = true;
        log.push('terminate');
      },
    };
    log.push('start');
    return w;
  };
}

test('engine client: ids match answers, a crash restarts the worker, a timeout rejects', async () => {
  const log = [];
  let crash = false;
  const client = new EngineClient({
    timeoutMs: 50,
    createWorker: fakeWorker((msg) => {
      if (msg.request.op === 'hang') return null;
      if (crash) return { ok: false, crashed: true, error: 'boom' };
      return { ok: true, response: { ok: true, result: msg.request.n } };
    }, log),
  });
  assert.equal(client.status, 'idle');
  const answers = await Promise.all([1, 2, 3].map((n) => client.request({ op: 'x', n })));
  assert.deepEqual(
    answers.map((a) => a.result),
    [1, 2, 3],
  );
  assert.equal(client.status, 'ready');
  assert.deepEqual(log, ['start'], 'one worker, started lazily');
  crash = true;
  await assert.rejects(client.request({ op: 'x', n: 4 }), /boom/);
  assert.equal(client.status, 'error');
  crash = false;
  assert.equal((await client.request({ op: 'x', n: 5 })).result, 5, 'the next request restarts the worker');
  assert.deepEqual(log, ['start', 'terminate', 'start']);
  const order = [];
  await Promise.all([
    client.request({ op: 'uncertainty', n: 'slow' }).then((a) => order.push(a.result)),
    client.request({ op: 'estimate', n: 'fast' }).then((a) => order.push(a.result)),
  ]);
  assert.deepEqual(order, ['fast', 'slow'], 'a quick estimate overtakes Monte Carlo asked for in the same tick');
  await assert.rejects(client.request({ op: 'hang' }), /longer than/);
  assert.equal((await client.request({ op: 'x', n: 6 })).result, 6);
  client.dispose();
});

test('prompt sizes are data: extra_long joins the scale mix; a size of its own is labelled from its tokens', async () => {
  const { promptInfo } = await import('../../web/src/lib/prompts.js');
  const s = defaults(coreFields);
  const all = ['short', 'medium', 'long', 'extra_long'];
  assert.deepEqual(
    mixOf({ ...s, scaleShort: 0, scaleMedium: 50, scaleLong: 20, scaleExtraLong: 30 }, undefined, all).mix,
    {
      medium: 0.5,
      long: 0.2,
      extra_long: 0.3,
    },
  );
  assert.match(mixOf({ ...s, scaleShort: 80, scaleMedium: 20, scaleExtraLong: 10 }, undefined, all).error, /110 %/);
  assert.equal(promptInfo({ prompt: 'extra_long', output_tokens: 2000 }).detail, '100,000 in, 2,000 out');
  assert.deepEqual(promptInfo({ prompt: 'huge_doc', input_tokens: 250000, output_tokens: 4000 }), {
    value: 'huge_doc',
    label: 'Huge doc',
    detail: '250,000 in, 4,000 out',
  });
  assert.equal(coreFields.prompt.values.includes('extra_long'), true);
});
