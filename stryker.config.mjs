// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  mutate: [
    'machines/**/*.ts',
    'src/services/flexDeployment/**/*.ts',
    'src/azure/armDeploymentReader.ts',
    'src/azure/armErrors.ts',
    'src/connections/connectionStore.ts',
    'src/connections/sharedConnectionsSetting.ts',
    'src/connections/userSettingsFile.ts',
    'src/createServer/offeredChoices.ts',
  ],
  ignorePatterns: ['.harness', 'dist', 'out', 'test-results', '.vscode-test', 'reports'],
  concurrency: 2,
  // Reuses the last run's results where neither the code nor its tests changed; scripts/
  // retrySurvivors.ts first drops the survivors, which Stryker would otherwise reuse unchecked.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // Equivalent mutants are not listed here but at their line, where a reader of the code meets
  // them: `// Stryker disable next-line <Mutator>: <why no test can tell>` (grep "Stryker disable").
  thresholds: { high: 90, low: 85, break: 85 },
};
