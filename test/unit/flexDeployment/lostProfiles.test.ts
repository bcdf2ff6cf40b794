import { beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { toRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { LostProfiles } from '../../../src/services/flexDeployment/lostProfiles';
import { TrackedRecords } from '../../../src/services/flexDeployment/trackedRecords';
import { modelInput } from '../../support/deploymentModel';
import { FakeClock, MemorySecrets, RecordingEffects, createRequest } from '../../support/trackerFakes';
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

/** What the log says about saving a deployment's profile again. */
const missingSaid = () => world.logs.filter((m) => m.includes('missing from the saved connections'));

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
    expect(missingSaid()).toEqual([`The connection profile of deployment ${stagingId} is missing from the saved connections; saving it again.`]);
    // The log says it was saved, each time it was.
    expect(world.lifecycle.told.filter((m) => m.startsWith('profileSaved'))).toEqual([`profileSaved ${stagingId}`, `profileSaved ${stagingId}`]);

    world.effects.profiles.delete(profileId); // gone again: now it stays gone
    await restart(next);
    expect(world.effects.saveCalls).toBe(2);
    expect(world.effects.profiles.has(profileId)).toBe(false);
    expect(missingSaid()).toHaveLength(1);
  });

  it('is not brought back when the user removed it', async () => {
    const { window, stagingId, profileId } = await succeeded();
    world.effects.profiles.delete(profileId);
    await window.tracker.noteProfileRemoved(profileId);
    await window.tracker.whenIdle();
    const next = await restart(window);
    expect(world.effects.saveCalls).toBe(1);
    expect(next.tracker.getDeployment(stagingId)?.context.profileRemovedAt).toBeDefined();
    expect(missingSaid()).toEqual([]);
  });

  it('the removal is recorded on the deployment that saved the profile, and on no other', async () => {
    const { window, stagingId, profileId } = await succeeded();
    const other = await window.tracker.create(createRequest({ serverName: 'other-server' }));
    world.reader.set(window.tracker.getDeployment(other)!.context.deploymentName, { kind: 'succeeded', serverResourceId: '/x/flexibleServers/other-server' });
    await window.tracker.refresh();
    await window.tracker.whenIdle();
    await window.tracker.noteProfileRemoved(profileId);
    await window.tracker.whenIdle();
    expect(window.tracker.getDeployment(stagingId)?.context.profileRemovedAt).toBe(world.clock.now());
    expect(window.tracker.getDeployment(other)?.context.profileRemovedAt).toBeUndefined();
  });

  it('is not looked for when no deployment saved a profile', async () => {
    const window = await setup.window();
    const failed = await window.tracker.create(createRequest({ serverName: 'will-fail' }));
    world.reader.set(window.tracker.getDeployment(failed)!.context.deploymentName, { kind: 'failed', error: { code: 'QuotaExceeded', message: 'Quota exceeded.' } });
    await window.tracker.refresh();
    await window.tracker.whenIdle();
    await window.tracker.create(createRequest({ serverName: 'still-running' }));
    let reads = 0;
    const read = world.effects.savedProfileIds.bind(world.effects);
    world.effects.savedProfileIds = () => (reads++, read());
    await restart(window);
    expect(reads).toBe(0);
    expect(missingSaid()).toEqual([]);
  });

  it('saved connections that cannot be read are said, and no profile is saved again', async () => {
    const { window, profileId } = await succeeded();
    world.effects.profiles.delete(profileId);
    world.effects.savedProfileIds = () => Promise.reject(new Error('settings.json is not valid JSON'));
    await restart(window);
    expect(world.logs).toContain('Could not check the saved profiles of finished deployments: Error: settings.json is not valid JSON');
    expect(world.effects.saveCalls).toBe(1);
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

describe('a lost profile of a deployment this window already works on', () => {
  it('is told to its live actor, which is not rebuilt from the record (that would drop the answers it awaits)', async () => {
    const records = new TrackedRecords();
    records.set(toRecord('succeeded.profileCreated', { ...modelInput(), stagingId: 'live', profileCreated: true, profileId: 'flex-live' }));
    const sent: string[] = [];
    const adopted: string[] = [];
    const lostProfiles = new LostProfiles(
      { effects: new RecordingEffects(new MemorySecrets()), clock: new FakeClock(), log: () => undefined },
      records,
      { has: (id) => id === 'live', send: (id: string, event: DeploymentEvent) => void sent.push(`${event.type} ${id}`) },
      { adopt: async (id) => void adopted.push(id), sendAsOwner: async () => undefined },
      { batch: (work) => work() },
      (work) => work(),
    );
    await lostProfiles.restoreMissing();
    expect(sent).toEqual(['profile.missing live']);
    expect(adopted).toEqual([]);
  });
});
