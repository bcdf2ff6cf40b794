// @ts-check

import process from 'node:process';
import { MUTATION_BREAK, MUTATION_GROUPS, mutationFiles } from './scripts/mutationGroups.mjs';

const group = process.env.PGFLEX_MUTATION_GROUP ?? '';
if (!Object.hasOwn(MUTATION_GROUPS, group)) {
  throw new Error(`PGFLEX_MUTATION_GROUP must name one of ${Object.keys(MUTATION_GROUPS).join(', ')} (npm run test:mutation sets it), not '${group}'.`);
}

const files = mutationFiles(group);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  mutate: MUTATION_GROUPS[/** @type {keyof typeof MUTATION_GROUPS} */ (group)],
  ignorePatterns: ['.harness', 'dist', 'out', 'test-results', '.vscode-test', 'reports'],
  concurrency: 2,
  // The initial run (the group's tests with per-test coverage) took 1½–4½ min here beside other
  // work, and over Stryker's default limit of 5 min beside an e2e run of three workers.
  dryRunTimeoutMinutes: 30,
  // Reuses the last run's results where neither the code nor its tests changed; scripts/
  // mutation.ts first drops the survivors, which Stryker would otherwise reuse unchecked.
  incremental: true,
  incrementalFile: files.incremental,
  htmlReporter: { fileName: files.html },
  jsonReporter: { fileName: files.json },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // Equivalent mutants are not listed here but at their line, where a reader of the code meets
  // them: `// Stryker disable next-line <Mutator>: <why no test can tell>` (grep "Stryker disable").
  thresholds: { high: 90, low: MUTATION_BREAK, break: MUTATION_BREAK },
};
