import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeJournalFiles, sameVersion } from '../../../src/services/flexDeployment/journalFiles';
import { tempDir } from '../../support/trackerFakes';

/** The file operations the journal rests on: a missing file is no text, anything else is an error. */

/** Every file handle opened, to see it closed again (an open handle keeps Windows from replacing the file). */
const opened = vi.hoisted(() => [] as { fd: number }[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      opened.push(handle);
      return handle;
    },
  };
});

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe('nodeJournalFiles', () => {
  it('reads a missing file as no text, from any offset', async () => {
    const missing = join(dir.path, 'missing.json');
    expect(await nodeJournalFiles.read(missing)).toBeUndefined();
    expect(await nodeJournalFiles.readFrom(missing, 0)).toBeUndefined();
    expect(await nodeJournalFiles.version(missing)).toBeUndefined();
  });

  it('throws what keeps a file that is there from being read', async () => {
    const folder = join(dir.path, 'a-folder');
    mkdirSync(folder);
    await expect(nodeJournalFiles.read(folder)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(nodeJournalFiles.readFrom(folder, 0)).rejects.toMatchObject({ code: 'EISDIR' });
    const loop = join(dir.path, 'loop.json');
    symlinkSync(loop, loop);
    await expect(nodeJournalFiles.read(loop)).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(nodeJournalFiles.readFrom(loop, 0)).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it('closes every file it opens, whether the operation succeeds or fails', async () => {
    opened.length = 0;
    const file = join(dir.path, 'log.jsonl');
    await nodeJournalFiles.replace(file, 'one\n');
    await nodeJournalFiles.append(file, 'two\n');
    await nodeJournalFiles.readFrom(file, 4);
    const folder = join(dir.path, 'a-folder');
    mkdirSync(folder);
    await expect(nodeJournalFiles.readFrom(folder, 0)).rejects.toMatchObject({ code: 'EISDIR' });
    expect(opened).toHaveLength(4);
    expect(opened.map((h) => h.fd)).toEqual([-1, -1, -1, -1]);
  });

  it('reads from an offset to the end, and nothing past it', async () => {
    const file = join(dir.path, 'log.jsonl');
    writeFileSync(file, 'one\ntwo\n');
    expect(await nodeJournalFiles.readFrom(file, 4)).toBe('two\n');
    expect(await nodeJournalFiles.readFrom(file, 8)).toBe('');
    expect(await nodeJournalFiles.readFrom(file, 20)).toBe('');
  });

  it('tells versions apart by inode, size and time; an absent one matches nothing', async () => {
    const file = join(dir.path, 'active.json');
    const first = await nodeJournalFiles.replace(file, 'a');
    expect(sameVersion(first, await nodeJournalFiles.version(file))).toBe(true);
    const second = await nodeJournalFiles.replace(file, 'b');
    expect(sameVersion(first, second)).toBe(false);
    writeFileSync(file, 'c'); // rewritten in place: same inode and size, a later time
    utimesSync(file, new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 1)));
    const inPlace = await nodeJournalFiles.version(file);
    expect(inPlace).toMatchObject({ ino: second?.ino, size: second?.size });
    expect(sameVersion(second, inPlace)).toBe(false);
    expect(sameVersion(undefined, undefined)).toBe(false);
    expect(sameVersion(first, undefined)).toBe(false);
  });

  it('calls two versions the same exactly when inode, size and time all agree', () => {
    const field = fc.integer({ min: 0, max: 2 });
    const version = fc.record({ ino: field, size: field, mtimeMs: field });
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(sameVersion(a, b)).toBe(a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);
      }),
    );
  });
});
