import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { runArmBench } from './arm';
import { runArmPagingBench } from './armPaging';
import { runBundleBench } from './bundle';
import { runBundleActivationBench } from './bundleActivation';
import { runCoreBench } from './core';
import { runCreateFormInteractiveBench } from './createFormInteractive';
import { runDetectionLatencyBench } from './detectionLatency';
import { runHistoryBench } from './history';

const RESULTS = 'bench-results.json';
/** Figures other commands write into the results file (npm run test:mutation): kept, not measured here. */
const KEPT = ['mutationScore'];

/** `npm run bench`: figures, not verdicts; also written to bench-results.json. */
async function main(): Promise<void> {
  const results: Record<string, number> = {
    ...(await runCoreBench(console.log)),
    ...(await runHistoryBench(console.log)),
    ...(await runArmBench(console.log)),
    ...(await runArmPagingBench(console.log)),
    ...(await runDetectionLatencyBench(console.log)),
    ...(await runBundleBench(console.log)),
    // After runBundleBench: it loads the dist/ bundles that `npm run package` built there.
    ...(await runBundleActivationBench(console.log)),
    // After runBundleBench too: it installs the .vsix that `npm run package` built.
    ...(await runCreateFormInteractiveBench(console.log)),
  };
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  console.log('');
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(width)}  ${value}`);
  writeFileSync(RESULTS, `${JSON.stringify({ ...kept(), ...results }, null, 2)}\n`);
  console.log(`\nwritten to ${RESULTS}`);
}

function kept(): Record<string, unknown> {
  if (!existsSync(RESULTS)) return {};
  const previous = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(KEPT.filter((key) => key in previous).map((key) => [key, previous[key]]));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
