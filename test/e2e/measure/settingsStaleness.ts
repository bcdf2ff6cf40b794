// Measures how long a second window's extension host keeps a stale view of a user setting after
// the first window wrote it, and whether a read-modify-write from that view loses the first write.
// Run: npx tsx test/e2e/measure/settingsStaleness.ts [trials, default 5]
// Uses the settings-probe fixture extension; prints one line per trial, then what a race, an edit
// made on disk and a reload do.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { applyEdits, modify, parse } from 'jsonc-parser';
import { startVsCode } from '../harness/vscodeSession';
import { packageFixtureExtension } from '../harness/fixtureExtension';
import { runCommand } from '../harness/palette';
import { waitFor } from '../harness/waitFor';
import { testResultsDir } from '../harness/paths';

const APPEND = 'Settings Probe: Append Entry';
const PATIENCE_MS = 60_000;

interface Line {
  at: number;
  entry?: string;
  value: string[];
}

function lines(file: string): Line[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line) : [];
}

function pidsActivated(dir: string): number[] {
  return readdirSync(dir).filter((f) => f.startsWith('activated-')).map((f) => Number(/\d+/.exec(f)![0]));
}

function onDisk(userData: string): string[] {
  const value = (parse(readFileSync(join(userData, 'User/settings.json'), 'utf8')) as Record<string, unknown>)['settingsProbe.entries'];
  return Array.isArray(value) ? (value as string[]) : [];
}

/** Appends from a window and returns the entry it wrote and when its write resolved. */
async function append(page: Page, probeDir: string, pid: number): Promise<Line> {
  const file = join(probeDir, `wrote-${pid}.jsonl`);
  const before = lines(file).length;
  await runCommand(page, APPEND);
  await waitFor('the append to resolve', () => lines(file).length > before, 30_000, 5);
  return lines(file)[before];
}

/** When (ms after `since`) the window's view first included the entry; undefined if not within PATIENCE_MS. */
async function seenAfter(probeDir: string, pid: number, entry: string, since: number): Promise<number | undefined> {
  const file = join(probeDir, `seen-${pid}.jsonl`);
  const found = () => lines(file).find((l) => l.value.includes(entry));
  try {
    await waitFor(`window ${pid} to see ${entry}`, () => found() !== undefined, PATIENCE_MS, 20);
  } catch {
    return undefined;
  }
  return found()!.at - since;
}

async function main(): Promise<void> {
  const trials = Number(process.argv[2] ?? 5);
  const outDir = join(testResultsDir, 'settings-staleness');
  mkdirSync(outDir, { recursive: true });
  const probeDir = mkdtempSync(join(tmpdir(), 'settings-probe-'));
  const vscode = await startVsCode({ name: 'settings-staleness-run', vsix: packageFixtureExtension('settings-probe', outDir), env: { SETTINGS_PROBE_DIR: probeDir } });
  try {
    await waitFor('the first window to activate', () => pidsActivated(probeDir).length === 1, 60_000);
    const [first] = pidsActivated(probeDir);
    const secondPage = await vscode.openWindow();
    await waitFor('the second window to activate', () => pidsActivated(probeDir).length === 2, 60_000);
    const second = pidsActivated(probeDir).find((p) => p !== first)!;
    const settingsFile = join(vscode.dirs.userData, 'User/settings.json');
    const windows = [{ page: vscode.page, pid: first, name: 'first' }, { page: secondPage, pid: second, name: 'second' }];

    for (let trial = 1; trial <= trials; trial++) {
      const [writer, reader] = trial % 2 ? windows : [...windows].reverse();
      const inodeBefore = statSync(settingsFile).ino;
      const wrote = await append(writer.page, probeDir, writer.pid);
      const replaced = statSync(settingsFile).ino !== inodeBefore;
      const diskMs = onDisk(vscode.dirs.userData).includes(wrote.entry!) ? 0 : undefined;
      const lag = await seenAfter(probeDir, reader.pid, wrote.entry!, wrote.at);
      console.log(`trial ${trial}: ${writer.name} wrote ${wrote.entry}; on disk when resolved: ${diskMs === 0}; file ${replaced ? 'replaced' : 'written in place'}; ` +
        `${reader.name} saw it after ${lag === undefined ? `> ${PATIENCE_MS} ms (never)` : `${lag} ms`}`);
    }

    // The lost update: the second window appends right after the first one's write resolved.
    const raced = await append(windows[0].page, probeDir, first);
    const after = await append(windows[1].page, probeDir, second);
    const kept = onDisk(vscode.dirs.userData);
    console.log(`race: first wrote ${raced.entry}, second wrote ${after.entry} ${after.at - raced.at} ms later from a view of ` +
      `${JSON.stringify(after.value.slice(0, -1))}; on disk now ${JSON.stringify(kept)} → ${kept.includes(raced.entry!) ? 'kept' : 'LOST'}`);

    // An edit made on disk (as a person editing settings.json would, or another VS Code process).
    const edited = [...kept, 'edited-on-disk'];
    const text = readFileSync(settingsFile, 'utf8');
    writeFileSync(settingsFile, applyEdits(text, modify(text, ['settingsProbe.entries'], edited, {})));
    const editedAt = Date.now();
    for (const w of windows) {
      const lag = await seenAfter(probeDir, w.pid, 'edited-on-disk', editedAt);
      console.log(`disk edit: ${w.name} saw it after ${lag === undefined ? `> ${PATIENCE_MS} ms (never)` : `${lag} ms`}`);
    }

    // A reload starts a new extension host: does it read the file as it is now?
    await vscode.reload(secondPage);
    await waitFor('the reloaded window to activate', () => pidsActivated(probeDir).length === 3, 60_000);
    const reloaded = pidsActivated(probeDir).find((p) => p !== first && p !== second)!;
    const initial = lines(join(probeDir, `seen-${reloaded}.jsonl`))[0]?.value ?? [];
    console.log(`after Reload Window the second window's view is ${JSON.stringify(initial)}; on disk ${JSON.stringify(onDisk(vscode.dirs.userData))}`);
  } finally {
    await vscode.close();
    rmSync(probeDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
