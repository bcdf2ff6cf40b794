import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeploymentJournal } from '../../../src/services/flexDeployment/deploymentJournal';
import { LockFileLeases } from '../../../src/services/flexDeployment/deploymentLeases';
import { FlexDeploymentTracker } from '../../../src/services/flexDeployment/flexDeploymentTracker';
import { STAGED_PROFILES_KEY } from '../../../src/services/flexDeployment/storageKeys';
import { createRequest, tempDir } from '../../support/trackerFakes';
import { createWorld, openWindow, type SharedWorld } from '../../support/trackerHarness';

let dir: ReturnType<typeof tempDir>;
let world: SharedWorld;
const trackers: FlexDeploymentTracker[] = [];

/** A window with real lock-file leases in the shared storage folder, as two extension hosts have. */
async function realWindow() {
  const log = (m: string) => void world.logs.push(m);
  const tracker = new FlexDeploymentTracker({
    journal: new DeploymentJournal(dir.path, world.memento, { log, notices: world.notices, now: world.clock.now }),
    leases: new LockFileLeases(join(dir.path, 'leases')),
    reader: world.reader,
    provisioner: world.provisioner,
    canceller: world.canceller,
    effects: world.effects,
    secrets: world.secrets,
    signIn: world.signIn,
    settings: { retentionDays: () => 30, pollIntervalMs: () => 15_000 },
    clock: world.clock,
    lifecycle: world.lifecycle,
    log,
  });
  trackers.push(tracker);
  await tracker.activate();
  tracker.stopPolling();
  return tracker;
}

beforeEach(() => {
  dir = tempDir();
  world = createWorld(dir.path);
});
afterEach(async () => {
  for (const t of trackers.splice(0)) await t.dispose();
  dir.remove();
});

describe('two windows sharing globalState and the storage folder', () => {
  it('one deployment gives exactly one profile and one poller', async () => {
    const a = await realWindow();
    const b = await realWindow();
    const id = await a.create(createRequest());
    await b.refresh(); // B sees A's record and cannot take its lease; B is the machine's poller now
    const name = a.getDeployment(id)!.context.deploymentName;
    world.reader.set(name, { kind: 'succeeded', serverResourceId: '/x/flexibleServers/pgflex-demo' });
    await Promise.all([a.refresh(), b.refresh()]);
    await a.refresh(); // A, the owner, takes B's posted answer if the board's watch has not yet
    await Promise.all([a.whenIdle(), b.whenIdle()]);
    const readsOfIt = world.reader.reads.flat().filter((r) => r.stagingId === id).length;
    expect(readsOfIt).toBe(2); // one per cycle: B's first, and one of the two windows' second
    expect(world.effects.saveCalls).toBe(1);
    expect(world.effects.profiles.size).toBe(1);
    expect(a.getDeployment(id)?.value).toEqual({ succeeded: 'dashboardOpened' }); // in A's active session
  });

  it('two windows each owning a deployment: one ARM read per cycle for both, each owner finishes its own', async () => {
    const a = await realWindow();
    const b = await realWindow();
    const fromA = await a.create(createRequest({ serverName: 'from-a' }));
    const fromB = await b.create(createRequest({ serverName: 'from-b' }));
    for (const [window, id] of [[a, fromA], [b, fromB]] as const) {
      world.reader.set(window.getDeployment(id)!.context.deploymentName, { kind: 'running', provisioningState: 'Running' });
    }
    world.reader.reads.length = 0;
    for (let cycle = 0; cycle < 3; cycle++) {
      world.clock.advance(15_000);
      await Promise.all([a.refresh(), b.refresh()]);
    }
    expect(world.reader.reads).toHaveLength(3);
    expect(world.reader.reads.every((refs) => refs.map((r) => r.stagingId).sort().join() === [fromA, fromB].sort().join())).toBe(true);

    for (const [window, id] of [[a, fromA], [b, fromB]] as const) {
      world.reader.set(window.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: `/x/flexibleServers/${id}` });
    }
    world.clock.advance(15_000);
    // Two rounds, one window after the other: whichever polls posts, and the other applies it.
    for (let round = 0; round < 2; round++) {
      await a.refresh();
      await b.refresh();
    }
    await Promise.all([a.whenIdle(), b.whenIdle()]);
    expect(a.getDeployment(fromA)?.value).toEqual({ succeeded: 'dashboardOpened' });
    expect(b.getDeployment(fromB)?.value).toEqual({ succeeded: 'dashboardOpened' });
    expect(world.effects.dashboards.sort()).toEqual([fromA, fromB].sort());
    expect(world.effects.saveCalls).toBe(2);
  });

  it("the other window's view of a deployment changes once per write, not once per read-back", async () => {
    const a = await realWindow();
    const b = await realWindow();
    const id = await a.create(createRequest());
    await a.refresh(); // A is the machine's poller: B's cycles only read what A posts
    await b.refresh();
    const seen: number[] = [];
    const subscription = b.deployment$(id).subscribe((view) => seen.push(view.context.lastCheckedAt ?? 0));
    for (let i = 0; i < 3; i++) await b.refresh(); // re-reads the same record three times
    expect(seen).toHaveLength(1);
    world.clock.advance(15_000);
    await a.refresh(); // A's poll: the record changes
    await a.whenIdle();
    for (let i = 0; i < 3; i++) await b.refresh();
    await Promise.resolve();
    subscription.unsubscribe();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBeGreaterThan(seen[0]);
  });

  it('two windows creating at the same time lose neither record', async () => {
    const a = await realWindow();
    const b = await realWindow();
    const [x, y] = await Promise.all([a.create(createRequest({ serverName: 'from-a' })), b.create(createRequest({ serverName: 'from-b' }))]);
    await Promise.all([a.whenIdle(), b.whenIdle()]);
    const ids = (world.memento.get<{ stagingId: string }[]>(STAGED_PROFILES_KEY) ?? []).map((r) => r.stagingId).sort();
    expect(ids).toEqual([x, y].sort());
  });

  it('adopts a deployment within one poll cycle when its window is gone', async () => {
    const a = openWindow(world);
    trackers.push(a.tracker);
    await a.tracker.activate();
    a.tracker.stopPolling();
    const b = openWindow(world);
    trackers.push(b.tracker);
    await b.tracker.activate();
    b.tracker.stopPolling();
    const id = await a.tracker.create(createRequest());
    await b.tracker.refresh();
    expect(b.leases.holds(id)).toBe(false);
    a.leases.crash();
    world.reader.set(a.tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: '/x/s' });
    await b.tracker.refresh();
    await b.tracker.whenIdle();
    expect(b.tracker.getDeployment(id)?.value).toEqual({ succeeded: 'profileCreated' });
    expect(world.effects.profiles.size).toBe(1);
  });
});
