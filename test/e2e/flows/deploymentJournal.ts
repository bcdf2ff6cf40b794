import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunDirs } from '../harness/runDirs';

/**
 * The server names in the tracker's journal (globalStorageUri/flexDeployments.json, shared by all
 * windows): the durable record behind the Deployments view.
 */
export function journalServerNames(dirs: RunDirs): string[] {
  let text: string;
  try {
    text = readFileSync(join(dirs.userData, 'User/globalStorage/pgflex.pgflex/flexDeployments.json'), 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/"serverName"\s*:\s*"([^"]+)"/g)].map((m) => m[1]).filter((v, i, all) => all.indexOf(v) === i);
}
