import { appendFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HistoryLog } from '../../../src/services/flexDeployment/historyLog';
import { nodeJournalFiles } from '../../../src/services/flexDeployment/journalFiles';
import { FAILURE_NOTIFICATION_WINDOW_MS } from '../../../machines/flexDeployment/stagedFlexProfile';
import { STAGED_PROFILES_KEY } from '../../../src/services/flexDeployment/storageKeys';
import { RecordingNotices } from '../../support/trackerFakes';
import { countingFiles, HISTORY_FILE, HOUR, JOURNAL_FILE, useJournalWorld } from '../../support/journalWorld';

const world = useJournalWorld();
const record = world.record.bind(world);
const activeIds = () => world.activeIds();
const journal = world.journal.bind(world);

describe('the active journal and the history', () => {
  it('keeps unfinished deployments and fresh failures active, moves what settled into the history', async () => {
    const j = journal();
    await j.commit({
      upserts: [record('running', 'deploying'), record('done', 'succeeded.profileCreated', world.clock.now()), record('failed-now', 'failed', world.clock.now())],
    });
    expect(activeIds().sort()).toEqual(['failed-now', 'running']);
    expect(world.memento.get<{ stagingId: string }[]>(STAGED_PROFILES_KEY)?.map((r) => r.stagingId).sort()).toEqual(['failed-now', 'running']);
    world.clock.advance(25 * HOUR); // the failure's notification window has passed: the next write moves it
    await j.commit({ upserts: [{ ...record('running', 'deploying'), lastCheckedAt: world.clock.now() }] });
    expect(activeIds()).toEqual(['running']);
    const reader = journal();
    expect((await reader.load()).records.map((r) => r.stagingId)).toEqual(['running']);
    expect((await reader.loadHistory()).map((h) => h.stagingId).sort()).toEqual(['done', 'failed-now']);
  });

  it('a write costs one append and one small rewrite, whatever the history holds', async () => {
    const j = journal();
    await j.commit({ upserts: Array.from({ length: 300 }, (_, i) => record(`old-${i}`, 'succeeded.profileCreated', world.clock.now() - 48 * HOUR)) });
    const { files, counts } = countingFiles();
    const writer = journal({ files });
    await writer.load();
    await writer.loadHistory();
    const historyBytes = readFileSync(world.file(HISTORY_FILE)).length;
    counts.reads = 0;
    await writer.commit({ upserts: [record('running', 'deploying')] });
    expect(counts).toEqual({ reads: 0, writes: 1 }); // nothing to append: only the active journal
    await writer.commit({ upserts: [record('running', 'succeeded.profileCreated', world.clock.now())] });
    expect(counts.writes).toBe(3); // one append, one rewrite
    expect(readFileSync(world.file(HISTORY_FILE)).length).toBeGreaterThan(historyBytes);
    expect(readFileSync(world.file(JOURNAL_FILE), 'utf8').length).toBeLessThan(100);
  });

  it('another window’s writes are seen as changes; nothing is read when nothing changed', async () => {
    const a = journal();
    const { files, counts } = countingFiles();
    const b = journal({ files });
    await a.commit({ upserts: [record('one', 'deploying')] });
    await b.load();
    await b.loadHistory();
    counts.reads = 0;
    expect(await b.changes()).toEqual({ upserts: [], deletes: [] });
    expect(counts.reads).toBe(0);
    await a.commit({ upserts: [record('one', 'succeeded.profileCreated', world.clock.now()), record('two', 'deploying')] });
    const seen = await b.changes();
    expect(seen.upserts.map((r) => [r.stagingId, r.state]).sort()).toEqual([
      ['one', 'succeeded.profileCreated'],
      ['two', 'deploying'],
    ]);
    expect(seen.deletes).toEqual([]);
    await a.commit({ deletes: ['one'] });
    expect(await b.changes()).toEqual({ upserts: [], deletes: ['one'] });
  });

  it('reads nothing while there is no journal yet', async () => {
    const { files, counts } = countingFiles();
    const j = journal({ files });
    await j.load();
    await j.changes();
    expect(counts.reads).toBe(0);
  });

  it('a line torn by a crash is counted once, and the next write starts on a line of its own', async () => {
    const notices = world.notices;
    const j = journal();
    await j.commit({ upserts: [record('kept', 'succeeded.profileCreated', world.clock.now())] });
    appendFileSync(world.file(HISTORY_FILE), '{"stagingId":"torn","sta');
    const reader = journal();
    await reader.load();
    await reader.loadHistory();
    expect(notices.quarantines).toEqual([['an unreadable history line of torn']]);
    await reader.commit({ upserts: [record('after', 'succeeded.profileCreated', world.clock.now())] });
    const history = await journal({ notices: new RecordingNotices() }).loadHistory();
    expect(history.map((h) => h.stagingId).sort()).toEqual(['after', 'kept']);
    expect(notices.quarantines).toHaveLength(1);
  });

  it('is compacted once most of its lines no longer count, and reads the same after', async () => {
    const j = journal();
    for (let round = 0; round < 3; round++) {
      await j.commit({ upserts: Array.from({ length: 300 }, (_, i) => ({ ...record(`r-${i}`, 'succeeded.profileCreated', world.clock.now()), lastCheckedAt: round })) });
    }
    const before = await journal().loadHistory();
    const log = new HistoryLog(world.file(HISTORY_FILE), nodeJournalFiles);
    await log.refresh();
    expect(log.staleLines).toBe(600);
    await j.compactHistory();
    const after = new HistoryLog(world.file(HISTORY_FILE), nodeJournalFiles);
    await after.refresh();
    expect(after.staleLines).toBe(0);
    expect(await journal().loadHistory()).toEqual(before);
  });

  it('what the history holds when a window first reads it is no change; what is appended after is', async () => {
    const a = journal();
    await a.commit({ upserts: [record('done', 'succeeded.profileCreated', world.clock.now())] });
    const b = journal();
    await b.load();
    await b.loadHistory();
    expect(await b.changes()).toEqual({ upserts: [], deletes: [] });
    await a.commit({ upserts: [record('later', 'succeeded.profileCreated', world.clock.now())] });
    expect((await b.changes()).upserts.map((r) => r.stagingId)).toEqual(['later']);
  });

  it('keeps each record in one file: a deletion or a retry touches the history only if it holds the record', async () => {
    const j = journal();
    await j.commit({ upserts: [record('running', 'deploying'), record('failed-long-ago', 'failed', world.clock.now() - 25 * HOUR)] });
    expect(world.historyLines()).toHaveLength(1);
    await j.commit({ deletes: ['running'] });
    expect(world.historyLines()).toHaveLength(1); // nothing to remove there
    await j.commit({ upserts: [record('failed-long-ago', 'deploying')] }); // retried: active again
    expect(activeIds()).toEqual(['failed-long-ago']);
    const history = new HistoryLog(world.file(HISTORY_FILE), nodeJournalFiles);
    await history.refresh();
    expect(history.has('failed-long-ago')).toBe(false);
  });

  it('moves a failure out of the active journal once its 24 hours of notifications are over, not before', async () => {
    const j = journal();
    const now = world.clock.now();
    await j.commit({ upserts: [record('just-within', 'failed', now - FAILURE_NOTIFICATION_WINDOW_MS + 1), record('just-over', 'failed', now - FAILURE_NOTIFICATION_WINDOW_MS)] });
    expect(activeIds()).toEqual(['just-within']);
  });

  it('is compacted when 500 of its lines no longer count and they outnumber the live ones, not before', async () => {
    const j = journal();
    const settle = (ids: string[], round: number) => j.commit({ upserts: ids.map((id) => ({ ...record(id, 'succeeded.profileCreated', world.clock.now()), lastCheckedAt: round })) });
    const few = ['a', 'b', 'c', 'd', 'e'];
    for (let round = 0; round < 3; round++) await settle(few, round); // 10 stale lines, 5 live: stale outnumber live, but are few
    await j.compactHistory();
    expect(world.historyLines()).toHaveLength(15);
    const many = Array.from({ length: 490 }, (_, i) => `r-${i}`);
    await settle(many, 0);
    await settle(many.slice(1), 1); // 499 stale
    await j.compactHistory();
    expect(world.logs.filter((l) => l.startsWith('Compacted'))).toEqual([]);
    await settle(many.slice(0, 1), 1); // 500 stale, 495 live
    await j.compactHistory();
    expect(world.logs.filter((l) => l.startsWith('Compacted'))).toEqual(['Compacted the deployment history: 500 line(s) that no longer counted were dropped.']);
    expect(world.historyLines()).toHaveLength(495);
  });
});
