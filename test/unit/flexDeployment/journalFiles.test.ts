import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeJournalFiles, sameVersion } from '../../../src/services/flexDeployment/journalFiles';
import { tempDir } from '../../support/trackerFakes';

/** The file operations the journal rests on: a missing file is no text, anything else is an error. */

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
    expect(sameVersion(undefined, undefined)).toBe(false);
    expect(sameVersion(first, undefined)).toBe(false);
  });
});
