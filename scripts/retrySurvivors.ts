import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Before `stryker run`: the incremental file forgets every mutant that survived or had no
 * coverage, so each is run again. Stryker's incremental mode reuses a survivor's result when it
 * cannot see a change in the tests covering it — always for a static mutant (it has no per-test
 * coverage), and for a test strengthened under the same name — which would report mutants that a
 * new test kills as still alive. Killed and timed-out results are reused as Stryker decides.
 */

const INCREMENTAL = 'reports/stryker-incremental.json';
const RETRIED = new Set(['Survived', 'NoCoverage']);

interface IncrementalReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

function main(): void {
  if (!existsSync(INCREMENTAL)) return;
  const report = JSON.parse(readFileSync(INCREMENTAL, 'utf8')) as IncrementalReport;
  let retried = 0;
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter((m) => !RETRIED.has(m.status));
    retried += file.mutants.length - kept.length;
    file.mutants = kept;
  }
  writeFileSync(INCREMENTAL, JSON.stringify(report));
  console.log(`${retried} surviving mutant(s) of the last run will be run again.`);
}

main();
