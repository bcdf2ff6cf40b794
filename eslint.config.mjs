// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.harness/**', 'test-results/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  // Type-checked: a promise nobody awaits is an error the user never hears of.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
      // An async function without await still turns a throw into a rejection, which every
      // Promise-returning port (and its fakes) relies on.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Vitest's asymmetric matchers (expect.any, expect.stringContaining…) are typed `any`, and
    // tests read fixtures with JSON.parse: the no-unsafe-* rules would flag every one of them.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // machines/ is the common layer: it runs in the host, the webview and the tests alike,
    // so it may not reach for VS Code, Azure, Node or anything in the outer layers.
    files: ['machines/**/*.ts', 'machines/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'machines/ is pure: inject VS Code behaviour from src/.' }],
        patterns: [
          { group: ['@azure/*'], message: 'machines/ is pure: inject Azure behaviour from src/.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'pg', 'rxjs', 'rxjs/*'], message: 'machines/ is pure: no I/O or runtime-specific modules.' },
          { group: ['**/src/**', '**/webview-ui/**', '**/sandbox/**'], message: 'Dependencies point inward: machines/ imports nothing from outer layers.' },
        ],
      }],
    },
  },
  {
    files: ['webview-ui/**/*.ts', 'webview-ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview cannot use the VS Code API; talk to the host through the message protocol.' }],
        patterns: [{ group: ['**/src/**', '@azure/*', 'node:*'], message: 'webview-ui/ depends only on machines/.' }],
      }],
    },
  },
);
