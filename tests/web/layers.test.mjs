// The layering of web/src (CONTRIBUTING.md, "Layers of the web app") and the hooks rules are
// enforced by eslint.config.js. These tests lint deliberately wrong code with the project's
// own config (ESLint's API, nothing written to disk) and assert it is reported, so a rule
// that silently stops matching (a renamed folder, a broken pattern) fails here. The right-way
// imports next to them must stay clean, so a rule that fires on everything fails too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rule ids reported for `code` as if it were the file `file` (relative to the root). */
async function rulesFor(file, code) {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const LAYER = ['no-restricted-imports', 'no-restricted-syntax'];
const isLayer = (ids) => ids.some((id) => LAYER.includes(id));

const WRONG = [
  ['web/src/lib/x.js', "import { useEngine } from '../engine/engine.js';\nuseEngine;\n"],
  ['web/src/lib/x.js', "import { Table } from '../components/table.jsx';\nTable;\n"],
  ['web/src/state/x.js', "import { dataUrl } from '../data/datasets.js';\ndataUrl;\n"],
  ['web/src/engine/x.js', "import { useDatasets } from '../data/use-data.js';\nuseDatasets;\n"],
  ['web/src/engine/worker.js', "import { useDatasets } from '../data/use-data.js';\nuseDatasets;\n"],
  ['web/src/data/x.js', "import { EngineError } from '../components/engine-error.jsx';\nEngineError;\n"],
  ['web/src/components/x.jsx', "import Rank from '../features/rank/Rank.jsx';\nRank;\n"],
  ['web/src/components/x.jsx', "import { views } from '../views.js';\nviews;\n"],
  ['web/src/glossary/x.jsx', "import Learn from '../features/learn/Learn.jsx';\nLearn;\n"],
  // one feature reaching into another, by either path
  ['web/src/features/compare/x.js', "import Rank from '../rank/Rank.jsx';\nRank;\n"],
  [
    'web/src/features/compare/x.js',
    "import { rankRequest } from '../../features/rank/rank-request.js';\nrankRequest;\n",
  ],
  ['web/src/features/compare/x.js', "import { App } from '../../app.jsx';\nApp;\n"],
  ['web/src/features/compare/x.js', "export const load = () => import('../rank/Rank.jsx');\n"],
  ['web/src/features/compare/x.js', "export const load = () => import('../../embed/Embed.jsx');\n"],
  ['web/src/embed/x.jsx', "import Trends from '../features/trends/Trends.jsx';\nTrends;\n"],
  ['web/src/app.jsx', "import Rank from './features/rank/Rank.jsx';\nRank;\n"],
];

for (const [file, code] of WRONG)
  test(`a wrong-way import is an ESLint error: ${file}: ${code.split('\n')[0]}`, async () => {
    assert.ok(isLayer(await rulesFor(file, code)), 'the layering rules did not report it');
  });

const RIGHT = [
  ['web/src/lib/x.js', "import { fmt } from './format.js';\nfmt;\n"],
  ['web/src/components/x.jsx', "import { useEngine } from '../engine/engine.js';\nuseEngine;\n"],
  [
    'web/src/features/compare/x.js',
    "import { fmt } from '../../lib/format.js';\nimport { slotLoaders } from '../../views.js';\nimport { a } from './a.js';\nfmt;\nslotLoaders;\na;\n",
  ],
  ['web/src/embed/x.jsx', "import trends from '../features/trends/index.js';\ntrends;\n"],
  ['web/src/engine/worker.js', "import { manifestHashes } from '../data/integrity.js';\nmanifestHashes;\n"],
];

for (const [file, code] of RIGHT)
  test(`a right-way import is not reported: ${file}: ${code.split('\n')[0]}`, async () => {
    assert.deepEqual(await rulesFor(file, code), []);
  });

test('the hooks rules are on: a hook called conditionally and a missing effect dependency are errors', async () => {
  const code = [
    "import { useEffect, useState } from 'preact/hooks';",
    'export function View({ on, id }) {',
    '  if (on) useState(0);',
    '  useEffect(() => console.log(id), []);',
    '  return null;',
    '}',
    '',
  ].join('\n');
  const [result] = await eslint.lintText(code, { filePath: `${root}/web/src/components/x.jsx` });
  const errors = result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
  assert.ok(errors.includes('react-hooks/rules-of-hooks'), errors.join());
  assert.ok(errors.includes('react-hooks/exhaustive-deps'), errors.join());
});

test('the hooks rules hold in every file of web/src: no file is exempt from them', async () => {
  const { readdirSync } = await import('node:fs');
  const files = readdirSync(`${root}/web/src`, { recursive: true }).filter((f) => /\.jsx?$/.test(f));
  assert.ok(files.length > 50, `${files.length} files`);
  const exempt = [];
  for (const f of files) {
    const { rules } = await eslint.calculateConfigForFile(`${root}/web/src/${f}`);
    for (const id of ['react-hooks/rules-of-hooks', 'react-hooks/exhaustive-deps'])
      if (rules[id]?.[0] !== 2) exempt.push(`${f}: ${id}`);
  }
  assert.deepEqual(exempt, []);
});
