// The one table of state names and link keys (state/fields.js and each feature's fields),
// and the mapping from a field's spec to its control (components/spec-control.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fromControl, specControl, specOptions, toControl, toggleItem } from '../../web/src/components/spec-control.js';
import { importedNote } from '../../web/src/embed/imported-note.js';
import { EMBED_ONLY_FIELDS } from '../../web/src/embed/links.js';
import attribution from '../../web/src/features/attribution/index.js';
import importFeature from '../../web/src/features/import/index.js';
import learn from '../../web/src/features/learn/index.js';
import method from '../../web/src/features/method/index.js';
import { MYUSE_FIELDS } from '../../web/src/features/myuse/myuse.js';
import { REALITY_FIELDS } from '../../web/src/features/reality/reality.js';
import trends from '../../web/src/features/trends/index.js';
import { UNCERTAINTY_FIELDS } from '../../web/src/features/uncertainty/request.js';
import { bindFields } from '../../web/src/state/bind.js';
import { SCALE_MAX_DAYS, SCALE_MAX_QUERIES, SCALE_MAX_TOTAL, coreFields } from '../../web/src/state/fields.js';
import { decode, defaults, encode, namesByUrlKey, readField, urlKey } from '../../web/src/state/url-state.js';

const ALL = {
  ...coreFields,
  ...attribution.fields,
  ...trends.fields,
  ...learn.fields,
  ...method.fields,
  ...importFeature.fields,
  ...MYUSE_FIELDS,
  ...REALITY_FIELDS,
  ...UNCERTAINTY_FIELDS,
  ...EMBED_ONLY_FIELDS,
};

// The keys links have carried since version 1 (docs/embedding.md, shared links): renaming
// the state must not change one of them.
const LINK_KEYS =
  'view ds model prompt out hw size gpus batch host region mult pue wues wuesrc cif est rho w cscale cm ccolor cerr ' +
  'cmetric csort cdesc cb rin rorient rrts rmethod rself rsel spreset sq sper sshort smedium slong sxlong sdays ' +
  'amodel aref ahw ascale adedupe tm tp tmetric test tfrom tto lstep lpres m2 imp ' +
  'mypre myin myout mythink myper mydays my2 my3 myrev rlike rmetric rmkt ' +
  'uopen ulat upue upuelo upuehi uw ubatch uwues uregion umetric useed models fmt theme esize';

test('every field keeps its link key; no two fields share a key or a name', () => {
  const keys = Object.entries(ALL).map(([name, spec]) => urlKey(name, spec));
  assert.deepEqual([...keys].sort(), LINK_KEYS.split(' ').sort());
  assert.equal(new Set(keys).size, keys.length);
  // The cryptic keys of the issue are read under descriptive names.
  const names = namesByUrlKey(ALL);
  assert.equal(names.get('cb'), 'compareWith');
  assert.equal(names.get('rrts'), 'rankReturnsToScale');
  assert.equal(names.get('wuesrc'), 'wueSource');
  assert.equal(names.get('ahw'), 'attributionHardware');
  for (const name of Object.keys(ALL)) assert.match(name, /^[a-z][A-Za-z0-9]*$/, name);
});

/** A valid value of a field that is not its default. */
function other(spec) {
  switch (spec.kind) {
    case 'enum':
      return spec.values.find((v) => v !== spec.def);
    case 'bool':
      return !spec.def;
    case 'number':
      return spec.int ? spec.max : (spec.min + spec.max) / 2;
    case 'list':
      return spec.values.slice(0, 1);
    default:
      return !spec.pattern || spec.pattern.test('x') ? 'x' : '2025-10-01';
  }
}

test('every field survives a round trip under its link key, one at a time', () => {
  for (const [name, spec] of Object.entries(ALL)) {
    const value = other(spec);
    assert.equal(readable(spec, value), true, name);
    const query = encode({ ...defaults(ALL), [name]: value }, ALL);
    const params = new URLSearchParams(query);
    assert.ok(params.has(urlKey(name, spec)), `${name} is written as ${urlKey(name, spec)}`);
    if (urlKey(name, spec) !== name) assert.equal(params.has(name), false, `${name} never appears in a link`);
    const back = decode(query, ALL);
    assert.deepEqual(back.notices, [], name);
    assert.deepEqual(back.state[name], value, name);
  }
});

const readable = (spec, value) => value !== undefined && !readField(spec, String(value)).error;

test('an old link opens with the same settings; unknown keys (the long names too) are ignored with a notice', () => {
  // The comparison link of docs/embedding.md.
  const { state, notices } = decode(
    '?v=1&view=compare&ds=paper-v6%402025-10-26&model=GPT-4.1&prompt=medium&cb=o3&rrts=vrs&wuesrc=3.5&compareWith=x&hologram=1',
    ALL,
  );
  assert.equal(state.dataset, 'paper-v6@2025-10-26');
  assert.equal(state.compareWith, 'o3');
  assert.equal(state.rankReturnsToScale, 'vrs');
  assert.equal(state.wueSource, 3.5);
  assert.equal(state.cb, undefined);
  assert.equal(notices.length, 2);
  assert.match(notices[0], /"compareWith"/);
  assert.match(notices[1], /"hologram"/);
  // A bad value is named by the key the visitor sees in the link.
  assert.match(decode('?rrts=sideways', ALL).notices[0], /"rrts"/);
});

test('Scale cannot ask the engine for more than it accepts', () => {
  // The engine's year total is limited to 1e16 queries (wasm-core/src/ops/scale.cpp).
  assert.equal(SCALE_MAX_TOTAL, 1e16);
  assert.equal(coreFields.scaleQueries.max, SCALE_MAX_QUERIES);
  assert.equal(coreFields.scaleDays.max, SCALE_MAX_DAYS);
  assert.ok(coreFields.scaleQueries.max * coreFields.scaleDays.max <= 1e16);
  assert.ok(decode('?sq=1e13', coreFields).notices.length === 1, 'the old limit is now refused');
  // The field says the limit in words.
  assert.match(coreFields.scaleQueries.help, /1 trillion/);
  assert.match(coreFields.scaleQueries.help, /3,660 days/);
});

test('a number control takes its bounds from the spec, never from the view', () => {
  // As a view binds it (the name of a field without a `url` is its link key too).
  const bound = bindFields(coreFields, defaults(coreFields), () => {})('gpus');
  const c = specControl(bound.spec, { ...bound, min: 0, max: 1e9, label: 'GPUs' });
  assert.deepEqual(
    { control: c.control, min: c.min, max: c.max, int: c.int, label: c.label, name: c.name },
    { control: 'number', min: 1, max: 64, int: true, label: 'GPUs', name: 'gpus' },
  );
  const w = specControl(coreFields.wueSource);
  assert.equal(w.name, 'wuesrc', 'the control is named by its link key');
  assert.equal(w.unit, 'L/kWh');
  assert.equal(w.label, 'Electricity water (WUE source)');
  assert.equal(specControl(MYUSE_FIELDS.myUseTokensIn).hint, MYUSE_FIELDS.myUseTokensIn.help);
});

test('every labelled field gets a control whose options are exactly its allowed values', () => {
  for (const [name, spec] of Object.entries(ALL)) {
    if (!spec.label) continue;
    const c = specControl(spec);
    assert.ok(c.label, name);
    if (spec.kind === 'enum') {
      assert.deepEqual(
        c.options.map((o) => o.value),
        spec.values,
        name,
      );
      for (const o of c.options) assert.equal(o.label, spec.labels?.[o.value] ?? o.value, `${name}: ${o.value}`);
    }
    if (spec.kind === 'number') assert.deepEqual([c.min, c.max], [spec.min, spec.max], name);
  }
});

test('a view may narrow and reword options, never add one', () => {
  const opts = specOptions(coreFields.prompt, {
    values: ['long', 'short', 'huge'],
    labels: { long: 'Long (10,000 in)' },
  });
  assert.deepEqual(opts, [
    { value: 'long', label: 'Long (10,000 in)' },
    { value: 'short', label: 'Short' },
  ]);
  assert.equal(specControl(coreFields.sizeClass, { as: 'select' }).control, 'select');
  assert.equal(specControl(coreFields.compareScale).control, 'radio');
  assert.equal(specControl(coreFields.rankSelfJudgement).control, 'check');
  assert.equal(specControl(trends.fields.trendFrom, { as: 'date' }).control, 'date');
  assert.throws(() => specControl({ kind: 'blob' }), /blob/);
});

test('a list field is a group of checkboxes that keeps its order and at least minItems', () => {
  const c = specControl(coreFields.rankInputs);
  assert.equal(c.control, 'checks');
  assert.equal(c.minItems, 1);
  assert.deepEqual(
    c.options.map((o) => o.value),
    ['energy', 'pue', 'wue_site', 'wue_source', 'cif'],
  );
  assert.deepEqual(toggleItem(c.options, ['cif', 'energy'], 'pue', true), ['energy', 'pue', 'cif']);
  assert.deepEqual(toggleItem(c.options, ['energy', 'pue'], 'energy', false), ['pue']);
  assert.equal(toggleItem(c.options, ['pue'], 'pue', false, c.minItems), null);
});

test('a yes/no field with words is a pair of radios that reads back as true or false', () => {
  const spec = attribution.fields.attributionDedupe;
  const c = specControl(spec);
  assert.deepEqual(
    c.options.map((o) => o.value),
    ['false', 'true'],
  );
  assert.equal(c.options[1].label, 'Drop days that repeat the previous value');
  for (const v of [true, false]) assert.equal(fromControl(spec, toControl(spec, v)), v);
  assert.equal(toControl(coreFields.compareScale, undefined), '');
});

test('bindFields writes a field by its state name; typing a number replaces the history entry', () => {
  const calls = [];
  const field = bindFields(coreFields, { ...defaults(coreFields), compareWith: 'o3' }, (patch, opts) =>
    calls.push([patch, opts]),
  );
  const cb = field('compareWith');
  assert.equal(cb.value, 'o3');
  assert.equal(cb.spec, coreFields.compareWith);
  cb.onChange('GPT-4.1');
  field('pue').onChange(1.2);
  field('scaleDays', { replace: false, map: (v) => v * 2 }).onChange(10);
  assert.deepEqual(calls, [
    [{ compareWith: 'GPT-4.1' }, { replace: false }],
    [{ pue: 1.2 }, { replace: true }],
    [{ scaleDays: 20 }, { replace: false }],
  ]);
  assert.throws(() => field('cb'), /No URL field named "cb"/);
});

test('the embed dialog says in words what happens to imported data too large for a link', async () => {
  const fields = { ...coreFields, ...importFeature.fields };
  assert.equal(importedNote(decode('?ds=paper-v6', fields).state), null);
  const small = importedNote(decode('?ds=imported&imp=bW9kZWwK', fields).state);
  assert.equal(small.problem, undefined);
  assert.match(small.text, /inside the embed’s link/);
  const large = importedNote(decode('?ds=imported', fields).state);
  assert.equal(large.problem, true);
  assert.match(large.text, /too large to travel in a link/);
  assert.match(large.text, /no numbers/);
  assert.match(large.text, /6,000 characters/);
  assert.doesNotMatch(large.text, /pinned/);
  // That is what an embed of it does: without the file in its link, the data cannot load.
  const { loadImportedDataset } = await import('../../web/src/data/imported.js');
  await assert.rejects(
    loadImportedDataset(async () => ({ ok: false }), {}),
    /no imported data here/,
  );
});

test('a number field may offer a few values as radios, only within its bounds', () => {
  const spec = MYUSE_FIELDS.myUseDays;
  const c = specControl(spec, { as: 'radio', values: [1, 30, 365, 5000, 2.5, 30], labels: { 365: 'A year' } });
  assert.equal(c.control, 'radio');
  assert.deepEqual(c.options, [
    { value: '1', label: '1' },
    { value: '30', label: '30' },
    { value: '365', label: 'A year' },
  ]);
  assert.equal(fromControl(spec, toControl(spec, 365)), 365);
});

test('no code reads the state by a link key (state.cb instead of state.compareWith)', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const root = new URL('../../web/src/', import.meta.url);
  const renamed = Object.entries(ALL)
    .filter(([name, spec]) => urlKey(name, spec) !== name)
    .map(([name, spec]) => urlKey(name, spec));
  const pattern = new RegExp(String.raw`\bstate\.(${renamed.join('|')})\b`, 'g');
  const files = (await readdir(root, { recursive: true })).filter((f) => /\.(js|jsx)$/.test(f));
  const found = [];
  for (const f of files)
    for (const m of (await readFile(new URL(f, root), 'utf8')).matchAll(pattern)) found.push(`${f}: ${m[0]}`);
  assert.deepEqual(found, []);
});
