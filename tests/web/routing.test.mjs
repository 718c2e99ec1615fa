// Every op each view sends reaches a wasm module that serves it. The requests are built by
// the views' own request builders, sent to the module web/src/engine/modules.js picks (as
// the worker does), and no answer may say, anywhere inside it, that an op belongs to the
// other module. This is the test that would have caught Infer hardware's energy table
// showing 'op "estimate" is served by the other wasm module' in every row: the lab module's
// "attribute" ran its per-hardware estimates through an op only the core module serves.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { attributionRequests } from '../../web/src/features/attribution/requests.js';
import { rankRequest } from '../../web/src/features/rank/rank-request.js';
import { scaleRequest } from '../../web/src/features/scale/scale-request.js';
import { uncertaintyRequests } from '../../web/src/features/uncertainty/request.js';
import { findDataset } from '../../web/src/data/datasets.js';
import { moduleFor } from '../../web/src/engine/modules.js';
import { estimateRequest } from '../../web/src/lib/requests.js';
import { coreFields } from '../../web/src/state/fields.js';
import { defaults } from '../../web/src/state/url-state.js';
import { UNCERTAINTY_FIELDS } from '../../web/src/features/uncertainty/request.js';
import { loadModule } from '../wasm/load-engine.mjs';

const dataDir = new URL('../../public/data/', import.meta.url);
const readJson = (file) => JSON.parse(readFileSync(new URL(file, dataDir), 'utf8'));
const manifest = readJson('manifest.json');

/** The worker's {$data} resolution (web/src/engine/worker.js), reading public/data. */
function resolve(value) {
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$data') return readJson(value.$data);
    if (keys.length === 2 && '$data' in value && Array.isArray(value.models)) {
      const d = readJson(value.$data);
      return { ...d, models: d.models.filter((m) => value.models.includes(m.model)) };
    }
    return Object.fromEntries(keys.map((k) => [k, resolve(value[k])]));
  }
  return value;
}

/** Every string inside `value` that says an op is served elsewhere, or an unknown_op code. */
function misrouted(value, path = '') {
  if (typeof value === 'string')
    return /served by the other wasm module|unknown_op/.test(value) ? [`${path}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => misrouted(v, `${path}/${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => misrouted(v, `${path}/${k}`));
  return [];
}

async function send(request) {
  const module = await loadModule(moduleFor(request.op));
  return JSON.parse(module.handle(JSON.stringify(resolve(request))));
}

function dataFor(kind = 'footprint', ref = '') {
  const fp = findDataset(manifest, kind, ref);
  const refs = { dataset: { $data: fp.file } };
  for (const k of ['hardware', 'hosts', 'regions', 'constants']) refs[k] = { $data: findDataset(manifest, k).file };
  return { footprint: readJson(fp.file), refs, constants: readJson(refs.constants.$data) };
}

test('every op each view sends is routed to a module that serves it', async () => {
  const state = {
    ...defaults(coreFields),
    ...defaults(UNCERTAINTY_FIELDS),
    uncertaintyPue: 'range',
    uncertaintyBatch: 'range',
  };
  const data = dataFor();
  const model = data.footprint.models[0].model;
  const prompt = data.footprint.models[0].prompts[0].prompt;
  const index = readJson(findDataset(manifest, 'provider-daily').file);
  const entry = index.models.find((m) => data.footprint.models.some((f) => f.model === m.model)) ?? index.models[0];
  const attribution = attributionRequests(
    { attributionScale: 'linear', attributionDedupe: false },
    {
      entry,
      ref: entry.providers[0],
      hw: index.hardware_hypotheses[0].hardware,
      hypotheses: index.hardware_hypotheses,
      dataUrl: (f) => f,
    },
    data,
  );
  assert.ok(attribution.estimates.length > 0, `${entry.model} has per-hardware estimates`);
  const { uncertainty, sensitivity } = uncertaintyRequests(state, data, model, prompt);
  const requests = {
    calculator: estimateRequest({ ...state, prompt }, data, { models: [model], prompts: [prompt] }),
    compare: estimateRequest(state, data, { prompts: [prompt] }),
    rank: rankRequest(state, data),
    scale: scaleRequest({ ...state, scaleQueries: 20 }, data, model).request,
    uncertainty: { ...uncertainty, draws: 200 },
    sensitivity: { ...sensitivity, draws: 200 },
    'hardware (statistics)': attribution.attribute,
    ...Object.fromEntries(attribution.estimates.map((e) => [`hardware (energy on ${e.hardware})`, e.request])),
    import: {
      op: 'import',
      text: readFileSync(new URL('../../web/src/features/import/measurements-example.csv', import.meta.url), 'utf8'),
      hardware: data.refs.hardware,
      hosts: data.refs.hosts,
    },
  };
  for (const [view, request] of Object.entries(requests)) {
    assert.ok(request?.op, `${view} builds a request`);
    const answer = await send(request);
    assert.deepEqual(misrouted(answer), [], `${view} (${request.op} -> ${moduleFor(request.op)})`);
    assert.equal(answer.ok, true, `${view}: ${JSON.stringify(answer.error)}`);
  }
});

test('the check sees an op sent to the module that does not serve it; the old Infer hardware request now works in the lab module', async () => {
  // An estimate sent to the lab module is what the check exists to catch.
  const data = dataFor();
  const estimate = estimateRequest(defaults(coreFields), data, { models: ['GPT-4o mini'], prompts: ['short'] });
  const lab = await loadModule('lab');
  const wrong = JSON.parse(lab.handle(JSON.stringify(resolve(estimate))));
  assert.ok(misrouted(wrong).length > 0, 'an estimate in the lab module is reported as misrouted');
  // Since issue 14 "attribute" estimates through the engine's typed estimate_rows instead
  // of calling the dispatcher, so the old request (estimates inside "attribute") is
  // answered by the lab module itself, with an energy for every hypothesis.
  const index = readJson(findDataset(manifest, 'provider-daily').file);
  const entry = index.models.find((m) => m.model === 'GPT-4o mini');
  const { attribute } = attributionRequests(
    { attributionScale: 'linear', attributionDedupe: false },
    { entry, ref: 'Microsoft Azure', hw: 'DGX H200/H100', hypotheses: index.hardware_hypotheses, dataUrl: (f) => f },
    data,
  );
  const old = {
    ...attribute,
    footprint: { dataset: data.refs.dataset, model: 'GPT-4o mini', hardware: data.refs.hardware },
  };
  const answer = await send(old);
  assert.deepEqual(misrouted(answer), []);
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  const energy = answer.result.energy ?? [];
  assert.ok(energy.length > 0, 'an energy row per hypothesis');
  for (const e of energy) assert.ok(!e.error && e.prompts?.length > 0, `${e.hardware}: ${e.error ?? 'no prompts'}`);
  assert.equal(attribute.footprint, undefined, 'the view asks "attribute" for no estimates');
});
