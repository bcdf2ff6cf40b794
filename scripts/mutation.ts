import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { MUTATION_BREAK, MUTATION_GROUPS, mutationFiles } from './mutationGroups.mjs';

/**
 * `npm run test:mutation [group…]`: Stryker over each group in turn (all by default), then the
 * mutation score of every group's last report into bench-results.json as `mutationScore`, beside
 * whatever figures `npm run bench` left there. Fails when a group or the whole scores under the
 * break threshold.
 */

const RESULTS = 'bench-results.json';

/** Stryker's definition: mutants the tests detected, over every mutant that could be run. */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
/**
 * Stryker's incremental mode reuses a survivor's result when it cannot see a change in the tests
 * covering it — always for a static mutant (it has no per-test coverage), and for a test
 * strengthened under the same name — which would report mutants that a new test kills as still
 * alive: they are forgotten before each run. Killed and timed-out results are reused as Stryker
 * decides.
 */
const RETRIED = UNDETECTED;

type Group = keyof typeof MUTATION_GROUPS;

interface MutantReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

function readReport(path: string): MutantReport {
  return JSON.parse(readFileSync(path, 'utf8')) as MutantReport;
}

function forgetSurvivors(incrementalFile: string): number {
  if (!existsSync(incrementalFile)) return 0;
  const report = readReport(incrementalFile);
  let forgotten = 0;
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter((m) => !RETRIED.has(m.status));
    forgotten += file.mutants.length - kept.length;
    file.mutants = kept;
  }
  writeFileSync(incrementalFile, JSON.stringify(report));
  return forgotten;
}

interface Tally {
  detected: number;
  valid: number;
}

function tally(report: MutantReport): Tally {
  const counts: Tally = { detected: 0, valid: 0 };
  for (const { mutants } of Object.values(report.files)) {
    for (const { status } of mutants) {
      if (DETECTED.has(status)) counts.detected++;
      if (DETECTED.has(status) || UNDETECTED.has(status)) counts.valid++;
    }
  }
  return counts;
}

const percent = ({ detected, valid }: Tally) => Math.round((detected / valid) * 10_000) / 100;

function runGroup(group: Group): boolean {
  const { incremental } = mutationFiles(group);
  console.log(`\n== mutation group '${group}': ${forgetSurvivors(incremental)} surviving mutant(s) of its last run will be run again.`);
  const run = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, PGFLEX_MUTATION_GROUP: group } });
  return run.status === 0;
}

function main(): void {
  const all = Object.keys(MUTATION_GROUPS) as Group[];
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !all.includes(name as Group));
  if (unknown.length > 0) throw new Error(`No mutation group ${unknown.join(', ')}: the groups are ${all.join(', ')}.`);
  const groups = asked.length > 0 ? (asked as Group[]) : all;
  const failed = groups.filter((group) => !runGroup(group));

  const total: Tally = { detected: 0, valid: 0 };
  const byGroup: Record<string, number> = {};
  const missing: Group[] = [];
  for (const group of all) {
    const { json } = mutationFiles(group);
    if (!existsSync(json)) {
      missing.push(group);
      continue;
    }
    const counts = tally(readReport(json));
    byGroup[group] = percent(counts);
    total.detected += counts.detected;
    total.valid += counts.valid;
  }
  if (total.valid === 0) throw new Error('No mutation report holds a mutant the tests could run.');
  const score = percent(total);
  const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, mutationScore: score, mutationScoreByGroup: byGroup }, null, 2)}\n`);
  console.log(`mutationScore ${score} (${total.detected} of ${total.valid} mutants detected; by group ${JSON.stringify(byGroup)}) written to ${RESULTS}`);
  if (missing.length > 0) console.log(`No report yet for ${missing.join(', ')}: the score leaves them out.`);
  if (failed.length > 0 || score < MUTATION_BREAK || missing.length > 0) process.exit(1);
}

main();
