import type { GlobalStateLike, StoreNotices } from './recordStorage';
import { QUARANTINE_KEY } from './storageKeys';

/** A stored record that failed validation: set aside in globalState, never acted on, never lost. */
export interface QuarantinedRecord {
  at: number;
  reason: string;
  record: unknown;
}

/** Where the store logs, and what it tells the user. */
export interface StoreReport {
  log: (message: string) => void;
  notices: StoreNotices;
}

/** Adds records to the quarantine list (after what earlier ones set aside); each is logged, and the user is told once. */
export async function recordQuarantine(globalState: GlobalStateLike, report: StoreReport, quarantined: readonly QuarantinedRecord[]): Promise<void> {
  if (!quarantined.length) return;
  for (const q of quarantined) report.log(`Quarantined a stored deployment record (${q.reason}); the others loaded.`);
  const previous = globalState.get<QuarantinedRecord[]>(QUARANTINE_KEY) ?? [];
  await globalState.update(QUARANTINE_KEY, [...(Array.isArray(previous) ? previous : []), ...quarantined]);
  report.notices.recordsQuarantined(quarantined.map((q) => q.reason));
}

/** Lines of the history that could not be read: said once, by the window that found them first. */
export function reportUnreadableHistory(report: StoreReport, unreadable: readonly { stagingId?: string }[]): void {
  if (!unreadable.length) return;
  const ids = unreadable.some((u) => u.stagingId) ? ` (${unreadable.map((u) => u.stagingId ?? '?').join(', ')})` : '';
  report.log(`${unreadable.length} line(s) of the deployment history could not be read${ids}.`);
  report.notices.recordsQuarantined(unreadable.map((u) => `an unreadable history line${u.stagingId ? ` of ${u.stagingId}` : ''}`));
}
