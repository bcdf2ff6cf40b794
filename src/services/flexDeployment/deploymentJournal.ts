import { watch } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { nodeJournalFiles, type JournalFiles } from './journalFiles';
import { join } from 'node:path';
import { createCrossWindowLock, type CrossWindowLock } from '../../storage/crossWindowLock';
import { CURRENT_SCHEMA_VERSION, readRecord, type DeploymentRecord } from './deploymentRecord';
import { mergeNewest, salvageRecords } from './journalRecovery';
import type { GlobalStateLike, StoreNotices } from './ports';
import { QUARANTINE_KEY, STAGED_PROFILES_KEY } from './storageKeys';

/**
 * The authoritative store of deployment records: a JSON file in `globalStorageUri`, written under a
 * cross-process lock, fsynced, then mirrored into globalState under the spec's key.
 *
 * Why not globalState alone: it is one blob per extension, replaced whole when another window
 * writes, so two windows' read-modify-write can lose records; and a resolved `update()` was measured
 * to be lost by a SIGKILL right after it. The file is durable before ARM is called, and every write
 * re-reads it under the lock and changes only the records the writer names.
 */
export interface JournalChange {
  upserts?: readonly DeploymentRecord[];
  deletes?: readonly string[];
}

export interface JournalContents {
  records: DeploymentRecord[];
  /** Records written by a newer build: kept untouched, not tracked here. */
  newer: number;
  /** Settled history, not validated yet (see LoadOptions). */
  deferred: DeferredRecord[];
}

export interface LoadOptions {
  /**
   * Records that settled before this time are nothing activation acts on: they are returned
   * unvalidated, for the caller to validate after activation (readRecord) and quarantine if bad.
   */
  deferSettledBefore?: number;
}

export interface DeferredRecord {
  stagingId: string;
  terminalAt: number;
  raw: unknown;
}

const SETTLED_STATES: ReadonlySet<unknown> = new Set(['failed', 'succeeded.profileCreated', 'succeeded.dashboardOpened']);

interface QuarantinedRecord {
  at: number;
  reason: string;
  record: unknown;
}

const JOURNAL_FILE = 'flexDeployments.json';

export class DeploymentJournal {
  private readonly file: string;
  private lastOwnWrite: string | undefined;
  private toldNotSaved = false;

  private readonly log: (message: string) => void;
  private readonly lock: CrossWindowLock;
  private readonly files: JournalFiles;
  private readonly notices: StoreNotices;
  private readonly now: () => number;

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
    this.file = join(directory, JOURNAL_FILE);
    this.log = options.log;
    this.files = options.files ?? nodeJournalFiles;
    this.lock = options.lock ?? createCrossWindowLock(directory, JOURNAL_FILE, options.log);
    this.notices = options.notices;
    this.now = options.now ?? Date.now;
  }

  /** Reads every record, moving invalid ones to quarantine and writing migrated ones back once. */
  load(options: LoadOptions = {}): Promise<JournalContents> {
    return this.exclusive(async () => {
      const raw = await this.readRaw();
      const records: DeploymentRecord[] = [];
      const deferred: DeferredRecord[] = [];
      const quarantined: QuarantinedRecord[] = [];
      const kept: unknown[] = [];
      let newer = 0;
      let migrated = 0;
      for (const item of raw) {
        const settled = options.deferSettledBefore === undefined ? undefined : settledBefore(item, options.deferSettledBefore);
        if (settled) {
          deferred.push(settled);
          kept.push(item);
          continue;
        }
        const reading = readRecord(item);
        if (reading.kind === 'invalid') {
          quarantined.push({ at: this.now(), reason: reading.reason, record: item });
          continue;
        }
        if (reading.kind === 'newer') {
          newer++;
          kept.push(item);
          continue;
        }
        if (reading.migratedFrom !== undefined) migrated++;
        records.push(reading.record);
        kept.push(reading.record);
      }
      await this.recordQuarantine(quarantined);
      if (quarantined.length || migrated) {
        if (migrated) this.log(`Migrated ${migrated} deployment record(s) to schema 2.`);
        await this.write(kept);
      }
      return { records, newer, deferred };
    });
  }

  /**
   * Moves records found invalid after loading (deferred history) out of the journal — those still
   * in it: another load (this window's or another's) may have moved them already, and a record is
   * quarantined, logged and reported exactly once.
   */
  quarantine(items: readonly { stagingId: string; reason: string }[]): Promise<void> {
    return this.exclusive(async () => {
      const reasons = new Map(items.map((i) => [i.stagingId, i.reason]));
      const raw = await this.readRaw();
      const moved = raw.filter((item) => reasons.has(stagingIdOf(item) ?? '') && readRecord(item).kind === 'invalid');
      if (!moved.length) return;
      await this.recordQuarantine(moved.map((item) => ({ at: this.now(), reason: reasons.get(stagingIdOf(item)!)!, record: item })));
      await this.write(raw.filter((item) => !moved.includes(item)));
    });
  }

  private async recordQuarantine(quarantined: readonly QuarantinedRecord[]): Promise<void> {
    if (!quarantined.length) return;
    for (const q of quarantined) this.log(`Quarantined a stored deployment record (${q.reason}); the others loaded.`);
    const previous = this.globalState.get<QuarantinedRecord[]>(QUARANTINE_KEY) ?? [];
    await this.globalState.update(QUARANTINE_KEY, [...(Array.isArray(previous) ? previous : []), ...quarantined]);
    this.notices.recordsQuarantined(quarantined.map((q) => q.reason));
  }

  /** Applies the writer's own changes to the latest contents, durably; says once if it cannot. */
  commit(change: JournalChange): Promise<void> {
    return this.exclusive(async () => {
      const items = await this.readRaw();
      const deletes = new Set(change.deletes ?? []);
      const upserts = new Map((change.upserts ?? []).map((r) => [r.stagingId, r] as const));
      const next: unknown[] = [];
      for (const item of items) {
        const id = stagingIdOf(item);
        if (id !== undefined && deletes.has(id)) continue;
        if (id !== undefined && upserts.has(id)) {
          next.push(upserts.get(id));
          upserts.delete(id);
          continue;
        }
        next.push(item);
      }
      next.push(...upserts.values());
      await this.write(next);
    }).catch((error: unknown) => {
      if (!this.toldNotSaved) this.notices.recordsNotSaved(String(error));
      this.toldNotSaved = true;
      throw error;
    });
  }

  /**
   * Calls back when another window may have written the journal (this one's own writes included;
   * the tracker's reload is cheap). A watch is a file handle, not a timer: idle windows stay idle.
   */
  watch(listener: () => void): { dispose(): void } {
    try {
      const watcher = watch(this.directory, (_event, name) => {
        if (name !== JOURNAL_FILE) return;
        this.files.signature(this.file).then(
          (now) => {
            if (now !== this.lastOwnWrite) listener();
          },
          (error: unknown) => this.log(`Reading the deployment journal's change failed: ${String(error)}`),
        );
      });
      watcher.on('error', () => watcher.close());
      return { dispose: () => watcher.close() };
    } catch (error) {
      this.log(`Not watching the deployment journal (${String(error)}); other windows' deployments show on reload.`);
      return { dispose: () => undefined };
    }
  }

  private async readRaw(): Promise<unknown[]> {
    const text = await this.files.read(this.file);
    // No journal yet (its first run): adopt what an earlier build left in globalState.
    if (text === undefined) return this.mirror();
    return recordsOf(text) ?? this.recover(text);
  }

  /** The copy in globalState (written after every journal write); nothing if it is not a list. */
  private mirror(): unknown[] {
    const stored = this.globalState.get<unknown>(STAGED_PROFILES_KEY);
    return Array.isArray(stored) ? stored : [];
  }

  /**
   * The journal does not parse: keep it aside (a copy never written again), take back every record
   * readable from it or from the globalState copy, the newer of two copies, and write them as the
   * journal. Under the lock, so one window does it and the others read the repaired file.
   */
  private async recover(text: string): Promise<unknown[]> {
    const keptAt = `${this.file}.damaged-${this.now()}-${randomUUID().slice(0, 8)}`;
    await this.files.copy(this.file, keptAt);
    const { items, recovery } = mergeNewest(salvageRecords(text), this.mirror(), keptAt);
    await this.write(items);
    this.log(
      `The deployment journal was damaged; kept at ${keptAt}. Recovered ${recovery.fromJournal} record(s) from it and ${recovery.fromMirror} from the globalState copy; ` +
        `${recovery.unrecovered.length} could not be recovered${recovery.unrecovered.length ? ` (${recovery.unrecovered.map((u) => u.stagingId ?? 'no readable id').join(', ')})` : ''}.`,
    );
    this.notices.journalRecovered(recovery);
    return items;
  }

  private async write(items: unknown[]): Promise<void> {
    // Known before the rename, so the watcher can never see this write before the window knows it as its own.
    this.lastOwnWrite = await this.files.replace(this.file, JSON.stringify({ journalVersion: 1, records: items }));
    await this.globalState.update(STAGED_PROFILES_KEY, items);
  }


  /** One writer at a time in this process and across windows. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.lock.run(work);
  }
}

/** A current-schema record that settled before `before`, told by a few field checks. */
function settledBefore(item: unknown, before: number): DeferredRecord | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { schemaVersion, stagingId, state, terminalAt } = item as Record<string, unknown>;
  if (schemaVersion !== CURRENT_SCHEMA_VERSION || typeof stagingId !== 'string' || !SETTLED_STATES.has(state)) return undefined;
  if (typeof terminalAt !== 'number' || !(terminalAt < before)) return undefined;
  return { stagingId, terminalAt, raw: item };
}

/** The journal's records, or undefined when the text is not a journal (damaged, or something else). */
function recordsOf(text: string): unknown[] | undefined {
  try {
    const records = (JSON.parse(text) as { records?: unknown } | null)?.records;
    return Array.isArray(records) ? records : undefined;
  } catch {
    return undefined;
  }
}

function stagingIdOf(item: unknown): string | undefined {
  const id = (item as { stagingId?: unknown } | null)?.stagingId;
  return typeof id === 'string' ? id : undefined;
}
