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
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  thresholds: { high: 90, low: 85, break: 85 },
};
