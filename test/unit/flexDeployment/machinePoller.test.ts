import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRequest } from '../../support/trackerFakes';
import { type SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

const readIds = () => world.reader.reads.map((refs) => refs.map((ref) => ref.stagingId));

describe("the machine's poller", () => {
  it('does not call ARM when no deployment needs reading', async () => {
    const { tracker } = await setup.window();
    await tracker.refresh();
    expect(world.reader.reads).toEqual([]);
  });

  it('leaves a deployment whose PUT is still on its way to the PUT’s answer', async () => {
    const { tracker } = await setup.window();
    let answerPut = () => {};
    const start = world.provisioner.startDeployment.bind(world.provisioner);
    world.provisioner.startDeployment = async (request, deploymentName) => {
      await new Promise<void>((resolve) => (answerPut = resolve));
      return start(request, deploymentName);
    };
    const creating = tracker.create(createRequest());
    await expect.poll(() => world.lifecycle.told.length).toBe(1); // staged, the PUT sent
    await tracker.refresh();
    expect(world.reader.reads).toEqual([]);
    answerPut();
    const id = await creating;
    await tracker.refresh();
    expect(readIds()).toEqual([[id]]);
  });

  it("applies a posted cycle once: the owner's next cycle does not apply the same answers again", async () => {
    const owner = await setup.window();
    const poller = await setup.window();
    const id = await owner.tracker.create(createRequest());
    await poller.tracker.refresh();
    await owner.tracker.refresh();
    await owner.tracker.refresh();
    await owner.tracker.whenIdle();
    expect(world.lifecycle.told.filter((moment) => moment.startsWith('observed'))).toEqual([`observed ${id} running`]);
  });

  it("applies only this window's deployments from what another window posted", async () => {
    const owner = await setup.window();
    const poller = await setup.window();
    const id = await owner.tracker.create(createRequest());
    world.reader.set(owner.tracker.getDeployment(id)!.context.deploymentName, { kind: 'signedOut' });
    await poller.tracker.refresh();
    await owner.tracker.refresh();
    await Promise.all([owner.tracker.whenIdle(), poller.tracker.whenIdle()]);
    // One window waits for the sign-in: the owner. The poller owns nothing that waits.
    expect(world.lifecycle.told.filter((moment) => moment.startsWith('signInNeeded'))).toEqual(['signInNeeded 1']);
    expect(world.signIn.prompts).toBe(1);
  });

  it('still applies its own answers when it cannot post them for the other windows, and says why', async () => {
    const { tracker } = await setup.window();
    const id = await tracker.create(createRequest());
    mkdirSync(join(setup.storageDir, 'armObservations.json')); // a folder where the board's file goes
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'failed', error: { code: 'X', message: 'boom' } });
    await tracker.refresh();
    await tracker.whenIdle();
    expect(world.logs.some((line) => line.startsWith("Posting ARM's answers for the other windows failed: Error:"))).toBe(true);
    expect(tracker.getDeployment(id)?.context.status).toBe('failed');
  });
});
