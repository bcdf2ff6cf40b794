import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * `npm run test:mutation`, after Stryker: the mutation score of its JSON report into
 * bench-results.json as `mutationScore`, beside whatever figures `npm run bench` left there.
 */

const REPORT = 'reports/mutation/mutation.json';
const RESULTS = 'bench-results.json';

/** Stryker's definition: mutants the tests detected, over every mutant that could be run. */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

interface MutationReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

function mutationScore(report: MutationReport): number {
  let detected = 0;
  let valid = 0;
  for (const { mutants } of Object.values(report.files)) {
    for (const { status } of mutants) {
      if (DETECTED.has(status)) detected++;
      if (DETECTED.has(status) || UNDETECTED.has(status)) valid++;
    }
  }
  if (valid === 0) throw new Error(`${REPORT} holds no mutant the tests could run.`);
  return Math.round((detected / valid) * 10_000) / 100;
}

function main(): void {
  const score = mutationScore(JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport);
  const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, mutationScore: score }, null, 2)}\n`);
  console.log(`mutationScore ${score} written to ${RESULTS}`);
}

main();
