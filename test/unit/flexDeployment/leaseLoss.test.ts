import { beforeEach, describe, expect, it } from 'vitest';
import { MACHINE_POLLER_LEASE } from '../../../src/services/flexDeployment/machinePoller';
import { createRequest } from '../../support/trackerFakes';
import { type SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

describe('a window that loses a lease', () => {
  it('leaves a deployment taken over by another window to that window, and says so', async () => {
    const { tracker, leases } = await setup.window();
    const id = await tracker.create(createRequest());
    leases.takenOver(id);
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' });
    await tracker.refresh();
    await tracker.whenIdle();
    expect(world.logs).toContain(`Another window took over deployment ${id}.`);
    expect(world.effects.saveCalls).toBe(0); // the profile is the new owner's to save
  });

  it("keeps its deployments when only the machine's poller lease goes", async () => {
    const { tracker, leases } = await setup.window();
    const id = await tracker.create(createRequest());
    await tracker.refresh();
    leases.takenOver(MACHINE_POLLER_LEASE);
    expect(world.logs.filter((line) => line.includes('took over'))).toEqual([]);
    expect(await tracker.cancel(id)).toBe('sent'); // still the owner: it cancels, it does not ask
  });

  it('gives up the lease of a deployment whose actor stopped on an internal error, so another window can resume it', async () => {
    const { tracker, leases } = await setup.window();
    const id = await tracker.create(createRequest());
    world.effects.saveProfile = () => {
      throw new Error('saveProfile is not a function of this build');
    };
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' });
    await tracker.refresh();
    await tracker.whenIdle();
    await expect.poll(() => leases.holds(id)).toBe(false);
  });

  it('logs why giving up that lease failed', async () => {
    const { tracker, leases } = await setup.window();
    const id = await tracker.create(createRequest());
    world.effects.saveProfile = () => {
      throw new Error('saveProfile is not a function of this build');
    };
    leases.release = () => Promise.reject(new Error('EPERM: lease file locked'));
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' });
    await tracker.refresh();
    await tracker.whenIdle();
    await expect.poll(() => world.logs).toContain(`Releasing deployment ${id} failed: Error: EPERM: lease file locked`);
  });
});
