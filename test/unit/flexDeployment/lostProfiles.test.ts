import { beforeEach, describe, expect, it } from 'vitest';
import { createRequest } from '../../support/trackerFakes';
import type { SharedWorld, TestWindow } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

/** A deployment that succeeded in the window that created it: profile saved, dashboard opened. */
async function succeeded(): Promise<{ window: TestWindow; stagingId: string; profileId: string }> {
  const window = await setup.window();
  const stagingId = await window.tracker.create(createRequest());
  world.reader.set(window.tracker.getDeployment(stagingId)!.context.deploymentName, { kind: 'succeeded', serverResourceId: '/x/flexibleServers/pgflex-demo' });
  await window.tracker.refresh();
  await window.tracker.whenIdle();
  expect(window.tracker.getDeployment(stagingId)?.value).toEqual({ succeeded: 'dashboardOpened' });
  return { window, stagingId, profileId: window.tracker.getDeployment(stagingId)!.context.profileId! };
}

async function restart(window: TestWindow): Promise<TestWindow> {
  await setup.crash(window);
  const next = await setup.window();
  await next.tracker.whenRehydrated();
  await next.tracker.whenIdle();
  return next;
}

describe('a saved profile that went missing', () => {
  it('is saved again on activation, once, without a second dashboard or ready notice', async () => {
    const { window, stagingId, profileId } = await succeeded();
    world.effects.profiles.delete(profileId); // another window wrote the setting from a stale copy
    const next = await restart(window);
    expect(world.effects.profiles.has(profileId)).toBe(true);
    expect(world.effects.saveCalls).toBe(2);
    const restored = next.tracker.getDeployment(stagingId)!;
    expect(restored.value).toEqual({ succeeded: 'dashboardOpened' });
    expect(restored.context.profileCreated).toBe(true);
    expect(restored.context.profileRestoredAt).toBeDefined();
    expect(world.effects.dashboards).toEqual([stagingId]);
    expect(world.effects.ready).toEqual([]);

    world.effects.profiles.delete(profileId); // gone again: now it stays gone
    await restart(next);
    expect(world.effects.saveCalls).toBe(2);
    expect(world.effects.profiles.has(profileId)).toBe(false);
  });

  it('is not brought back when the user removed it', async () => {
    const { window, stagingId, profileId } = await succeeded();
    world.effects.profiles.delete(profileId);
    await window.tracker.noteProfileRemoved(profileId);
    await window.tracker.whenIdle();
    const next = await restart(window);
    expect(world.effects.saveCalls).toBe(1);
    expect(next.tracker.getDeployment(stagingId)?.context.profileRemovedAt).toBeDefined();
  });

  it('one read of the saved profiles, however many deployments succeeded', async () => {
    const window = await setup.window();
    for (let i = 0; i < 5; i++) {
      const id = await window.tracker.create(createRequest({ serverName: `server-${i}` }));
      world.reader.set(window.tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: `/x/flexibleServers/server-${i}` });
    }
    await window.tracker.refresh();
    await window.tracker.whenIdle();
    let reads = 0;
    const read = world.effects.savedProfileIds.bind(world.effects);
    world.effects.savedProfileIds = () => (reads++, read());
    await restart(window);
    expect(reads).toBe(1);
    expect(world.effects.saveCalls).toBe(5);
  });
});
