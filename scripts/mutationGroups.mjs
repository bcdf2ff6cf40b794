// @ts-check

const MACHINE = ['machines/flexDeployment/deployment*.ts', 'machines/flexDeployment/stagedFlexProfile.ts', 'machines/flexDeployment/provisioningStages.ts'];
const JOURNAL = ['src/services/flexDeployment/*Journal*.ts', 'src/services/flexDeployment/journal*.ts', 'src/services/flexDeployment/coalescedWrites.ts', 'src/services/flexDeployment/historyLog.ts'];
/** A folder's files but those another group mutates. */
const except = (/** @type {string} */ folder, /** @type {string[]} */ taken) => [folder, ...taken.map((pattern) => `!${pattern}`)];

/**
 * The mutated files, in groups Stryker runs one after another, each with its own incremental file
 * and report (scripts/mutation.ts): a run stopped midway keeps every group it finished, and the
 * committed incremental files make the next run reuse every result whose code and tests are
 * unchanged. A group is sized to end within a working session on a cold start.
 */
export const MUTATION_GROUPS = {
  machine: MACHINE,
  domain: except('machines/**/*.ts', MACHINE),
  journal: JOURNAL,
  tracker: except('src/services/flexDeployment/**/*.ts', JOURNAL),
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
