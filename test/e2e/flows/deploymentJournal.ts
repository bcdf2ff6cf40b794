import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunDirs } from '../harness/runDirs';

/**
 * The server names in the tracker's journal (globalStorageUri/flexDeployments.json, shared by all
 * windows): the durable record behind the Deployments view.
 */
export function journalServerNames(dirs: RunDirs): string[] {
  const text = journalText(dirs);
  if (text === undefined) return [];
  return [...text.matchAll(/"serverName"\s*:\s*"([^"]+)"/g)].map((m) => m[1]).filter((v, i, all) => all.indexOf(v) === i);
}

/** Each journal record's machine state by server name ('succeeded.dashboardOpened', …). */
export function journalStates(dirs: RunDirs): Record<string, string> {
  const text = journalText(dirs);
  if (text === undefined) return {};
  // Written by rename: never read half-written.
  const { records = [] } = JSON.parse(text) as { records?: { serverName: string; state: string }[] };
  return Object.fromEntries(records.map((r) => [r.serverName, r.state]));
}

function journalText(dirs: RunDirs): string | undefined {
  try {
    return readFileSync(join(dirs.userData, 'User/globalStorage/pgflex.pgflex/flexDeployments.json'), 'utf8');
  } catch {
    return undefined;
  }
}
