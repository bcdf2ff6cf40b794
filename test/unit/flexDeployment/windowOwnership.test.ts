import { beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentStateName } from '../../../machines/flexDeployment/deploymentStates';
import type { DeploymentJournal, JournalChanges } from '../../../src/services/flexDeployment/deploymentJournal';
import { toRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { OwnedDeployments } from '../../../src/services/flexDeployment/ownedDeployments';
import { TrackedRecords } from '../../../src/services/flexDeployment/trackedRecords';
import { OwnerActions } from '../../../src/services/flexDeployment/ownerActions';
import { WindowSync } from '../../../src/services/flexDeployment/windowSync';
import { modelInput } from '../../support/deploymentModel';
import { FakeClock, FakeProvisioner, MemorySecrets, RecordingEffects, ScriptedCanceller, ScriptedReader, createRequest } from '../../support/trackerFakes';
import type { SharedWorld, TestWindow } from '../../support/trackerHarness';
import { storedRecords } from '../../support/storedRecords';
import { useTrackerWorld } from '../../support/trackerWorld';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

const QUOTA = { code: 'QuotaExceeded', message: 'Quota exceeded.' };

async function cycle(window: TestWindow): Promise<void> {
  await window.tracker.refresh();
  await window.tracker.whenIdle();
}

const nameOf = (window: TestWindow, stagingId: string) => window.tracker.getDeployment(stagingId)!.context.deploymentName;

describe('which window works on which deployment', () => {
  it('an action on a deployment another window works on is refused, saying so, and changes nothing', async () => {
    const a = await setup.window();
    const b = await setup.window();
    const id = await a.tracker.create(createRequest());
    await cycle(b);
    await expect(b.tracker.dismiss(id)).rejects.toThrow('Another VS Code window is working on this deployment. Try again in a moment.');
    await expect(b.tracker.retry(id)).rejects.toThrow('Another VS Code window is working on this deployment.');
    expect(a.leases.holds(id)).toBe(true);
    expect(b.leases.holds(id)).toBe(false);
    expect(a.tracker.getDeployment(id)?.value).toBe('deploying');
    expect(world.effects.retryForms).toEqual([]);
  });

  it('a failure whose staged password could not be deleted is still let go: another window can dismiss it', async () => {
    const a = await setup.window();
    const b = await setup.window();
    const id = await a.tracker.create(createRequest());
    world.secrets.delete = () => Promise.reject(new Error('the keychain is locked'));
    world.reader.set(nameOf(a, id), { kind: 'failed', error: QUOTA });
    await cycle(a);
    expect(a.leases.holds(id)).toBe(false);
    await cycle(b);
    await b.tracker.dismiss(id);
    await b.tracker.whenIdle();
    expect(storedRecords(setup.storageDir)).toEqual([]);
  });

  it("another window's dismissal takes the deployment out of this window's view", async () => {
    const a = await setup.window();
    const b = await setup.window();
    const id = await a.tracker.create(createRequest());
    world.reader.set(nameOf(a, id), { kind: 'failed', error: QUOTA });
    await cycle(a);
    await cycle(b);
    expect(b.tracker.getDeployment(id)?.value).toBe('failed');
    await a.tracker.dismiss(id);
    await a.tracker.whenIdle();
    await cycle(b);
    expect(b.tracker.getDeployment(id)).toBeUndefined();
  });

  it("a server this window is building survives another window's Clear: it is finished here and written back", async () => {
    const a = await setup.window();
    const b = await setup.window();
    const id = await b.tracker.create(createRequest());
    await cycle(a);
    await a.tracker.clearAll();
    world.reader.set(nameOf(b, id), { kind: 'succeeded', serverResourceId: '/x/flexibleServers/pgflex-demo' });
    await cycle(b);
    await cycle(b);
    expect(b.tracker.getDeployment(id)?.value).toEqual({ succeeded: 'dashboardOpened' });
    expect(world.effects.profiles.size).toBe(1);
    expect(storedRecords(setup.storageDir).map((r) => r.stagingId)).toEqual([id]);
  });

  it('Cancel pressed again while ARM’s answer to the first is on its way: the answer still lands', async () => {
    const a = await setup.window();
    const id = await a.tracker.create(createRequest());
    let answer = () => {};
    world.canceller.gate = new Promise<void>((resolve) => (answer = resolve));
    expect(await a.tracker.cancel(id)).toBe('sent');
    expect(await a.tracker.cancel(id)).toBe('sent');
    answer();
    await a.tracker.whenIdle();
    expect(world.canceller.calls).toHaveLength(1);
    expect(a.tracker.getDeployment(id)?.context.cancellation?.acceptedAt).toBe(world.clock.now());
  });
});

describe("another window's stale copy of a deployment this window has the newer copy of", () => {
  /** One window's sync and owner actions, with what the journal says other windows wrote since it last looked. */
  function windowWith(changes: JournalChanges, pending: readonly string[] = []) {
    const world = { reader: new ScriptedReader(), secrets: new MemorySecrets(), clock: new FakeClock() };
    const records = new TrackedRecords();
    const owned = new OwnedDeployments(
      {
        effects: new RecordingEffects(world.secrets),
        canceller: new ScriptedCanceller(world.reader),
        provisioner: new FakeProvisioner(world.reader),
        secrets: world.secrets,
        clock: world.clock,
      },
      { changed: (record) => void records.set(record), moved: () => undefined, settled: () => undefined, failed: () => undefined, effectsDone: () => undefined },
      () => undefined,
    );
    // The journal keeps none of these deployments' latest records: other windows removed them.
    const journal = { changes: async () => changes, latest: async () => undefined } as unknown as DeploymentJournal;
    const leases = setup.world.leases.forWindow();
    const sync = new WindowSync({ journal, leases, clock: world.clock }, records, owned, { hasPending: (id) => pending.includes(id) });
    const owner = new OwnerActions({ journal, leases }, records, owned, { flush: async () => undefined });
    return { records, owned, sync, owner, leases };
  }

  const copy = (stagingId: string, state: DeploymentStateName) => toRecord(state, { ...modelInput(), stagingId });

  it('is not taken in, nor its removal, when this window owns the deployment', async () => {
    const { records, owned, sync } = windowWith({ upserts: [copy('owned', 'deploying')], deletes: ['owned-too'] });
    for (const id of ['owned', 'owned-too']) {
      owned.start({ ...modelInput(), stagingId: id });
      owned.send(id, { type: 'arm.accepted', at: modelInput().createdAt + 1000 });
      owned.send(id, { type: 'user.cancel', at: modelInput().createdAt + 2000 });
    }
    await sync.syncWithOtherWindows();
    expect(records.get('owned')?.state).toBe('cancelling');
    expect(records.get('owned-too')?.state).toBe('cancelling');
  });

  it('an action on one another window removed before this view learnt of it takes it away here, with no error and no lease kept', async () => {
    const { records, owner, leases } = windowWith({ upserts: [], deletes: [] });
    records.set(copy('gone', 'failed'));
    await owner.sendAsOwner('gone', { type: 'user.dismiss', at: modelInput().createdAt + 60_000 });
    expect(records.get('gone')).toBeUndefined();
    expect(leases.holds('gone')).toBe(false);
  });

  it('is not taken in when this window changed the deployment and has not written it yet', async () => {
    const { records, sync } = windowWith({ upserts: [copy('changed', 'deploying')], deletes: [] }, ['changed']);
    records.set(copy('changed', 'failed'));
    await sync.syncWithOtherWindows();
    expect(records.get('changed')?.state).toBe('failed');
  });
});
