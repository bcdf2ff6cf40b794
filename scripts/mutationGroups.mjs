// @ts-check

/**
 * The mutated files, in groups Stryker runs one after another, each with its own incremental file
 * and report (scripts/mutation.ts): a run stopped midway keeps every group it finished, and the
 * committed incremental files make the next run reuse every result whose code and tests are
 * unchanged. A group is sized to end within a working session on a cold start.
 */
export const MUTATION_GROUPS = {
  machine: ['machines/flexDeployment/deployment*.ts', 'machines/flexDeployment/stagedFlexProfile.ts', 'machines/flexDeployment/provisioningStages.ts'],
  domain: ['machines/**/*.ts', '!machines/flexDeployment/deployment*.ts', '!machines/flexDeployment/stagedFlexProfile.ts', '!machines/flexDeployment/provisioningStages.ts'],
  journal: ['src/services/flexDeployment/*Journal*.ts', 'src/services/flexDeployment/journal*.ts', 'src/services/flexDeployment/coalescedWrites.ts', 'src/services/flexDeployment/historyLog.ts'],
  tracker: [
    'src/services/flexDeployment/**/*.ts',
    '!src/services/flexDeployment/*Journal*.ts',
    '!src/services/flexDeployment/journal*.ts',
    '!src/services/flexDeployment/coalescedWrites.ts',
    '!src/services/flexDeployment/historyLog.ts',
  ],
  edges: [
    'src/azure/armDeploymentReader.ts',
    'src/azure/armErrors.ts',
    'src/connections/connectionStore.ts',
    'src/connections/sharedConnectionsSetting.ts',
    'src/connections/userSettingsFile.ts',
    'src/createServer/offeredChoices.ts',
  ],
};

/** Where a group's incremental file and reports live. */
export function mutationFiles(/** @type {string} */ name) {
  return { incremental: `reports/stryker-incremental-${name}.json`, json: `reports/mutation/${name}.json`, html: `reports/mutation/${name}.html` };
}

/** The mutation score under which `npm run test:mutation` fails, for a group and for the whole. */
export const MUTATION_BREAK = 85;
