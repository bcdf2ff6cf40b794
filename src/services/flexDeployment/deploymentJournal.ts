import { join } from 'node:path';
import { createCrossWindowLock, type CrossWindowLock } from '../../storage/crossWindowLock';
import { readRecord, type DeploymentRecord } from './deploymentRecord';
import { HistoryLog, type HistoryLine } from './historyLog';
import { ActiveJournal } from './activeJournal';
import { nodeJournalFiles, type JournalFiles } from './journalFiles';
import { watchJournal } from './journalWatch';
import type { GlobalStateLike, StoreNotices } from './recordStorage';
import { belongsInActive, isSettledItem } from './recordPlacement';
import { recordQuarantine, reportUnreadableHistory, type QuarantinedRecord, type StoreReport } from './quarantine';

/**
 * The authoritative store of deployment records, in `globalStorageUri` (shared by all windows),
 * written under a cross-window lock and fsynced:
 * - the active journal, `flexDeployments.json`: what activation acts on — deployments not finished,
 *   and failures within the 24 hours their notification is repeated — rewritten whole on each
 *   change, and mirrored into globalState under the spec's key;
 * - the history, `flexDeploymentsHistory.jsonl`: settled records, appended (historyLog.ts).
 * So a write costs the same whatever the history's size, and a window that looks for other
 * windows' changes reads nothing when neither file changed.
 *
 * Why not globalState alone: it is one blob per extension, replaced whole when another window
 * writes, so two windows' read-modify-write can lose records; and a resolved `update()` was measured
 * to be lost by a SIGKILL right after it. The active journal is durable before ARM is called, and
 * every write re-reads both files under the lock and changes only the records the writer names.
 */
export interface JournalChange {
  upserts?: readonly DeploymentRecord[];
  deletes?: readonly string[];
}

export interface JournalContents {
  /** The active journal's records, validated. */
  records: DeploymentRecord[];
  /** Records written by a newer build: kept untouched, not tracked here. */
  newer: number;
}

export interface HistoryRecord {
  stagingId: string;
  terminalAt: number;
  raw: unknown;
}

/** What changed since this window last looked: other windows' writes (its own it knows). */
export interface JournalChanges {
  upserts: DeploymentRecord[];
  deletes: string[];
}

const JOURNAL_FILE = 'flexDeployments.json';
const HISTORY_FILE = 'flexDeploymentsHistory.jsonl';
/** Compact the history once this many of its lines say nothing any more (and they outnumber the live ones). */
const COMPACT_AFTER_STALE_LINES = 500;

export class DeploymentJournal {
  private readonly active: ActiveJournal;
  private readonly history: HistoryLog;
  private readonly report: StoreReport;
  private readonly lock: CrossWindowLock;
  private readonly files: JournalFiles;
  private readonly now: () => number;

  /** Staging ids another window may have changed since changes() last reported. */
  private unreported = new Set<string>();
  private historyRead = false;
  private toldNotSaved = false;

  constructor(
    readonly directory: string,
    private readonly globalState: GlobalStateLike,
    options: {
      log: (message: string) => void;
      notices: StoreNotices;
      now?: () => number;
      /** The file system and the cross-window lock: real by default, breakable in the crash tests. */
      files?: JournalFiles;
      lock?: CrossWindowLock;
    },
  ) {
    this.report = { log: options.log, notices: options.notices };
    this.files = options.files ?? nodeJournalFiles;
    this.now = options.now ?? Date.now;
    this.active = new ActiveJournal(join(directory, JOURNAL_FILE), this.files, globalState, { ...this.report, now: this.now });
    this.history = new HistoryLog(join(directory, HISTORY_FILE), this.files);
    this.lock = options.lock ?? createCrossWindowLock(directory, JOURNAL_FILE, options.log);
  }

  /**
   * Activation's read: the active journal validated (invalid records quarantined, schema-1 ones
   * migrated, records that belong in the history moved there). The history, which activation acts
   * on none of, is read after it (loadHistory): its size costs activation nothing.
   */
  load(): Promise<JournalContents> {
    return this.exclusive(async () => {
      await this.active.refresh();
      this.unreported.clear(); // activation takes everything as it is now
      const records: DeploymentRecord[] = [];
      const quarantined: QuarantinedRecord[] = [];
      let newer = 0;
      let migrated = 0;
      for (const [id, item] of this.active.entries()) {
        const reading = readRecord(item);
        if (reading.kind === 'invalid') {
          quarantined.push({ at: this.now(), reason: reading.reason, record: item });
          this.active.delete(id);
        } else if (reading.kind === 'newer') {
          newer++;
        } else {
          if (reading.migratedFrom !== undefined) migrated++;
          this.active.set(id, reading.record);
          records.push(reading.record);
        }
      }
      await recordQuarantine(this.globalState, this.report, quarantined);
      if (migrated) this.report.log(`Migrated ${migrated} deployment record(s) to schema 2.`);
      const moved = this.settledOutOfActive();
      if (quarantined.length || migrated || moved.length) {
        await this.refreshHistory(); // appended to: known up to its end first
        await this.write(moved);
      }
      return { records: records.filter((r) => this.active.has(r.stagingId)), newer };
    });
  }

  /**
   * The settled history as stored, but for what the active journal also holds, not validated yet:
   * read after activation, which validates it then (readRecord). What the history holds when this
   * window first reads it is taken as it is: changes() reports only what changes after.
   */
  loadHistory(): Promise<HistoryRecord[]> {
    return this.exclusive(async () => {
      await this.refresh();
      return this.history.items().flatMap((raw) => {
        const stagingId = (raw as { stagingId: string }).stagingId;
        return this.active.has(stagingId) ? [] : [{ stagingId, terminalAt: terminalAtOf(raw), raw }];
      });
    });
  }

  /**
   * What other windows changed since this window last looked: nothing is read when neither file
   * changed, and only what changed is validated. Records that fail validation are quarantined.
   */
  changes(): Promise<JournalChanges> {
    return this.exclusive(async () => {
      await this.refresh();
      const touched = this.unreported;
      this.unreported = new Set();
      // Every touched record as it is now; the caller keeps what it already knew unchanged.
      const upserts: DeploymentRecord[] = [];
      const deletes: string[] = [];
      const invalid = new Map<string, QuarantinedRecord>();
      for (const id of touched) {
        const item = this.current(id);
        if (item === undefined) {
          deletes.push(id);
          continue;
        }
        const reading = readRecord(item);
        if (reading.kind === 'valid') upserts.push(reading.record);
        else if (reading.kind === 'invalid') invalid.set(id, { at: this.now(), reason: reading.reason, record: item });
      }
      await this.removeInvalid(invalid);
      return { upserts, deletes };
    });
  }

  /** The stored record of one deployment now (a user acts on a deployment another window wrote). */
  async latest(stagingId: string): Promise<DeploymentRecord | undefined> {
    await this.changes();
    const reading = readRecord(this.current(stagingId));
    return reading.kind === 'valid' ? reading.record : undefined;
  }

  /**
   * Moves records found invalid after loading (the history, validated after activation) out of the
   * journal — those still in it: another load may have moved them already, and a record is
   * quarantined, logged and reported exactly once.
   */
  quarantine(items: readonly { stagingId: string; reason: string }[]): Promise<void> {
    return this.exclusive(async () => {
      await this.refresh();
      const invalid = new Map<string, QuarantinedRecord>();
      for (const { stagingId, reason } of items) {
        const item = this.current(stagingId);
        if (item !== undefined && readRecord(item).kind === 'invalid') invalid.set(stagingId, { at: this.now(), reason, record: item });
      }
      await this.removeInvalid(invalid);
    });
  }

  /** Applies the writer's own changes to the latest contents, durably; says once if it cannot. */
  commit(change: JournalChange): Promise<void> {
    return this.exclusive(async () => {
      await this.refresh();
      const historyLines: HistoryLine[] = [];
      // Stryker disable next-line ArrayDeclaration: deleting a staging id that no record has changes nothing in either file
      for (const id of change.deletes ?? []) {
        this.active.delete(id);
        if (this.history.has(id)) historyLines.push({ stagingId: id });
      }
      for (const record of change.upserts ?? []) {
        if (belongsInActive(record, this.now())) {
          this.active.set(record.stagingId, record);
          if (this.history.has(record.stagingId)) historyLines.push({ stagingId: record.stagingId });
        } else {
          this.active.delete(record.stagingId);
          historyLines.push({ stagingId: record.stagingId, item: record });
        }
      }
      await this.write([...historyLines, ...this.settledOutOfActive()]);
    }).catch((error: unknown) => {
      if (!this.toldNotSaved) this.report.notices.recordsNotSaved(String(error));
      this.toldNotSaved = true;
      throw error;
    });
  }

  /** Rewrites the history without what no longer counts, when that is most of it; off the activation path. */
  compactHistory(): Promise<void> {
    return this.exclusive(async () => {
      await this.refresh();
      if (this.history.staleLines < Math.max(COMPACT_AFTER_STALE_LINES, this.history.size)) return;
      const stale = this.history.staleLines;
      await this.history.compact();
      this.report.log(`Compacted the deployment history: ${stale} line(s) that no longer counted were dropped.`);
    });
  }

  /** Calls back when another window may have written the journal (journalWatch.ts). */
  watch(listener: () => void): { dispose(): void } {
    const journalIsOwn = async () => this.active.isOwn(await this.files.version(this.active.path));
    return watchJournal(this.directory, { journal: JOURNAL_FILE, history: HISTORY_FILE }, journalIsOwn, this.report.log, listener);
  }

  /** Both files up to date with the disk; what other windows changed is noted for changes(). */
  private async refresh(): Promise<void> {
    for (const id of await this.active.refresh()) this.unreported.add(id);
    await this.refreshHistory();
  }

  private async refreshHistory(): Promise<void> {
    const { touched, unreadable } = await this.history.refresh();
    reportUnreadableHistory(this.report, unreadable);
    // Its first read is no news: activation takes the history as it then is (loadHistory).
    if (this.historyRead) for (const id of touched) this.unreported.add(id);
    this.historyRead = true;
  }

  /** The stored item of a staging id: the active journal's, else the history's. */
  private current(stagingId: string): unknown {
    return this.active.get(stagingId) ?? this.history.get(stagingId);
  }

  /** Settled records in the active journal past the notification window: moved to the history. */
  private settledOutOfActive(): HistoryLine[] {
    const now = this.now();
    const moved: HistoryLine[] = [];
    for (const [stagingId, item] of this.active.entries()) {
      if (isSettledItem(item) && !belongsInActive(item as DeploymentRecord, now)) {
        moved.push({ stagingId, item });
        this.active.delete(stagingId);
      }
    }
    return moved;
  }

  /**
   * Takes invalid records out of both files, by the key each has there (an item without a staging id
   * has a key of its own in the active journal); writes nothing when there are none.
   */
  private async removeInvalid(invalid: ReadonlyMap<string, QuarantinedRecord>): Promise<void> {
    if (!invalid.size) return;
    for (const id of invalid.keys()) this.active.delete(id);
    await recordQuarantine(this.globalState, this.report, [...invalid.values()]);
    await this.write([...invalid.keys()].filter((id) => this.history.has(id)).map((stagingId) => ({ stagingId })));
  }

  /**
   * History lines first, then the active journal (and its globalState copy): a crash between them
   * leaves a record in both files, and the active journal's copy wins (current()). The active
   * journal is not rewritten when only the history changed.
   */
  private async write(historyLines: readonly HistoryLine[]): Promise<void> {
    await this.history.append(historyLines);
    await this.active.write();
  }

  /** One writer at a time in this process and across windows. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.run(work);
  }
}

function terminalAtOf(raw: unknown): number {
  const r = raw as { terminalAt?: unknown; createdAt?: unknown };
  return typeof r.terminalAt === 'number' ? r.terminalAt : typeof r.createdAt === 'number' ? r.createdAt : 0;
}
