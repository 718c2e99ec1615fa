// ESLint 10 flat config: @eslint/js recommended plus a few rules that catch real bugs,
// tuned to the project's style (Prettier owns layout, so no stylistic rules here).
// The web app (web/) is browser + worker code with Preact JSX; scripts and tests run in Node.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layers of web/src (CONTRIBUTING.md, "Layers of the web app"), lowest first. A module
// may import its own layer and the layers before it, never a later one:
//   lib → state → engine → data → components (+ glossary) → features → embed → app entry points
// and a feature never imports another feature's files (features talk through the registry,
// views.js: slots and the view list). Each entry: the files, and the import sources (as
// written, relative) they must not use. Checked for static imports (no-restricted-imports)
// and lazy import() (no-restricted-syntax); tests/web/layers.test.mjs proves it still fires.
const ROOT_FILE = '[^/]+\\.(js|jsx|mjs)$'; // app.jsx, main.jsx, views.js, prerender.js, sw.js
const upTo = (folders) => `^\\.\\./(${folders.join('|')})/`;
const HIGHER = {
  lib: ['state', 'engine', 'data', 'components', 'glossary', 'features', 'embed'],
  state: ['engine', 'data', 'components', 'glossary', 'features', 'embed'],
  engine: ['data', 'components', 'glossary', 'features', 'embed'],
  data: ['components', 'glossary', 'features', 'embed'],
  components: ['features', 'embed'],
  glossary: ['features', 'embed'],
};
const layerRules = (name, regexes) => {
  const message = `layering of web/src (CONTRIBUTING.md, "Layers of the web app"): ${name}`;
  return {
    'no-restricted-imports': ['error', { patterns: regexes.map((regex) => ({ regex, message })) }],
    'no-restricted-syntax': [
      'error',
      // esquery regexes cannot hold a "/": \x2F is the same character.
      ...regexes.map((r) => ({
        selector: `ImportExpression > Literal.source[value=/${r.replaceAll('/', '\\x2F')}/]`,
        message: `${message} (lazy import)`,
      })),
    ],
  };
};
const layers = [
  ...Object.entries(HIGHER).map(([folder, higher]) => ({
    files: [`web/src/${folder}/**/*.{js,jsx,mjs}`],
    rules: layerRules(`${folder}/ must not import ${higher.join('/, ')}/ or the entry points`, [
      upTo(higher),
      `^\\.\\./${ROOT_FILE}`,
    ]),
  })),
  {
    // Exception: the engine's worker checks data files against the manifest with
    // data/integrity.js (no imports of its own; shared with the page and the service
    // worker). It would belong in lib/, but engine/ and data/ are being reworked for issue
    // 18 in parallel, so the file stays and only this one import is allowed.
    files: ['web/src/engine/worker.js'],
    rules: layerRules('engine/ must not import data/ (except integrity.js), components/, features/, embed/', [
      '^\\.\\./data/(?!integrity\\.js$)',
      upTo(HIGHER.engine.filter((f) => f !== 'data')),
      `^\\.\\./${ROOT_FILE}`,
    ]),
  },
  {
    files: ['web/src/features/**/*.{js,jsx,mjs}'],
    rules: layerRules(
      'a feature imports its own folder, the layers below, and the registry views.js; never another feature, embed/ or an entry point',
      ['^\\.\\./[^./][^/]*/', '^\\.\\./\\.\\./(features|embed)/', `^\\.\\./\\.\\./(?!views\\.js$)${ROOT_FILE}`],
    ),
  },
  {
    // Exception: the "Share my estimate" card is drawn by embed/ShareImage.jsx (it shares
    // the card with the embed's image format); its slot lazily loads it from there.
    files: ['web/src/features/share/index.js'],
    rules: layerRules('a feature must not import embed/ (except ShareImage.jsx)', [
      '^\\.\\./[^./][^/]*/',
      '^\\.\\./\\.\\./features/',
      '^\\.\\./\\.\\./embed/(?!ShareImage\\.jsx$)',
      `^\\.\\./\\.\\./(?!views\\.js$)${ROOT_FILE}`,
    ]),
  },
  {
    files: ['web/src/embed/**/*.{js,jsx,mjs}'],
    rules: layerRules("embed/ imports a feature only through its index.js, and not the app's entry points", [
      '^\\.\\./features/[^/]+/(?!index\\.js$)',
      `^\\.\\./${ROOT_FILE}`,
    ]),
  },
  {
    // The host page's script and its first paint (embed/host/): the same rule, one folder down.
    files: ['web/src/embed/host/**/*.{js,jsx,mjs}'],
    rules: layerRules("embed/ imports a feature only through its index.js, and not the app's entry points", [
      '^\\.\\./\\.\\./features/[^/]+/(?!index\\.js$)',
      `^\\.\\./\\.\\./${ROOT_FILE}`,
    ]),
  },
  {
    // Exceptions: the trends and my-use embeds render those features' own chart, summary
    // and request builders (lazy-loaded only in the embed). They are issue 18's files in
    // this round; a feature's embeddable parts could later move behind its index.js.
    files: ['web/src/embed/TrendsEmbed.jsx', 'web/src/embed/MyUseEmbed.jsx'],
    rules: layerRules('embed/ imports a feature only through its index.js (and the listed embeddable parts)', [
      '^\\.\\./features/(?!(trends/(index|trend-request|trend-derive)\\.js|trends/(TrendChart|Trends)\\.jsx|myuse/index\\.js|myuse/EmbedMyUse\\.jsx)$)',
      `^\\.\\./${ROOT_FILE}`,
    ]),
  },
  {
    files: ['web/src/*.{js,jsx,mjs}'],
    rules: layerRules("the app's entry points import a feature only through its index.js", [
      '^\\./features/[^/]+/(?!index\\.js$)',
    ]),
  },
];

export default [
  {
    ignores: [
      'node_modules/**',
      'build/**',
      'dist/**',
      'web/dist/**',
      'public/data/**',
      'data/sources/**',
      'tests/fixtures/**',
      'tests/fuzz/corpus/**',
      'tests/fuzz/artifacts/**',
      '**/*.min.js',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,jsx}'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed arguments and caught errors are deliberately unused.
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': ['error', { destructuring: 'all' }],
      'no-implicit-coercion': ['error', { allow: ['!!'] }],
      'no-throw-literal': 'error',
      'no-promise-executor-return': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'no-constructor-return': 'error',
      'require-atomic-updates': 'off',
    },
  },
  {
    // The app: browser main thread and the engine's Web Worker.
    files: ['web/**/*.{js,jsx,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    // Hooks (Preact's, same rules as React's): rules-of-hooks and exhaustive-deps as errors.
    // v7's React Compiler rules stay on where they check what is wrong in any renderer
    // (static-components: a component made during render remounts every time; globals,
    // purity, set-state-in-render, use-memo, void-use-memo, error-boundaries). But the
    // compiler knows hooks only from the module 'react': useRef/useState from 'preact/hooks'
    // are unknown hooks to it, so "immutability" reports every `ref.current = ...` in an
    // effect as mutating a hook's value (all 13 findings were that: off), and refs and
    // set-state-in-effect cannot see Preact's refs and setters (on, but they find nothing).
    // The rules about compiling with the React Compiler (preserve-manual-memoization,
    // incompatible-library, config, gating, unsupported-syntax) do not apply: the app is not
    // compiled by it.
    files: ['web/**/*.{js,jsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/immutability': 'off',
      'react-hooks/preserve-manual-memoization': 'off',
      'react-hooks/incompatible-library': 'off',
      'react-hooks/config': 'off',
      'react-hooks/gating': 'off',
      'react-hooks/unsupported-syntax': 'off',
    },
  },
  ...layers,
  {
    // The library (npm package llm-footprint): runs in Node and in browsers.
    files: ['wasm-core/js/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Service workers (ESLint 10 no longer reads /* eslint-env */ comments: the globals
    // come from here).
    files: ['web/**/sw.js', 'web/**/*.sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // Build, data, benchmark scripts, tests and tool configs run under Node.
    files: ['scripts/**/*.{js,mjs}', 'tests/**/*.{js,mjs}', '*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // End-to-end tests also hold code evaluated inside the page (page.evaluate).
    files: ['tests/e2e/**/*.{js,mjs}', 'tests/web/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
