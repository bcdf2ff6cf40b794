import { beforeEach, describe, expect, it } from 'vitest';
import { createRequest } from '../../support/trackerFakes';
import type { SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

async function finishing(count: number) {
  const { tracker } = await setup.window();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await tracker.create(createRequest({ serverName: `server-${i}` })));
  await tracker.whenIdle();
  for (const id of ids) world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: `/x/flexibleServers/${id}` });
  return { tracker, ids };
}

describe('globalState writes when deployments finish', () => {
  it('a cycle in which three deployments finish, profiles and dashboards included, writes once', async () => {
    const { tracker, ids } = await finishing(3);
    const before = world.memento.writes;
    await tracker.refresh();
    await tracker.whenIdle();
    expect(ids.map((id) => tracker.getDeployment(id)?.value)).toEqual(ids.map(() => ({ succeeded: 'dashboardOpened' })));
    expect(world.memento.writes - before).toBe(1);
  });

  it('effects that take their time: the cycle writes once, and their results once together, not once each', { timeout: 15_000 }, async () => {
    const { tracker, ids } = await finishing(3);
    let open: () => void = () => undefined;
    world.effects.gate = new Promise((resolve) => (open = resolve));
    const before = world.memento.writes;
    await tracker.refresh();
    expect(world.memento.writes - before).toBe(1); // the cycle: three deployments succeeded
    open();
    await tracker.whenIdle();

    expect(ids.map((id) => tracker.getDeployment(id)?.value)).toEqual(ids.map(() => ({ succeeded: 'dashboardOpened' })));
    expect(world.memento.writes - before).toBe(2); // three profiles and three dashboards: one write
  });
});
