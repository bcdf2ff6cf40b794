import { join } from 'node:path';
import { storedRecords } from '../../support/storedRecords';
import type { RunDirs } from '../harness/runDirs';

/**
 * The tracker's records as a new window would read them from global storage (shared by all
 * windows: the active journal and the settled history): the durable records behind the
 * Deployments view.
 */
function journalRecords(dirs: RunDirs) {
  return storedRecords(join(dirs.userData, 'User/globalStorage/pgflex.pgflex'));
}

/** The server names in the tracker's records. */
export function journalServerNames(dirs: RunDirs): string[] {
  return [...new Set(journalRecords(dirs).map((r) => r.serverName))];
}

/** Each record's machine state by server name ('succeeded.dashboardOpened', …). */
export function journalStates(dirs: RunDirs): Record<string, string> {
  return Object.fromEntries(journalRecords(dirs).map((r) => [r.serverName, r.state]));
}
