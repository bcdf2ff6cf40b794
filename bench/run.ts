import { writeFileSync } from 'node:fs';
import { runArmBench } from './arm';
import { runBundleBench } from './bundle';
import { runCoreBench } from './core';

/** `npm run bench`: figures, not verdicts; also written to bench-results.json. */
async function main(): Promise<void> {
  const results: Record<string, number> = { ...(await runCoreBench(console.log)), ...(await runArmBench(console.log)), ...(await runBundleBench(console.log)) };
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  for (const [key, value] of Object.entries(results)) console.log(`${key.padEnd(width)}  ${value}`);
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten to bench-results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
