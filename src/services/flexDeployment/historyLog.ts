import type { FileVersion, JournalFiles } from './journalFiles';

/**
 * The settled history: an append-only log in the storage folder, one JSON line per change — a
 * record as stored, or `{"removed": stagingId}` — folded so the last line of a staging id wins.
 * Appending costs the same whatever the history's size, and reading picks up only the lines other
 * windows appended since the last read; a rewrite (compaction) is noticed by the file's new inode.
 */
export interface HistoryLine {
  stagingId: string;
  /** The record as stored; undefined for a removal. */
  item?: unknown;
}

export interface HistoryRead {
  /** Staging ids whose entry changed since the last read (added, replaced or removed). */
  touched: Set<string>;
  /** Lines that do not parse (a write torn by a crash, damage): the staging id when legible. */
  unreadable: { stagingId?: string }[];
}

export class HistoryLog {
  private readonly live = new Map<string, unknown>();
  private version: FileVersion | undefined;
  /** Bytes folded so far: only whole lines. */
  private offset = 0;
  private lines = 0;
  /** The file does not end with a newline (a torn last write): the next append starts a new line. */
  private torn = false;

  constructor(
    readonly path: string,
    private readonly files: JournalFiles,
  ) {}

  get size(): number {
    return this.live.size;
  }

  get(stagingId: string): unknown {
    return this.live.get(stagingId);
  }

  has(stagingId: string): boolean {
    return this.live.has(stagingId);
  }

  items(): unknown[] {
    return [...this.live.values()];
  }

  /** Lines that no longer say anything (superseded or removed): what compaction would drop. */
  get staleLines(): number {
    return this.lines - this.live.size;
  }

  /** Brings the fold up to date with the file. */
  async refresh(): Promise<HistoryRead> {
    const touched = new Set<string>();
    const unreadable: { stagingId?: string }[] = [];
    const now = await this.files.version(this.path);
    if (now === undefined || (this.version && (now.ino !== this.version.ino || now.size < this.offset))) {
      // Gone or rewritten by a compaction: start over (what is unchanged is not reported as touched).
      const before = new Map(this.live);
      this.live.clear();
      this.offset = 0;
      this.lines = 0;
      this.torn = false;
      if (now) await this.readTail(unreadable, new Set());
      for (const [id, item] of before) if (JSON.stringify(this.live.get(id)) !== JSON.stringify(item)) touched.add(id);
      for (const id of this.live.keys()) if (!before.has(id)) touched.add(id);
      this.version = now;
      return { touched, unreadable };
    }
    this.version = now;
    if (now.size > this.offset) await this.readTail(unreadable, touched);
    return { touched, unreadable };
  }

  /** Appends lines durably; the fold learns them without reading them back. */
  async append(lines: readonly HistoryLine[]): Promise<void> {
    if (!lines.length) return;
    const text = (this.torn ? '\n' : '') + lines.map(encode).join('\n') + '\n';
    this.version = await this.files.append(this.path, text);
    this.offset += Buffer.byteLength(text);
    this.torn = false;
    for (const line of lines) this.fold(line);
  }

  /** Rewrites the log with one line per live record. */
  async compact(): Promise<void> {
    const text = [...this.live].map(([stagingId, item]) => encode({ stagingId, item })).join('\n');
    this.version = await this.files.replace(this.path, text ? `${text}\n` : '');
    this.offset = this.version?.size ?? 0;
    this.lines = this.live.size;
    this.torn = false;
  }

  private async readTail(unreadable: { stagingId?: string }[], touched: Set<string>): Promise<void> {
    const text = (await this.files.readFrom(this.path, this.offset)) ?? '';
    const end = text.lastIndexOf('\n');
    // A last line without its newline is a write torn by a crash (appends are made and read under
    // the journal's lock, and fsynced): it is counted once, and the next append starts a new line.
    const whole = text.slice(0, end + 1); // nothing when there is no newline (end is -1)
    const rest = text.slice(end + 1);
    this.offset += Buffer.byteLength(text);
    this.torn = rest !== '';
    for (const raw of whole.split('\n')) {
      if (!raw.trim()) continue;
      const line = decode(raw);
      if (!line) {
        unreadable.push(legibleId(raw));
        this.lines++;
        continue;
      }
      this.fold(line);
      touched.add(line.stagingId);
    }
    if (rest.trim()) {
      unreadable.push(legibleId(rest));
      this.lines++;
    }
  }

  private fold(line: HistoryLine): void {
    this.lines++;
    if (line.item === undefined) this.live.delete(line.stagingId);
    else this.live.set(line.stagingId, line.item);
  }
}

function encode(line: HistoryLine): string {
  return JSON.stringify(line.item === undefined ? { removed: line.stagingId } : line.item);
}

function decode(raw: string): HistoryLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // Left undefined, which is no line.
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { removed, stagingId } = value as { removed?: unknown; stagingId?: unknown };
  if (typeof removed === 'string') return { stagingId: removed };
  return typeof stagingId === 'string' ? { stagingId, item: value } : undefined;
}

function legibleId(raw: string): { stagingId?: string } {
  const id = /"(?:stagingId|removed)"\s*:\s*"([^"\\]{1,200})"/.exec(raw)?.[1];
  return id ? { stagingId: id } : {};
}
