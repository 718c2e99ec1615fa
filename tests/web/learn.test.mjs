// The lesson's pure parts: the glossary (every term id used in the code exists, each entry is
// complete), the effort families found by name, and the predict-then-reveal questions.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { chooseFamily, effortFamilies, parseEffort, sharedPrompt } from '../../web/src/features/learn/effort.js';
import { buildQuestions, rowOf, waterSplit } from '../../web/src/features/learn/questions.js';
import { RANK_INPUT_NAMES, inputWords } from '../../web/src/features/rank/rank-request.js';
import { getTerm, TERMS } from '../../web/src/glossary/terms.js';

const root = join(import.meta.dirname, '..', '..');
const json = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const paper = json('public/data/paper-v6/2025-10-26.json');
const snapshot = json('public/data/snapshot/2026-08-22.json');

function sources(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(jsx?|mjs)$/.test(f) ? [p] : [];
  });
}

test('glossary: unique ids, a one-sentence definition and a note each, related terms exist', () => {
  const ids = TERMS.map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  for (const t of TERMS) {
    assert.ok(t.term && t.short && t.long, `${t.id} is complete`);
    assert.match(t.short, /^[A-Z“‘].*[.!?)]$/s, `${t.id}: the definition is a sentence`);
    assert.equal(t.short.match(/[a-z]{2}\. [A-Z]/g), null, `${t.id}: the definition is one sentence`);
    for (const s of t.see ?? []) assert.ok(getTerm(s), `${t.id} refers to ${s}, which exists`);
  }
  // The terms the issue lists are all there.
  for (const id of ['prompt', 'token', 'ttft', 'output-speed', 'reasoning', 'gpu', 'node', 'utilisation', 'batch']) {
    assert.ok(getTerm(id), id);
  }
  for (const id of ['pue', 'wue-site', 'wue-source', 'cif', 'percentile', 'sd', 'copula', 'dea', 'cross-efficiency']) {
    assert.ok(getTerm(id), id);
  }
});

test('glossary: every term id the code links exists', () => {
  const used = new Set();
  for (const file of sources(join(root, 'web', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<(?:Term|GlossaryLink)\s+id="([^"]+)"/g)) used.add(m[1]);
  }
  for (const v of Object.values(RANK_INPUT_NAMES)) used.add(v.term);
  assert.ok(used.size >= 25, `${used.size} terms linked`);
  const missing = [...used].filter((id) => !getTerm(id));
  assert.deepEqual(missing, []);
});

test('rank: engine input names read as words, never as field names', () => {
  assert.equal(inputWords('wue_site_l_per_kwh'), 'cooling water at the data centre');
  assert.equal(inputWords('aa_intelligence_index'), 'intelligence index');
  for (const v of Object.values(RANK_INPUT_NAMES)) assert.doesNotMatch(v.label, /_/);
});

test('effort levels are read from the model names', () => {
  assert.deepEqual(parseEffort('GPT-5 (minimal)'), { base: 'GPT-5', effort: 'minimal' });
  assert.deepEqual(parseEffort('GPT-5 mini (high)'), { base: 'GPT-5 mini', effort: 'high' });
  assert.deepEqual(parseEffort('Grok 3 mini Reasoning (high) Fast'), {
    base: 'Grok 3 mini Reasoning Fast',
    effort: 'high',
  });
  assert.deepEqual(parseEffort('o3-mini'), { base: 'o3-mini', effort: null });
  assert.deepEqual(parseEffort("GPT-4o (Mar '25)"), { base: "GPT-4o (Mar '25)", effort: null });
});

test('effort families: o3-mini in the paper data, GPT-5 minimal to high in the snapshot', () => {
  const p = effortFamilies(paper);
  assert.deepEqual(
    p.map((f) => [f.base, f.members.map((m) => m.effort)]),
    [['o3-mini', ['default', 'high']]],
  );
  assert.equal(sharedPrompt(p[0], 'medium'), 'medium');
  const s = effortFamilies(snapshot);
  const gpt5 = s.find((f) => f.base === 'GPT-5');
  assert.deepEqual(
    gpt5.members.map((m) => m.model),
    ['GPT-5 (minimal)', 'GPT-5 (low)', 'GPT-5 (medium)', 'GPT-5 (high)'],
  );
  assert.equal(s[0].base, 'GPT-5', 'the family with most levels comes first');
  // The snapshot has the long prompt only: a wanted short prompt falls back to it.
  assert.equal(sharedPrompt(gpt5, 'short'), 'long');
  assert.equal(chooseFamily(s, '', 'GPT-5 nano (high)').base, 'GPT-5 nano');
  assert.equal(chooseFamily(s, 'o3-mini', 'GPT-5 nano (high)').base, 'o3-mini');
  assert.equal(chooseFamily([], 'x', 'y'), null);
});

/** A fake engine row: energy mean and the Azure factors. */
const row = (model, prompt, wh, extra = {}) => ({
  model,
  prompt,
  energy_wh: { mean: wh },
  water_ml: { mean: wh * (0.3 / 1.12 + 4.35) },
  assumptions: { pue: 1.12, wue_site_l_per_kwh: 0.3, wue_source_l_per_kwh: 4.35 },
  work: { ttft_mean_s: 1 },
  ...extra,
});

test('questions on the paper data name real models and prompt sizes', () => {
  const qs = buildQuestions(paper, { model: "GPT-4o (Mar '25)", prompt: 'short' }, { phoneChargeWh: 5 });
  assert.deepEqual(
    qs.map((q) => q.id),
    ['pair', 'water', 'effort', 'year'],
  );
  const pair = qs[0];
  assert.equal(pair.text, 'Which uses more energy: a short question to o3 or a long one to GPT-4.1 nano?');
  assert.deepEqual(pair.select, { models: ['o3', 'GPT-4.1 nano'], prompts: ['short', 'long'] });
  assert.deepEqual(qs[2].select, { models: ['o3-mini', 'o3-mini (high)'], prompts: ['short'] });
  // On the snapshot (long prompts only) the pair question compares two long prompts.
  const snap = buildQuestions(snapshot, { model: 'GPT-5 (high)', prompt: 'long' }, { phoneChargeWh: 5 });
  assert.match(snap[0].text, /a long question to o3 or a long one to GPT-4.1 nano/);
  assert.deepEqual(snap[2].select, { models: ['GPT-5 (minimal)', 'GPT-5 (high)'], prompts: ['long'] });
});

test('the revealed answer follows the numbers it is given', () => {
  const [pair, water, effort, year] = buildQuestions(
    paper,
    { model: 'GPT-4.1', prompt: 'medium' },
    { phoneChargeWh: 5, householdKwh: 10791 },
  );
  const r = (a, b) => pair.reveal([row('o3', 'short', a), row('GPT-4.1 nano', 'long', b)]);
  assert.equal(r(2, 1).answer, 'a');
  assert.equal(r(1, 2).answer, 'b');
  assert.equal(r(1.05, 1).answer, 'same');
  assert.equal(r(2, 1).facts.find((f) => f.key === 'ratio').value, 2);
  assert.equal(pair.reveal([row('o3', 'short', 1)]), null, 'a missing row gives no answer');

  // Water: on-site 0.3 / 1.12 of 4.618 mL per Wh is 5.8 %: "less than a quarter".
  const w = water.reveal([row('GPT-4.1', 'medium', 2)]);
  assert.equal(w.answer, 'lt25');
  const share = w.facts.find((f) => f.key === 'share').value;
  assert.ok(Math.abs(share - (100 * 0.3) / 1.12 / (0.3 / 1.12 + 4.35)) < 1e-9, `${share}`);
  const dry = water.reveal([
    row('GPT-4.1', 'medium', 1, {
      water_ml: { mean: 3 / 1.12 },
      assumptions: { pue: 1.12, wue_site_l_per_kwh: 3, wue_source_l_per_kwh: 0 },
    }),
  ]);
  assert.equal(dry.answer, 'gt50', 'all water on site');

  const e = (lo, hi) => effort.reveal([row('o3-mini', 'medium', lo), row('o3-mini (high)', 'medium', hi)]).answer;
  assert.deepEqual([e(1, 1.5), e(1, 4.5), e(1, 7), e(1, 12)], ['lt2', '2to5', '5to10', 'gt10']);

  // 20 a day for a year: 7,300 queries. 0.1 Wh -> 0.73 kWh; 1 Wh -> 7.3 kWh; 10 Wh -> 73 kWh.
  const y = (wh) => year.reveal([row('GPT-4.1', 'medium', wh)]);
  assert.deepEqual([y(0.1).answer, y(1).answer, y(10).answer, y(20).answer], ['lt1', '1to10', '10to100', 'gt100']);
  assert.equal(y(1).facts.find((f) => f.key === 'phones').value, 7300 / 5);
  assert.match(y(1).because, /10,791 kWh/);
});

test('water split: on-site water is energy / PUE x WUE_site, the rest is the power plants', () => {
  const s = waterSplit(row('m', 'short', 1));
  assert.ok(Math.abs(s.onsite - 0.3 / 1.12) < 1e-12);
  assert.ok(Math.abs(s.plant - 4.35) < 1e-12);
  assert.equal(rowOf([row('m', 'short', 1)], 'm', 'long'), undefined);
});
