// Lint: typescript-eslint's recommended rules plus the layer rules of docs (architecture):
// no import cycles, lib/ never imports UI code, the pure folders touch no browser API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const browserGlobals = ['chrome', 'browser', 'window', 'document', 'indexedDB', 'localStorage', 'navigator'].map((name) => ({
  name,
  message: 'The pure folders take browser access as an argument; they run in plain Node.',
}));
const browserModules = ['wxt/browser', 'wxt/*', 'idb', 'webextension-polyfill', '#imports'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'no-undef': 'off', // TypeScript checks names
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components/**', '@/components/**', '**/entrypoints/**', '@/entrypoints/**'],
              message: 'lib/ is below the UI: pass what it needs in.',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser differences live in lib/browser/api.ts: the callback-only `chrome` global and
    // the MV3-only `action` (MV2: `browserAction`) stay out of runtime code.
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    ignores: ['lib/browser/api.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Use `browser` (wxt/browser, polyfilled) or lib/browser/api.ts.' },
      ],
      'no-restricted-properties': [
        'error',
        ...['action', 'browserAction'].map((property) => ({
          object: 'browser',
          property,
          message: 'MV2 and MV3 differ here: use toolbarButton() from lib/browser/api.ts.',
        })),
      ],
    },
  },
  {
    files: [
      'lib/sla/**',
      'lib/calendar/**',
      'lib/playbook/**',
      'lib/schemas/**',
      'lib/payroll/**',
      'lib/alarms/planner.ts',
      'lib/alarms/candidates.ts',
    ],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': [
        'error',
        {
          paths: browserModules
            .filter((m) => !m.includes('*'))
            .map((name) => ({ name, message: 'A pure folder: no browser API, no I/O.' })),
          patterns: [
            {
              group: [
                'wxt/*',
                '**/store/**',
                '**/messaging/**',
                '**/worker/**',
                '@/lib/store/**',
                '@/lib/messaging/**',
                '@/lib/worker/**',
              ],
              message: 'A pure folder: no browser API, no I/O.',
            },
            {
              group: ['**/components/**', '@/components/**', '**/entrypoints/**', '@/entrypoints/**'],
              message: 'lib/ is below the UI: pass what it needs in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
