import { randomUUID } from 'node:crypto';
import { sameVersion, type FileVersion, type JournalFiles } from './journalFiles';
import { mergeNewest, salvageRecords } from './journalRecovery';
import type { GlobalStateLike, StoreNotices } from './recordStorage';
import { STAGED_PROFILES_KEY } from './storageKeys';

/**
 * The active journal, `flexDeployments.json`: the records activation acts on, as one JSON file
 * replaced whole (atomically, fsynced) on each change and copied into globalState under the spec's
 * key. This window's view of it is re-read only when the file's version changed.
 */
export class ActiveJournal {
  private items = new Map<string, unknown>();
  private version: FileVersion | undefined;
  /** The text as this window last wrote it (undefined after another's write). */
  private writtenText: string | undefined;

  constructor(
    readonly path: string,
    private readonly files: JournalFiles,
    private readonly globalState: GlobalStateLike,
    private readonly report: { log: (message: string) => void; notices: StoreNotices; now: () => number },
  ) {}

  get(stagingId: string): unknown {
    return this.items.get(stagingId);
  }

  has(stagingId: string): boolean {
    return this.items.has(stagingId);
  }

  set(stagingId: string, item: unknown): void {
    this.items.set(stagingId, item);
  }

  delete(stagingId: string): void {
    this.items.delete(stagingId);
  }

  entries(): [string, unknown][] {
    return [...this.items];
  }

  /** Whether the file on disk is this window's last write (the watcher's test for another's). */
  isOwn(version: FileVersion | undefined): boolean {
    return sameVersion(version, this.version);
  }

  /** Re-reads the file if it changed since this window last read or wrote it; returns the staging ids it may have changed. */
  async refresh(): Promise<Set<string>> {
    const version = await this.files.version(this.path);
    if (sameVersion(version, this.version)) return new Set();
    const text = version === undefined ? undefined : await this.files.read(this.path);
    // No journal yet (its first run): adopt what an earlier build left in globalState.
    const items = text === undefined ? this.mirror() : (recordsOf(text) ?? (await this.recover(text)));
    const touched = new Set(this.items.keys());
    this.items = byStagingId(items);
    for (const id of this.items.keys()) touched.add(id);
    this.writtenText = undefined;
    this.version = version;
    return touched;
  }

  /** Writes the file and its globalState copy, unless they already say this. */
  async write(): Promise<void> {
    const items = [...this.items.values()];
    const text = JSON.stringify({ journalVersion: 2, records: items });
    if (text === this.writtenText && this.version) return;
    // Known before the rename, so the watcher never takes this window's write for another's.
    this.version = await this.files.replace(this.path, text);
    this.writtenText = text;
    await this.globalState.update(STAGED_PROFILES_KEY, items);
  }

  /** The copy in globalState (written after every write of the file); nothing if it is not a list. */
  private mirror(): unknown[] {
    const stored = this.globalState.get<unknown>(STAGED_PROFILES_KEY);
    return Array.isArray(stored) ? stored : [];
  }

  /**
   * The file does not parse: keep it aside (a copy never written again), take back every record
   * readable from it or from the globalState copy, the newer of two copies, and write them.
   * Under the journal's lock, so one window does it and the others read the repaired file.
   */
  private async recover(text: string): Promise<unknown[]> {
    const { log, notices, now } = this.report;
    const keptAt = `${this.path}.damaged-${now()}-${randomUUID()}`;
    await this.files.copy(this.path, keptAt);
    const { items, recovery } = mergeNewest(salvageRecords(text), this.mirror(), keptAt);
    this.items = byStagingId(items);
    await this.write();
    log(
      `The deployment journal was damaged; kept at ${keptAt}. Recovered ${recovery.fromJournal} record(s) from it and ${recovery.fromMirror} from the globalState copy; ` +
        `${recovery.unrecovered.length} could not be recovered${recovery.unrecovered.length ? ` (${recovery.unrecovered.map((u) => u.stagingId ?? 'no readable id').join(', ')})` : ''}.`,
    );
    notices.journalRecovered(recovery);
    return items;
  }
}

function byStagingId(items: readonly unknown[]): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [index, item] of items.entries()) {
    const id = (item as { stagingId?: unknown } | null)?.stagingId;
    // An item without a staging id is kept under a key of its own, for validation to quarantine.
    map.set(typeof id === 'string' ? id : `\u0000anonymous-${index}`, item);
  }
  return map;
}

/** The journal's records, or undefined when the text is not a journal (damaged, or something else). */
function recordsOf(text: string): unknown[] | undefined {
  let records: unknown;
  try {
    records = (JSON.parse(text) as { records?: unknown } | null)?.records;
  } catch {
    // Not JSON: left undefined, which is no list.
  }
  return Array.isArray(records) ? records : undefined;
}
