import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunDirs } from './runDirs';

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Everything an output channel has printed, in every extension host of the run (reloads and
 * restarts each start a new log folder): VS Code backs each channel with a file named after it.
 */
export function outputChannelText(dirs: RunDirs, channel: string): string {
  return filesUnder(join(dirs.userData, 'logs'))
    .filter((path) => path.endsWith(`-${channel}.log`) || path.endsWith(`/${channel}.log`))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .map((path) => readFileSync(path, 'utf8'))
    .join('');
}

/** The text the Output panel shows now (only the lines Monaco has rendered, top to bottom). */
export async function visibleOutputText(page: Page): Promise<string> {
  const lines = page.locator('.part.panel .output-view .view-lines, .part.panel .monaco-editor .view-lines').first();
  await lines.waitFor({ state: 'visible', timeout: 30_000 });
  return lines.innerText();
}
