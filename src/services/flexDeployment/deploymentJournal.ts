import { watch } from 'node:fs';
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { CURRENT_SCHEMA_VERSION, readRecord, type DeploymentRecord } from './deploymentRecord';
import type { GlobalStateLike } from './ports';
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
  private queue: Promise<unknown> = Promise.resolve();
  private lastOwnWrite: string | undefined;

  constructor(
    readonly directory: string,
    private readonly globalState: GlobalStateLike,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.file = join(directory, JOURNAL_FILE);
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

  /** Moves records found invalid after loading (deferred history) out of the journal. */
  quarantine(items: readonly { stagingId: string; reason: string; raw: unknown }[]): Promise<void> {
    return this.exclusive(async () => {
      const ids = new Set(items.map((i) => i.stagingId));
      await this.recordQuarantine(items.map((i) => ({ at: this.now(), reason: i.reason, record: i.raw })));
      await this.write((await this.readRaw()).filter((item) => !ids.has(stagingIdOf(item) ?? '')));
    });
  }

  private async recordQuarantine(quarantined: readonly QuarantinedRecord[]): Promise<void> {
    if (!quarantined.length) return;
    for (const q of quarantined) this.log(`Quarantined a stored deployment record (${q.reason}); the others loaded.`);
    const previous = this.globalState.get<QuarantinedRecord[]>(QUARANTINE_KEY) ?? [];
    await this.globalState.update(QUARANTINE_KEY, [...(Array.isArray(previous) ? previous : []), ...quarantined]);
  }

  /** Applies the writer's own changes to the latest contents, durably. */
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
        void this.signature().then((now) => {
          if (now !== this.lastOwnWrite) listener();
        });
      });
      watcher.on('error', () => watcher.close());
      return { dispose: () => watcher.close() };
    } catch (error) {
      this.log(`Not watching the deployment journal (${String(error)}); other windows' deployments show on reload.`);
      return { dispose: () => undefined };
    }
  }

  /** Identifies a version of the file, so the watcher can tell this window's writes from others'. */
  private async signature(): Promise<string | undefined> {
    try {
      const { mtimeMs, size, ino } = await stat(this.file);
      return `${ino}:${mtimeMs}:${size}`;
    } catch {
      return undefined;
    }
  }

  private async readRaw(): Promise<unknown[]> {
    let text: string | undefined;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === undefined) {
      // First run with a journal: adopt what an earlier build left in globalState.
      const stored = this.globalState.get<unknown>(STAGED_PROFILES_KEY);
      return Array.isArray(stored) ? stored : [];
    }
    try {
      const parsed: unknown = JSON.parse(text);
      const records = (parsed as { records?: unknown }).records;
      if (Array.isArray(records)) return records;
      this.log('The deployment journal has no records array; starting from globalState.');
    } catch {
      this.log('The deployment journal is not valid JSON; starting from globalState.');
    }
    const stored = this.globalState.get<unknown>(STAGED_PROFILES_KEY);
    return Array.isArray(stored) ? stored : [];
  }

  private async write(items: unknown[]): Promise<void> {
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(JSON.stringify({ journalVersion: 1, records: items }));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.file);
    this.lastOwnWrite = await this.signature();
    await this.globalState.update(STAGED_PROFILES_KEY, items);
  }

  /** One writer at a time in this process (a queue) and across windows (a lock file). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await mkdir(this.directory, { recursive: true });
      const release = await lockfile.lock(this.file, {
        realpath: false,
        stale: 10_000,
        retries: { retries: 100, minTimeout: 5, maxTimeout: 100 },
        onCompromised: (error) => this.log(`The deployment journal lock was compromised: ${error.message}`),
      });
      try {
        return await work();
      } finally {
        await release();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
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

function stagingIdOf(item: unknown): string | undefined {
  const id = (item as { stagingId?: unknown } | null)?.stagingId;
  return typeof id === 'string' ? id : undefined;
}
