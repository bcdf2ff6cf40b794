// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.harness/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
