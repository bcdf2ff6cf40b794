import { appendFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QUARANTINE_KEY, STAGED_PROFILES_KEY } from '../../../src/services/flexDeployment/storageKeys';
import { countingFiles, HISTORY_FILE, JOURNAL_FILE, useJournalWorld } from '../../support/journalWorld';
import { SCHEMA_1_RECORD as schema1 } from '../../support/storedRecords';

/** What the journal does with records it cannot take as they are: migrated, quarantined, or unreadable. */

const world = useJournalWorld();
const record = world.record.bind(world);
const journal = world.journal.bind(world);
const quarantined = () => world.memento.get<{ reason: string; record: unknown }[]>(QUARANTINE_KEY);
const writeJournal = (records: unknown[]) => writeFileSync(world.file(JOURNAL_FILE), JSON.stringify({ journalVersion: 2, records }));
const broken = (id: string) => ({ ...record(id, 'deploying'), createdAt: 'yesterday' });

describe('loading the active journal', () => {
  it('migrates schema-1 records, says how many, and writes them back as schema 2', async () => {
    const running = [{ ...schema1, stagingId: 'old-a', status: 'deploying' }, { ...schema1, stagingId: 'old-b', status: 'deploying' }];
    writeJournal([...running, record('current', 'deploying')]);
    const { records } = await journal().load();
    expect(records.map((r) => [r.stagingId, r.schemaVersion])).toEqual([['old-a', 2], ['old-b', 2], ['current', 2]]);
    expect(world.logs).toEqual(['Migrated 2 deployment record(s) to schema 2.']);
    expect(world.activeIds()).toEqual(['old-a', 'old-b', 'current']);
    expect(world.memento.get<{ schemaVersion?: number }[]>(STAGED_PROFILES_KEY)?.map((r) => r.schemaVersion)).toEqual([2, 2, 2]);
  });

  it('says nothing of migration, and writes nothing, when every record is current', async () => {
    writeJournal([record('current', 'deploying')]);
    const { files, counts } = countingFiles();
    await journal({ files }).load();
    expect(world.logs).toEqual([]);
    expect(counts.writes).toBe(0);
  });

  it('takes an invalid record out of the file, and adds it to what was quarantined before', async () => {
    await world.memento.update(QUARANTINE_KEY, [{ at: 1, reason: 'earlier', record: {} }]);
    writeJournal([broken('broken'), record('good', 'deploying')]);
    expect((await journal().load()).records.map((r) => r.stagingId)).toEqual(['good']);
    expect(world.activeIds()).toEqual(['good']);
    expect(quarantined()?.map((q) => q.reason)).toEqual(['earlier', 'createdAt: Invalid input: expected number, received string']);
    expect(world.notices.quarantines).toEqual([['createdAt: Invalid input: expected number, received string']]);
  });

  it('starts the quarantine list afresh over something that is not a list', async () => {
    await world.memento.update(QUARANTINE_KEY, 'not a list');
    writeJournal([broken('broken')]);
    await journal().load();
    expect(quarantined()?.map((q) => (q.record as { stagingId: string }).stagingId)).toEqual(['broken']);
  });

  it('writes past an item another program left as null; loading quarantines it', async () => {
    writeJournal([null]);
    const j = journal();
    await j.commit({ upserts: [record('running', 'deploying')] });
    expect(world.activeIds()).toEqual(['(none)', 'running']);
    await journal().load();
    expect(world.activeIds()).toEqual(['running']);
    expect(quarantined()).toHaveLength(1);
  });
});

describe('records found invalid after loading', () => {
  it("another window's invalid records are quarantined once, those without a staging id too", async () => {
    const reader = journal();
    await reader.load();
    writeJournal([record('good', 'deploying'), broken('broken'), { state: 'deploying' }]);
    expect((await reader.changes()).upserts.map((r) => r.stagingId)).toEqual(['good']);
    expect(world.activeIds()).toEqual(['good']);
    expect(world.historyLines()).toEqual([]);
    await journal().load();
    expect(quarantined()).toHaveLength(2);
    expect(world.notices.quarantines).toHaveLength(1);
  });

  it('a record the deferred check found broken but that is valid now is kept', async () => {
    const j = journal();
    await j.commit({ upserts: [record('settled', 'succeeded.profileCreated', world.clock.now())] });
    await j.quarantine([{ stagingId: 'settled', reason: 'createdAt: expected number' }]);
    expect(quarantined()).toBeUndefined();
    expect((await journal().loadHistory()).map((h) => h.stagingId)).toEqual(['settled']);
  });

  it('a record another window quarantined already is not quarantined again, and nothing is written', async () => {
    writeJournal([broken('broken'), record('good', 'deploying')]);
    await journal().load();
    const { files, counts } = countingFiles();
    await journal({ files }).quarantine([{ stagingId: 'broken', reason: 'createdAt: expected number' }]);
    expect(counts.writes).toBe(0);
    expect(quarantined()).toHaveLength(1);
  });
});

describe('unreadable lines of the history', () => {
  it('are logged with the staging ids legible in them, and each told to the user', async () => {
    await journal().commit({ upserts: [record('kept', 'succeeded.profileCreated', world.clock.now())] });
    appendFileSync(world.file(HISTORY_FILE), 'not json\n{"stagingId":"torn","sta');
    const reader = journal();
    await reader.load();
    await reader.loadHistory();
    expect(world.logs).toEqual(['2 line(s) of the deployment history could not be read (?, torn).']);
    expect(world.notices.quarantines).toEqual([['an unreadable history line', 'an unreadable history line of torn']]);
  });

  it('are logged by count alone when no staging id is legible', async () => {
    writeFileSync(world.file(HISTORY_FILE), 'not json\n');
    await journal().loadHistory();
    expect(world.logs).toEqual(['1 line(s) of the deployment history could not be read.']);
  });
});
