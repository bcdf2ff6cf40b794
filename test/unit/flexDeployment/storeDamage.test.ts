import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeploymentJournal } from '../../../src/services/flexDeployment/deploymentJournal';
import { readRecord, type DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { QUARANTINE_KEY, STAGED_PROFILES_KEY } from '../../../src/services/flexDeployment/storageKeys';
import { createRequest } from '../../support/trackerFakes';
import type { SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const MINUTE = 60_000;
const setup = useTrackerWorld();
const window = () => setup.window();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

/** Records made by a real window, then that window dies: what the store holds is all that is left. */
async function recordsOf(serverNames: string[]): Promise<DeploymentRecord[]> {
  const w = await window();
  const ids: string[] = [];
  for (const serverName of serverNames) ids.push(await w.tracker.create(createRequest({ serverName })));
  await w.tracker.whenIdle();
  const records = (await w.tracker.getStagedProfiles()) as DeploymentRecord[];
  await setup.crash(w);
  return ids.map((id) => records.find((r) => r.stagingId === id)!);
}

const journalFile = () => join(world.storageDir, 'flexDeployments.json');
const keptAside = () => readdirSync(world.storageDir).filter((f) => f.startsWith('flexDeployments.json.damaged-'));

/** The journal as a crash mid-write (of another program) or a bad disk leaves it: cut off at `keep` of its last record. */
function writeTruncatedJournal(records: unknown[], keep = 0.5): string {
  const text = JSON.stringify({ journalVersion: 1, records });
  const lastStart = text.lastIndexOf('{"');
  const cut = text.slice(0, lastStart + Math.floor((text.length - lastStart) * keep));
  writeFileSync(journalFile(), cut);
  return cut;
}


describe('a damaged journal', () => {
  it('keeps the file aside, recovers every readable record from either store (the newer copy wins), and says so once', async () => {
    const [running, older, cutOff] = await recordsOf(['only-in-journal', 'newer-in-journal', 'cut-off']);
    const stale = { ...older, lastCheckedAt: older.createdAt - MINUTE, audit: older.audit.slice(0, 1) };
    const newer = { ...older, lastCheckedAt: older.createdAt + 10 * MINUTE, provisioningState: 'Running' };
    // globalState's copy is older and lacks the first record (its write was lost); the journal is cut off.
    await world.memento.update(STAGED_PROFILES_KEY, [stale, cutOff]);
    const damaged = writeTruncatedJournal([running, newer, cutOff]);

    const { tracker } = await window();
    const recovered = new Map((await tracker.getStagedProfiles()).map((r) => [r.stagingId, r]));
    expect([...recovered.keys()].sort()).toEqual([running.stagingId, older.stagingId, cutOff.stagingId].sort());
    // The window's first poll cycle may have read ARM since (lastCheckedAt): the copy is told by its audit, whose end the stale one lacks.
    expect((recovered.get(older.stagingId) as DeploymentRecord | undefined)?.audit).toEqual(newer.audit);
    expect(tracker.getDeployment(running.stagingId)?.value).toBe('deploying'); // still tracked
    expect(world.notices.recoveries).toEqual([{ keptAt: join(world.storageDir, keptAside()[0]), fromJournal: 2, fromMirror: 1, unrecovered: [] }]);

    // The damaged file is kept as it was, and later writes go to a repaired journal.
    world.reader.set(recovered.get(running.stagingId)!.deploymentName, { kind: 'running', provisioningState: 'Running' });
    await tracker.refresh();
    await tracker.whenIdle();
    expect(keptAside()).toHaveLength(1);
    expect(readFileSync(join(world.storageDir, keptAside()[0]), 'utf8')).toBe(damaged);
    expect(JSON.parse(readFileSync(journalFile(), 'utf8')).records).toHaveLength(3);

    // Another window (or the next activation) reads the repaired journal: no second notice.
    await window();
    expect(world.notices.recoveries).toHaveLength(1);
  });

  it('names what could not be recovered from either store', async () => {
    const [kept, lost] = await recordsOf(['kept', 'lost']);
    await world.memento.update(STAGED_PROFILES_KEY, [kept]);
    writeTruncatedJournal([kept, lost], 0.7);
    const { tracker } = await window();
    expect((await tracker.getStagedProfiles()).map((r) => r.stagingId)).toEqual([kept.stagingId]);
    expect(world.notices.recoveries[0]).toMatchObject({ fromJournal: 1, fromMirror: 0, unrecovered: [{ stagingId: lost.stagingId }] });
    expect(world.logs).toContain(
      `The deployment journal was damaged; kept at ${join(world.storageDir, keptAside()[0])}. Recovered 1 record(s) from it and 0 from the globalState copy; 1 could not be recovered (${lost.stagingId}).`,
    );
  });

  it('logs each record it could not recover, by its staging id where that is legible', async () => {
    const [kept, lost] = await recordsOf(['kept', 'lost']);
    await world.memento.update(STAGED_PROFILES_KEY, [kept]);
    const whole = JSON.stringify({ journalVersion: 1, records: [kept] });
    // A record garbled in the middle, and the last one cut off before its staging id.
    writeFileSync(journalFile(), `${whole.slice(0, -2)},{"stagingId":"garbled",oops},{"deploymentName":"${lost.deploymentName}","stagi`);
    await window();
    expect(world.logs.filter((l) => l.startsWith('The deployment journal was damaged'))).toEqual([
      expect.stringMatching(/Recovered 1 record\(s\) from it and 0 from the globalState copy; 2 could not be recovered \(garbled, no readable id\)\.$/),
    ]);
  });

  it('a journal that is not a journal at all (another program wrote it) is kept aside and the copy is used', async () => {
    const [only] = await recordsOf(['from-copy']);
    writeFileSync(journalFile(), '{"hello": "world"}');
    const { tracker } = await window();
    expect((await tracker.getStagedProfiles()).map((r) => r.stagingId)).toEqual([only.stagingId]);
    expect(keptAside()).toHaveLength(1);
    expect(world.notices.recoveries[0]).toMatchObject({ fromJournal: 0, fromMirror: 1, unrecovered: [] });
    expect(world.logs.filter((l) => l.startsWith('The deployment journal was damaged'))).toEqual([
      expect.stringMatching(/Recovered 0 record\(s\) from it and 1 from the globalState copy; 0 could not be recovered\.$/),
    ]);
  });
});

describe('a journal that cannot be written', () => {
  it('says so once, however many writes fail', async () => {
    const { tracker } = await window();
    rmSync(journalFile(), { force: true });
    mkdirSync(journalFile()); // something else took the name: every write fails
    for (const serverName of ['one', 'two']) {
      await tracker.create(createRequest({ serverName })).catch(() => undefined);
      await tracker.whenIdle().catch(() => undefined);
      expect(world.notices.notSaved).toHaveLength(1); // from the first failed write on
    }
    expect(world.notices.notSaved[0]).toMatch(/EISDIR/);
  });
});

describe('a broken record', () => {
  it('already moved by another load is not quarantined again by the deferred check that found it earlier', async () => {
    const [good] = await recordsOf(['good']);
    const broken = { ...good, stagingId: 'broken', createdAt: 'yesterday' };
    writeFileSync(journalFile(), JSON.stringify({ journalVersion: 1, records: [broken, good] }));
    const journal = new DeploymentJournal(world.storageDir, world.memento, { log: (m) => void world.logs.push(m), notices: world.notices });
    await journal.load(); // e.g. a poll cycle's read: quarantines it
    await journal.quarantine([{ stagingId: 'broken', reason: 'createdAt: expected number' }]); // the deferred check, late
    expect(world.memento.get<unknown[]>(QUARANTINE_KEY)).toHaveLength(1);
    expect(world.logs.filter((l) => l.startsWith('Quarantined'))).toHaveLength(1);
  });

  it('is quarantined exactly once in an activation, with one notice naming the count', async () => {
    const [good] = await recordsOf(['good']);
    const settled = readRecord({ ...good, stagingId: 'old', state: 'failed', status: 'failed', terminalAt: good.createdAt, armError: { code: 'X', message: 'x' } });
    if (settled.kind !== 'valid') throw new Error('fixture');
    // Settled long ago (validated after activation), and broken.
    const broken = { ...settled.record, createdAt: 'yesterday', terminalAt: good.createdAt - 48 * 60 * MINUTE };
    writeFileSync(journalFile(), JSON.stringify({ journalVersion: 1, records: [broken, good] }));
    const { tracker } = await window();
    await tracker.refresh(); // a poll cycle reads the journal while the settled history is still being validated
    await tracker.whenRehydrated();
    await tracker.whenIdle();
    expect(world.memento.get<unknown[]>(QUARANTINE_KEY)).toHaveLength(1);
    expect(world.logs.filter((l) => l.startsWith('Quarantined'))).toHaveLength(1);
    expect(world.notices.quarantines).toEqual([[expect.stringMatching(/^createdAt/)]]);
    expect(existsSync(journalFile())).toBe(true);
  });
});
