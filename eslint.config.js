// ESLint 10 flat config: @eslint/js recommended plus a few rules that catch real bugs,
// tuned to the project's style (Prettier owns layout, so no stylistic rules here).
// The web app (web/) is browser + worker code with Preact JSX; scripts and tests run in Node.
import js from '@eslint/js';
import globals from 'globals';

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
