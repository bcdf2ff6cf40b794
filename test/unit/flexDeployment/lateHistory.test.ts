import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DeploymentJournal } from '../../../src/services/flexDeployment/deploymentJournal';
import { createRequest } from '../../support/trackerFakes';
import { openWindow, type SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const DAY = 24 * 60 * 60 * 1000;
const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

describe('the settled history, read after activation', () => {
  it('never replaces a newer copy the window took in meanwhile', async () => {
    const first = await setup.window();
    const id = await first.tracker.create(createRequest());
    world.reader.set(first.tracker.getDeployment(id)!.context.deploymentName, { kind: 'failed', error: { code: 'X', message: 'boom' } });
    await first.tracker.refresh();
    await first.tracker.whenIdle();
    world.clock.advance(DAY + 1); // past the notification window: the next activation moves it to the history

    let historyRead = () => {};
    const loadHistory = DeploymentJournal.prototype.loadHistory;
    vi.spyOn(DeploymentJournal.prototype, 'loadHistory').mockImplementationOnce(async function (this: DeploymentJournal) {
      const history = await loadHistory.call(this);
      await new Promise<void>((resolve) => (historyRead = resolve));
      return history;
    });
    const late = openWindow(world);
    try {
      await late.tracker.activate();
      await first.tracker.retry(id); // written after the late window read the history
      await late.tracker.refresh(); // takes the retried copy in
      historyRead();
      await late.tracker.whenRehydrated();
      expect(late.tracker.getDeployment(id)?.context.retryRequestedAt).toBeDefined();
    } finally {
      historyRead();
      await late.tracker.dispose();
    }
  });
});
