import { randomUUID } from 'node:crypto';
import { copyFile, open, readFile, rename, stat } from 'node:fs/promises';

/** What identifies a version of a file: a rename keeps inode, size and time. */
export interface FileVersion {
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * The file operations the journal's durability rests on, as one seam: the crash tests put a kill
 * switch in front of each, so a window can die between any two of them.
 */
export interface JournalFiles {
  /** The file's text; undefined when there is no such file. */
  read(path: string): Promise<string | undefined>;
  /** The file's text from byte `offset` on; undefined when there is no such file. */
  readFrom(path: string, offset: number): Promise<string | undefined>;
  /**
   * Replaces the file atomically and durably: a temporary file, fsynced, renamed over it. Returns
   * the new version, known before the rename so no watcher sees it first.
   */
  replace(path: string, text: string): Promise<FileVersion | undefined>;
  /** Appends durably (fsynced); returns the version after it. */
  append(path: string, text: string): Promise<FileVersion | undefined>;
  /** A copy of the file as it is now (kept aside, never written again). */
  copy(from: string, to: string): Promise<void>;
  /** The file's version now; undefined when absent. */
  version(path: string): Promise<FileVersion | undefined>;
}

export function sameVersion(a: FileVersion | undefined, b: FileVersion | undefined): boolean {
  return a !== undefined && b !== undefined && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

async function versionOf(path: string): Promise<FileVersion | undefined> {
  try {
    const { ino, size, mtimeMs } = await stat(path);
    return { ino, size, mtimeMs };
  } catch {
    // No file (not written yet, or removed): it has no version.
  }
  return undefined;
}

async function written(path: string, flags: 'w' | 'a', text: string): Promise<FileVersion | undefined> {
  const handle = await open(path, flags);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return versionOf(path);
}

export const nodeJournalFiles: JournalFiles = {
  async read(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  async readFrom(path, offset) {
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.alloc(Math.max(0, size - offset));
      await handle.read(buffer, 0, buffer.length, offset);
      return buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  },
  async replace(path, text) {
    const tmp = `${path}.${randomUUID()}.tmp`;
    const version = await written(tmp, 'w', text);
    await rename(tmp, path);
    return version;
  },
  append: (path, text) => written(path, 'a', text),
  copy: (from, to) => copyFile(from, to),
  version: versionOf,
};
