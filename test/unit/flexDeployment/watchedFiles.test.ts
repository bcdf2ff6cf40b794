import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelRequests } from '../../../src/services/flexDeployment/cancelRequests';
import { DeploymentJournal } from '../../../src/services/flexDeployment/deploymentJournal';
import { ObservationBoard } from '../../../src/services/flexDeployment/observationBoard';
import { createRequest } from '../../support/trackerFakes';
import { type SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));
afterEach(() => void vi.restoreAllMocks());

const SUCCEEDED = { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' } as const;

/** A window whose file watches fire when the test says, not when the file system does. */
async function windowHearingByHand() {
  const heard = { journalChanged: () => {}, boardPosted: () => {}, cancelAsked: () => {}, watching: new Set<string>() };
  const watch = (file: string) => {
    heard.watching.add(file);
    return { dispose: () => void heard.watching.delete(file) };
  };
  const journal = vi.spyOn(DeploymentJournal.prototype, 'watch').mockImplementation((listener) => {
    heard.journalChanged = listener;
    return watch('journal');
  });
  const board = vi.spyOn(ObservationBoard.prototype, 'watch').mockImplementation((listener) => {
    heard.boardPosted = listener;
    return watch('board');
  });
  const cancels = vi.spyOn(CancelRequests.prototype, 'watch').mockImplementation(async (listener) => {
    heard.cancelAsked = listener;
    return watch('cancel requests');
  });
  try {
    return { ...(await setup.window()), heard };
  } finally {
    journal.mockRestore();
    board.mockRestore();
    cancels.mockRestore();
  }
}

describe('what another window writes, taken in as the files change (no poll cycle)', () => {
  it("shows another window's new deployments, each one as it is written", async () => {
    const a = await setup.window();
    const b = await setup.window();
    const first = await a.tracker.create(createRequest({ serverName: 'first' }));
    await expect.poll(() => b.tracker.getDeployment(first)?.context.serverName).toBe('first');
    const second = await a.tracker.create(createRequest({ serverName: 'second' }));
    await expect.poll(() => b.tracker.getDeployment(second)?.context.serverName).toBe('second');
  });

  it("applies the machine's poller's answers for its own deployments as soon as they are posted", async () => {
    const owner = await setup.window();
    const id = await owner.tracker.create(createRequest());
    const poller = await setup.window();
    world.reader.set(owner.tracker.getDeployment(id)!.context.deploymentName, SUCCEEDED);
    await poller.tracker.refresh();
    await expect.poll(() => owner.tracker.getDeployment(id)?.context.status).toBe('succeeded');
    await owner.tracker.whenIdle();
    expect(world.effects.profiles.size).toBe(1);
  });

  it('reads the journal once for a burst of changes, and neither the board nor cancel requests when it owns nothing', async () => {
    const a = await setup.window();
    const b = await windowHearingByHand();
    const id = await a.tracker.create(createRequest());
    const journalReads = vi.spyOn(DeploymentJournal.prototype, 'changes');
    const boardReads = vi.spyOn(ObservationBoard.prototype, 'read');
    const requestReads = vi.spyOn(CancelRequests.prototype, 'asked');
    for (let i = 0; i < 5; i++) {
      b.heard.journalChanged();
      b.heard.boardPosted();
      b.heard.cancelAsked();
    }
    await expect.poll(() => b.tracker.getDeployment(id)).toBeDefined();
    await b.tracker.whenIdle();
    expect(journalReads).toHaveBeenCalledTimes(1);
    expect(boardReads).not.toHaveBeenCalled();
    expect(requestReads).not.toHaveBeenCalled();
  });

  it("sends another window's cancel request for its deployment to ARM as soon as it is asked", async () => {
    const owner = await setup.window();
    const other = await setup.window();
    const id = await owner.tracker.create(createRequest());
    await other.tracker.refresh();
    expect(await other.tracker.cancel(id)).toBe('askedOwner');
    await expect.poll(() => world.canceller.calls).toEqual([owner.tracker.getDeployment(id)!.context.deploymentName]);
  });

  it("logs why answering another window's cancel request failed", async () => {
    const owner = await windowHearingByHand();
    const other = await setup.window();
    const id = await owner.tracker.create(createRequest());
    await other.tracker.refresh();
    await other.tracker.cancel(id);
    vi.spyOn(DeploymentJournal.prototype, 'commit').mockRejectedValueOnce(new Error('ENOSPC: no space left on device'));
    owner.heard.cancelAsked();
    await expect.poll(() => world.logs).toContain("Answering another window's cancel request failed: Error: ENOSPC: no space left on device");
  });

  it('logs why taking in the other windows’ deployments failed', async () => {
    const a = await setup.window();
    const b = await windowHearingByHand();
    b.leases.tryAcquire = () => Promise.reject(new Error('EIO: the leases folder cannot be read'));
    await a.tracker.create(createRequest());
    b.heard.journalChanged();
    await expect.poll(() => world.logs).toContain("Reading other windows' deployments failed: Error: EIO: the leases folder cannot be read");
  });

  it('logs why applying the posted answers failed', async () => {
    const owner = await windowHearingByHand();
    const id = await owner.tracker.create(createRequest());
    const poller = await setup.window();
    await poller.tracker.refresh();
    world.lifecycle.observed = () => {
      throw new Error('telemetry is unavailable');
    };
    owner.heard.boardPosted();
    await expect.poll(() => world.logs).toContain("Applying ARM's answers from the poller failed: Error: telemetry is unavailable");
    expect(owner.tracker.getDeployment(id)?.value).toBe('deploying');
  });

  it('a closing window stops watching, and acts on nothing it heard before', async () => {
    const owner = await windowHearingByHand();
    const id = await owner.tracker.create(createRequest());
    const other = await setup.window();
    world.reader.set(owner.tracker.getDeployment(id)!.context.deploymentName, SUCCEEDED);
    await other.tracker.refresh(); // posts ARM's Succeeded for the owner
    const otherId = await other.tracker.create(createRequest({ serverName: 'from-other' }));
    owner.heard.boardPosted();
    owner.heard.journalChanged();
    expect(owner.heard.watching.size).toBe(3);
    await owner.tracker.dispose();
    expect(owner.heard.watching.size).toBe(0); // no file handle outlives the window
    expect(world.effects.saveCalls).toBe(0); // the next window to own it saves the profile
    expect(owner.tracker.getDeployment(otherId)).toBeUndefined();
  });
});
