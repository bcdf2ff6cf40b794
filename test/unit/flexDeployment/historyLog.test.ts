import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryLog } from '../../../src/services/flexDeployment/historyLog';
import { nodeJournalFiles } from '../../../src/services/flexDeployment/journalFiles';
import { tempDir } from '../../support/trackerFakes';

/** The settled history's log as two windows share it: what each reads of the other's writes. */

let dir: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  dir = tempDir();
  path = join(dir.path, 'history.jsonl');
});
afterEach(() => dir.remove());

const item = (stagingId: string, version = 1) => ({ stagingId, version });
const log = () => new HistoryLog(path, nodeJournalFiles);

describe('HistoryLog', () => {
  it('stores one JSON line per change and nothing else', async () => {
    const history = log();
    await history.append([{ stagingId: 'a', item: item('a') }, { stagingId: 'b' }]);
    await history.append([{ stagingId: 'c', item: item('c') }]);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(item('a'))}\n{"removed":"b"}\n${JSON.stringify(item('c'))}\n`);
  });

  it('after another window compacted it, reports as touched only what changed, was removed or is new', async () => {
    const writer = log();
    const reader = log();
    await writer.append(['a', 'b', 'c'].map((id) => ({ stagingId: id, item: item(id) })));
    expect([...(await reader.refresh()).touched].sort()).toEqual(['a', 'b', 'c']);

    await writer.append([{ stagingId: 'a', item: item('a', 2) }, { stagingId: 'c' }, { stagingId: 'd', item: item('d') }]);
    await writer.compact();

    expect([...(await reader.refresh()).touched].sort()).toEqual(['a', 'c', 'd']);
    expect(reader.items()).toEqual([item('a', 2), item('b'), item('d')]);
    expect(reader.staleLines).toBe(0);

    await writer.append([{ stagingId: 'e', item: item('e') }]);
    expect(readFileSync(path, 'utf8').split('\n')).toEqual([...['a', 'b', 'd'].map((id) => JSON.stringify(writer.get(id))), JSON.stringify(item('e')), '']);
  });

  it('reads again from the start a file rewritten in place shorter than what was read', async () => {
    const reader = log();
    await log().append([{ stagingId: 'a', item: item('a') }, { stagingId: 'b', item: item('b') }]);
    await reader.refresh();
    writeFileSync(path, `${JSON.stringify(item('b', 2))}\n`);
    expect(await reader.refresh()).toEqual({ touched: new Set(['a', 'b']), unreadable: [] });
    expect(reader.items()).toEqual([item('b', 2)]);
    await reader.append([{ stagingId: 'c', item: item('c') }]);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(item('b', 2))}\n${JSON.stringify(item('c'))}\n`);
  });

  it('reports every entry as touched when the file is gone', async () => {
    const writer = log();
    await writer.append([{ stagingId: 'a', item: item('a') }]);
    const reader = log();
    await reader.refresh();
    rmSync(path);
    expect(await reader.refresh()).toEqual({ touched: new Set(['a']), unreadable: [] });
    expect(reader.size).toBe(0);
    await reader.append([{ stagingId: 'b', item: item('b') }]);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(item('b'))}\n`);
  });

  it('leaves nothing to read once compacted with every record removed', async () => {
    const writer = log();
    await writer.append([{ stagingId: 'a', item: item('a') }, { stagingId: 'a' }]);
    await writer.compact();
    expect(readFileSync(path, 'utf8')).toBe('');
    expect(await log().refresh()).toEqual({ touched: new Set(), unreadable: [] });
  });

  it('counts a torn line another window left after what was read, and nothing more', async () => {
    const reader = log();
    await log().append([{ stagingId: 'a', item: item('a') }]);
    await reader.refresh();
    appendFileSync(path, 'not json\n{"stagingId":"torn","vers');
    expect(await reader.refresh()).toEqual({ touched: new Set(), unreadable: [{}, { stagingId: 'torn' }] });
    expect(reader.staleLines).toBe(2);
  });

  it('finds the staging id of an unreadable line written with spaces around its colon', async () => {
    writeFileSync(path, '{"stagingId" : "spaced", "version":\n{ "removed"\t:\t"tabbed", oops }\n');
    expect((await log().refresh()).unreadable).toEqual([{ stagingId: 'spaced' }, { stagingId: 'tabbed' }]);
  });

  it('counts each line that is JSON but no record as unreadable, and reads on past it', async () => {
    writeFileSync(path, ['null', '5', '"text"', '[]', '{}', JSON.stringify(item('a'))].join('\n') + '\n');
    const reader = log();
    expect((await reader.refresh()).unreadable).toEqual([{}, {}, {}, {}, {}]);
    expect(reader.get('a')).toEqual(item('a'));
  });

  it('passes over blank lines, and a blank torn tail, as nothing at all', async () => {
    writeFileSync(path, `${JSON.stringify(item('a'))}\n  \n\t\n${JSON.stringify(item('b'))}\n \t`);
    const reader = log();
    expect((await reader.refresh()).unreadable).toEqual([]);
    expect([reader.get('a'), reader.get('b')]).toEqual([item('a'), item('b')]);
  });

  it('reads a file that vanished between its stat and its read as empty', async () => {
    await log().append([{ stagingId: 'a', item: item('a') }]);
    const racing = new HistoryLog(path, { ...nodeJournalFiles, readFrom: async () => undefined });
    expect(await racing.refresh()).toEqual({ touched: new Set(), unreadable: [] });
  });
});
