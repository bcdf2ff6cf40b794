import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeploymentJournal } from '../../../src/services/flexDeployment/deploymentJournal';
import type { DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { HistoryLog } from '../../../src/services/flexDeployment/historyLog';
import { nodeJournalFiles, type JournalFiles } from '../../../src/services/flexDeployment/journalFiles';
import { stagedContext } from '../../../src/services/flexDeployment/stageDeployment';
import { STAGED_PROFILES_KEY } from '../../../src/services/flexDeployment/storageKeys';
import { createRequest, FakeClock, MemoryMemento, RecordingNotices, tempDir } from '../../support/trackerFakes';

const HOUR = 3_600_000;
let dir: ReturnType<typeof tempDir>;
let clock: FakeClock;
let memento: MemoryMemento;

beforeEach(() => {
  dir = tempDir();
  clock = new FakeClock();
  memento = new MemoryMemento();
});
afterEach(() => dir.remove());

/** The file operations, counted: what a window reads and writes. */
function countingFiles() {
  const counts = { reads: 0, writes: 0 };
  const files: JournalFiles = {
    ...nodeJournalFiles,
    read: (p) => (counts.reads++, nodeJournalFiles.read(p)),
    readFrom: (p, o) => (counts.reads++, nodeJournalFiles.readFrom(p, o)),
    replace: (p, t) => (counts.writes++, nodeJournalFiles.replace(p, t)),
    append: (p, t) => (counts.writes++, nodeJournalFiles.append(p, t)),
  };
  return { files, counts };
}

function journal(files: JournalFiles = nodeJournalFiles, notices = new RecordingNotices()) {
  return new DeploymentJournal(dir.path, memento, { log: () => undefined, notices, now: clock.now, files });
}

function record(id: string, state: DeploymentRecord['state'], terminalAt?: number): DeploymentRecord {
  const context = stagedContext(createRequest({ serverName: `server-${id}` }), { stagingId: id, deploymentName: `pgflex-${id}-1` }, clock.now() - HOUR);
  const status = state.startsWith('succeeded') ? 'succeeded' : state === 'failed' ? 'failed' : state === 'dismissed' ? 'pending' : state;
  return { ...context, schemaVersion: 2, state, status: status as DeploymentRecord['status'], terminalAt, inActiveSession: false };
}

const activeIds = () => (JSON.parse(readFileSync(join(dir.path, 'flexDeployments.json'), 'utf8')) as { records: { stagingId: string }[] }).records.map((r) => r.stagingId);

describe('the active journal and the history', () => {
  it('keeps unfinished deployments and fresh failures active, moves what settled into the history', async () => {
    const j = journal();
    await j.commit({
      upserts: [record('running', 'deploying'), record('done', 'succeeded.profileCreated', clock.now()), record('failed-now', 'failed', clock.now())],
    });
    expect(activeIds().sort()).toEqual(['failed-now', 'running']);
    expect(memento.get<{ stagingId: string }[]>(STAGED_PROFILES_KEY)?.map((r) => r.stagingId).sort()).toEqual(['failed-now', 'running']);
    clock.advance(25 * HOUR); // the failure's notification window has passed: the next write moves it
    await j.commit({ upserts: [{ ...record('running', 'deploying'), lastCheckedAt: clock.now() }] });
    expect(activeIds()).toEqual(['running']);
    const reader = journal();
    expect((await reader.load()).records.map((r) => r.stagingId)).toEqual(['running']);
    expect((await reader.loadHistory()).map((h) => h.stagingId).sort()).toEqual(['done', 'failed-now']);
  });

  it('a write costs one append and one small rewrite, whatever the history holds', async () => {
    const j = journal();
    await j.commit({ upserts: Array.from({ length: 300 }, (_, i) => record(`old-${i}`, 'succeeded.profileCreated', clock.now() - 48 * HOUR)) });
    const { files, counts } = countingFiles();
    const writer = journal(files);
    await writer.load();
    await writer.loadHistory();
    const historyBytes = readFileSync(join(dir.path, 'flexDeploymentsHistory.jsonl')).length;
    counts.reads = 0;
    await writer.commit({ upserts: [record('running', 'deploying')] });
    expect(counts).toEqual({ reads: 0, writes: 1 }); // nothing to append: only the active journal
    await writer.commit({ upserts: [record('running', 'succeeded.profileCreated', clock.now())] });
    expect(counts.writes).toBe(3); // one append, one rewrite
    expect(readFileSync(join(dir.path, 'flexDeploymentsHistory.jsonl')).length).toBeGreaterThan(historyBytes);
    expect(readFileSync(join(dir.path, 'flexDeployments.json'), 'utf8').length).toBeLessThan(100);
  });

  it('another window’s writes are seen as changes; nothing is read when nothing changed', async () => {
    const a = journal();
    const { files, counts } = countingFiles();
    const b = journal(files);
    await a.commit({ upserts: [record('one', 'deploying')] });
    await b.load();
    await b.loadHistory();
    counts.reads = 0;
    expect(await b.changes()).toEqual({ upserts: [], deletes: [] });
    expect(counts.reads).toBe(0);
    await a.commit({ upserts: [record('one', 'succeeded.profileCreated', clock.now()), record('two', 'deploying')] });
    const seen = await b.changes();
    expect(seen.upserts.map((r) => [r.stagingId, r.state]).sort()).toEqual([
      ['one', 'succeeded.profileCreated'],
      ['two', 'deploying'],
    ]);
    expect(seen.deletes).toEqual([]);
    await a.commit({ deletes: ['one'] });
    expect(await b.changes()).toEqual({ upserts: [], deletes: ['one'] });
  });

  it('a line torn by a crash is counted once, and the next write starts on a line of its own', async () => {
    const notices = new RecordingNotices();
    const j = journal(nodeJournalFiles, notices);
    await j.commit({ upserts: [record('kept', 'succeeded.profileCreated', clock.now())] });
    appendFileSync(join(dir.path, 'flexDeploymentsHistory.jsonl'), '{"stagingId":"torn","sta');
    const reader = journal(nodeJournalFiles, notices);
    await reader.load();
    await reader.loadHistory();
    expect(notices.quarantines).toEqual([['an unreadable history line of torn']]);
    await reader.commit({ upserts: [record('after', 'succeeded.profileCreated', clock.now())] });
    const history = await journal(nodeJournalFiles, new RecordingNotices()).loadHistory();
    expect(history.map((h) => h.stagingId).sort()).toEqual(['after', 'kept']);
    expect(notices.quarantines).toHaveLength(1);
  });

  it('is compacted once most of its lines no longer count, and reads the same after', async () => {
    const j = journal();
    for (let round = 0; round < 3; round++) {
      await j.commit({ upserts: Array.from({ length: 300 }, (_, i) => ({ ...record(`r-${i}`, 'succeeded.profileCreated', clock.now()), lastCheckedAt: round })) });
    }
    const before = await journal().loadHistory();
    const log = new HistoryLog(join(dir.path, 'flexDeploymentsHistory.jsonl'), nodeJournalFiles);
    await log.refresh();
    expect(log.staleLines).toBe(600);
    await j.compactHistory();
    const after = new HistoryLog(join(dir.path, 'flexDeploymentsHistory.jsonl'), nodeJournalFiles);
    await after.refresh();
    expect(after.staleLines).toBe(0);
    expect(await journal().loadHistory()).toEqual(before);
  });
});
