import { chromium, type BrowserContext } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { chromiumPath } from './paths';
import { waitFor } from './waitFor';

const launchArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Debian's Chromium with a profile on disk: globalState lives in the browser's IndexedDB, so
 * "close VS Code and open it again" must keep this profile.
 */
export function launchBrowser(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: launchArgs,
    viewport: { width: 1400, height: 900 },
    reducedMotion: 'reduce',
  });
}

function browserPids(profileDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${profileDir}`)) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** A browser crash: SIGKILL to every Chromium process of this profile, nothing flushed. */
export async function killBrowser(profileDir: string): Promise<void> {
  for (const pid of browserPids(profileDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await waitFor('the browser to die', () => browserPids(profileDir).length === 0, 10_000);
}
