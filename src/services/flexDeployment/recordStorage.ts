import type { JournalRecovery } from './journalRecovery';

/** What the user is told about the stored records themselves: once, each time it happens. */
export interface StoreNotices {
  /** The journal was damaged and repaired: what came back, from where, and what could not. */
  journalRecovered(recovery: JournalRecovery): void;
  /** Stored records that failed validation were set aside (the reasons, one per record). */
  recordsQuarantined(reasons: readonly string[]): void;
  /** A change could not be written: tracked in this window, but not safe from a restart. */
  recordsNotSaved(reason: string): void;
}

/** The subset of vscode.Memento the tracker uses. */
export interface GlobalStateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}
