// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.wrangler/**',
      '**/.svelte-kit/**',
      '**/coverage/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/worker-configuration.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { globals: globals.browser, parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  {
    // Config files and the Worker entry are the places a tool demands a default export.
    files: ['**/*.config.{js,ts,mjs}', '**/vitest.*.ts', 'apps/worker/src/index.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    // The core runs unchanged in Workers, browsers, Deno and Node: no Node-only API in its sources.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'stream', 'buffer', 'events', 'util'],
              message: 'core/src must not use Node-only modules',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Use Uint8Array / TextEncoder' },
        { name: 'process', message: 'core/src must not read process' },
        { name: 'require', message: 'ESM only' },
        { name: '__dirname', message: 'ESM only' },
      ],
    },
  },
  prettier,
  ...svelte.configs.prettier,
);
