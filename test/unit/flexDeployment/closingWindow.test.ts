import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { comesTrue, until, useFakePollTime } from '../../support/fakeTime';
import { storedRecords } from '../../support/storedRecords';
import { createRequest } from '../../support/trackerFakes';
import { type SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));
afterEach(() => void vi.useRealTimers());

describe('closing a window', () => {
  it('waits for a profile save in progress, and writes that it is saved', async () => {
    const { tracker } = await setup.window();
    const id = await tracker.create(createRequest());
    let answerSave = () => {};
    world.effects.gate = new Promise<void>((resolve) => (answerSave = resolve));
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' });
    useFakePollTime();
    let cycled = false;
    const cycle = tracker.refresh().then(() => (cycled = true));
    await until(() => cycled, { stepMs: 100, forMs: 5_000 }); // the cycle stops waiting for the save after 2 s
    let closed = false;
    const closing = tracker.dispose().then(() => (closed = true));
    expect(await comesTrue(() => closed, { forMs: 3_000 })).toBe(false); // ample for a close that waits for nothing
    answerSave();
    await until(() => closed);
    await Promise.all([cycle, closing]);
    expect(storedRecords(setup.storageDir).find((r) => r.stagingId === id)).toMatchObject({ status: 'succeeded', profileCreated: true });
  });
});
