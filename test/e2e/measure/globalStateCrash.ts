// Measures whether a resolved `globalState.update` survives a crash right after it resolved.
// Run: npx tsx test/e2e/measure/globalStateCrash.ts [trials per variant, default 5]
// Uses the state-probe fixture extension; prints one line per trial and a summary table.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVsCode } from '../harness/vscodeSession';
import { packageFixtureExtension } from '../harness/fixtureExtension';
import { runCommand } from '../harness/palette';
import { waitFor } from '../harness/waitFor';
import { testResultsDir } from '../harness/paths';

interface Variant {
  name: string;
  killBrowserToo: boolean;
  delayMs: number;
}

const variants: Variant[] = [
  { name: 'code-server killed at once, browser kept', killBrowserToo: false, delayMs: 0 },
  { name: 'code-server and browser killed at once', killBrowserToo: true, delayMs: 0 },
  { name: 'code-server and browser killed after 1 s', killBrowserToo: true, delayMs: 1_000 },
];

function activations(probeDir: string): string[] {
  return readdirSync(probeDir).filter((f) => f.startsWith('activated-'));
}

async function nextActivation(probeDir: string, seen: Set<string>): Promise<number> {
  let fresh: string | undefined;
  await waitFor('the probe to activate', () => {
    fresh = activations(probeDir).find((f) => !seen.has(f));
    return fresh !== undefined;
  }, 60_000, 20);
  seen.add(fresh!);
  return (JSON.parse(readFileSync(join(probeDir, fresh!), 'utf8')) as { counter: number }).counter;
}

async function main(): Promise<void> {
  const trials = Number(process.argv[2] ?? 5);
  const outDir = join(testResultsDir, 'globalstate-crash');
  mkdirSync(outDir, { recursive: true });
  const vsix = packageFixtureExtension('state-probe', outDir);
  const summary: string[] = [];

  for (const [index, variant] of variants.entries()) {
    const probeDir = mkdtempSync(join(tmpdir(), 'state-probe-'));
    const vscode = await startVsCode({ name: `globalstate-crash-${index + 1}`, vsix, env: { STATE_PROBE_DIR: probeDir } });
    const seen = new Set<string>();
    let counter = await nextActivation(probeDir, seen);
    let kept = 0;
    for (let trial = 1; trial <= trials; trial++) {
      const written = join(probeDir, 'written.json');
      rmSync(written, { force: true });
      await runCommand(vscode.page, 'State Probe: Write Counter');
      await waitFor('the write to resolve', () => existsSync(written), 30_000, 5);
      const wrote = (JSON.parse(readFileSync(written, 'utf8')) as { counter: number }).counter;
      if (variant.delayMs) await new Promise((r) => setTimeout(r, variant.delayMs));
      await vscode.crashAndRestart({ browserToo: variant.killBrowserToo });
      counter = await nextActivation(probeDir, seen);
      const survived = counter === wrote;
      if (survived) kept++;
      console.log(`${variant.name} · trial ${trial}: wrote ${wrote}, read back ${counter} → ${survived ? 'kept' : 'LOST'}`);
    }
    summary.push(`${variant.name}: kept ${kept} of ${trials}`);
    await vscode.close();
    rmSync(probeDir, { recursive: true, force: true });
  }
  console.log(`\n${summary.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
