import { beforeEach, describe, expect, it } from 'vitest';
import { createRequest } from '../../support/trackerFakes';
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
