import { join, resolve } from 'node:path';

/**
 * Where the harness finds what scripts/install-code-server.sh and `npm run package` produced.
 * `__dirname` rather than import.meta: this file also runs under tsx as CommonJS (`npm start`),
 * and Vitest provides `__dirname` to modules it evaluates.
 */
export const repoRoot = resolve(__dirname, '../../..');
export const codeServerEntry = join(repoRoot, '.harness/code-server/node_modules/code-server/out/node/entry.js');
export const extensionVsix = join(repoRoot, 'dist/pgflex.vsix');
export const testResultsDir = join(repoRoot, 'test-results');
export const chromiumPath = '/usr/bin/chromium';
