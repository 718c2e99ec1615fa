// URL state: round trip, defaults, version handling and garbage (web/src/state/url-state.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { coreFields } from '../../web/src/state/fields.js';
import { URL_VERSION, decode, defaults, encode, readField } from '../../web/src/state/url-state.js';

const fields = coreFields;

test('the default state encodes to just the version', () => {
  assert.equal(encode(defaults(fields), fields), `v=${URL_VERSION}`);
});

test('every field survives an encode/decode round trip', () => {
  const state = {
    ...defaults(fields),
    view: 'compare',
    dataset: 'snapshot@2025-10-26',
    model: "GPT-4o (Mar '25)",
    prompt: 'long',
    outputTokens: 2048,
    hardware: 'DGX A100',
    sizeClass: 'Medium',
    gpus: 4,
    batchSize: 16,
    host: 'AWS',
    region: 'Sweden Central',
    hostMultipliers: 'v4',
    pue: 1.2,
    wueSite: 0.25,
    wueSource: 3.5,
    cif: 0.123456789,
    estimator: 'v4',
    rho: -0.5,
    utilisationWeight: 0.25,
    compareScale: 'log',
    compareLine: 'sd',
    compareMetric: 'water',
    compareSort: 'name',
    compareDescending: true,
    compareWith: 'Claude-3.7 Sonnet',
    rankInputs: ['energy', 'cif'],
    rankOrientation: 'oo',
    rankReturnsToScale: 'vrs',
    rankTies: 'benevolent',
    rankSelfJudgement: false,
    rankSelected: 'o3',
    scalePreset: 'gpt4o',
    scaleQueries: 7e8,
    scalePer: 'year',
    scaleShort: 70,
    scaleMedium: 20,
    scaleLong: 10,
    scaleDays: 90,
  };
  assert.deepEqual(Object.keys(state).sort(), Object.keys(fields).sort(), 'the test covers every field');
  const query = encode(state, fields);
  const { state: back, notices } = decode(`?${query}`, fields);
  assert.deepEqual(notices, []);
  assert.deepEqual(back, state);
  // Encoding is canonical: the same state always gives the same link.
  assert.equal(encode(back, fields), query);
});

test('model names with quotes, spaces and parentheses are kept exactly', () => {
  const state = { ...defaults(fields), model: "GPT-4o (Mar '25) & co/x?y=1#z" };
  const { state: back } = decode(encode(state, fields), fields);
  assert.equal(back.model, state.model);
});

test('a link without a version is read as version 1', () => {
  const { state, notices } = decode('?view=rank&prompt=medium', fields);
  assert.deepEqual(notices, []);
  assert.equal(state.view, 'rank');
  assert.equal(state.prompt, 'medium');
});

test('a link from a newer version is read where it makes sense, with a notice', () => {
  const { state, notices } = decode(`?v=${URL_VERSION + 1}&prompt=long&hologram=3`, fields);
  assert.equal(state.prompt, 'long');
  assert.equal(notices.length, 2);
  assert.match(notices[0], /newer version/);
  assert.match(notices[1], /hologram/);
});

test('old versions are migrated one step at a time', () => {
  // A hypothetical v1 -> v2 -> v3 history: v1 called the prompt "size", v2 wrote it in capitals.
  const migrations = {
    1: (p) => {
      if (p.has('size')) p.set('prompt', p.get('size').toUpperCase());
      p.delete('size');
    },
    2: (p) => {
      if (p.has('prompt')) p.set('prompt', p.get('prompt').toLowerCase());
    },
  };
  const { state, notices } = decode('?v=1&size=medium', fields, { migrations, version: 3 });
  assert.deepEqual(notices, []);
  assert.equal(state.prompt, 'medium');
  const v2 = decode('?v=2&prompt=LONG', fields, { migrations, version: 3 });
  assert.equal(v2.state.prompt, 'long');
});

test('garbage gives the defaults plus one notice per bad setting, never an exception', () => {
  const garbage = [
    '?prompt=enormous',
    '?pue=abc',
    '?pue=0.5',
    '?pue=NaN',
    '?pue=Infinity',
    '?pue=1e999',
    '?gpus=2.5',
    '?rin=energy,price',
    '?cdesc=maybe',
    '?view=%3Cscript%3E',
    `?model=${'x'.repeat(500)}`,
    '?v=abc',
    '?%E0%A4%A=1',
    '?ds=../../etc/passwd',
    '?sq=-5',
    '?&&&=&==',
  ];
  for (const g of garbage) {
    const { state, notices } = decode(g, fields);
    assert.ok(notices.length >= 1, `a notice for ${g}`);
    for (const n of notices) assert.equal(typeof n, 'string');
    const d = defaults(fields);
    for (const [k, v] of Object.entries(state)) {
      if (k === 'v') continue;
      const ok =
        JSON.stringify(v) === JSON.stringify(d[k]) ||
        readField(fields[k], encode({ ...d, [k]: v }, fields).split(`${k}=`)[1] ?? '').value !== undefined;
      assert.ok(ok, `${g}: field ${k} is valid`);
    }
  }
  assert.equal(decode('?pue=abc&prompt=long', fields).state.prompt, 'long', 'good settings next to bad ones are kept');
  assert.equal(decode('?pue=abc', fields).state.pue, null);
});

test('numbers at their limits are accepted; just outside are not', () => {
  assert.equal(readField(fields.pue, '1').value, 1);
  assert.equal(readField(fields.pue, '3').value, 3);
  assert.ok(readField(fields.pue, '3.0001').error);
  assert.ok(readField(fields.pue, '0.9999').error);
  assert.equal(readField(fields.rho, '-0.3').value, -0.3);
  assert.ok(readField(fields.gpus, '1.5').error);
  assert.ok(readField(fields.pue, ' ').error);
  assert.ok(readField(fields.pue, '0x10').error, 'hex is not a decimal number');
});
