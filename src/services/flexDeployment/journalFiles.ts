import { randomUUID } from 'node:crypto';
import { copyFile, open, readFile, rename, stat } from 'node:fs/promises';

/**
 * The file operations the journal's durability rests on, as one seam: the crash tests put a kill
 * switch in front of each, so a window can die between any two of them.
 */
export interface JournalFiles {
  /** The file's text; undefined when there is no such file. */
  read(path: string): Promise<string | undefined>;
  /**
   * Replaces the file atomically and durably: a temporary file, fsynced, renamed over it. Returns
   * the new version's signature, known before the rename so no watcher sees it first.
   */
  replace(path: string, text: string): Promise<string | undefined>;
  /** A copy of the file as it is now (kept aside, never written again). */
  copy(from: string, to: string): Promise<void>;
  /** Identifies a version of the file (inode, time, size); undefined when absent. */
  signature(path: string): Promise<string | undefined>;
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
  async replace(path, text) {
    const tmp = `${path}.${randomUUID()}.tmp`;
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // A rename keeps inode, size and time: the signature of the temporary file is the new one's.
    const signature = await nodeJournalFiles.signature(tmp);
    await rename(tmp, path);
    return signature;
  },
  copy: (from, to) => copyFile(from, to),
  async signature(path) {
    try {
      const { mtimeMs, size, ino } = await stat(path);
      return `${ino}:${mtimeMs}:${size}`;
    } catch {
      return undefined;
    }
  },
};
