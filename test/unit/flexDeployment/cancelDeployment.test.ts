import { beforeEach, describe, expect, it } from 'vitest';
import { stagedPasswordKey } from '../../../src/services/flexDeployment/storageKeys';
import { deploymentItems } from '../../../src/deployments/deploymentItems';
import { cpSync } from 'node:fs';
import { createRequest, tempDir } from '../../support/trackerFakes';
import { createWorld, openWindow, type SharedWorld, type TestWindow } from '../../support/trackerHarness';
import { storedRecords } from '../../support/storedRecords';
import { useTrackerWorld } from '../../support/trackerWorld';

/** Cancel Deployment through the tracker: ARM's answer, the outcome, the secret, the profile, a reload, another window. */

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

const SERVER_ID = '/subscriptions/s/resourceGroups/rg-pgflex/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgflex-demo';

async function deployingIn(window: TestWindow): Promise<{ id: string; deploymentName: string }> {
  const id = await window.tracker.create(createRequest());
  const { deploymentName } = window.tracker.getDeployment(id)!.context;
  world.reader.set(deploymentName, { kind: 'running', provisioningState: 'Running' });
  return { id, deploymentName };
}

async function cycle(window: TestWindow): Promise<void> {
  world.clock.advance(15_000);
  await window.tracker.refresh();
  await window.tracker.whenIdle();
}

function stored(id: string) {
  return storedRecords(setup.storageDir).find((r) => r.stagingId === id);
}

describe('cancelling a deployment', () => {
  it('asks ARM once, shows cancelling, then ends canceled: no profile, the staged password gone, told as canceled', async () => {
    const w = await setup.window();
    const { id, deploymentName } = await deployingIn(w);
    await w.tracker.cancel(id);
    await w.tracker.whenIdle();
    expect(world.canceller.calls).toEqual([deploymentName]);
    expect(w.tracker.getDeployment(id)?.value).toBe('cancelling');
    expect(stored(id)).toMatchObject({ state: 'cancelling', status: 'cancelling', cancellation: { acceptedAt: world.clock.time } });

    await cycle(w);
    expect(w.tracker.getDeployment(id)?.value).toBe('canceled');
    expect(stored(id)).toMatchObject({ state: 'canceled', status: 'canceled', profileCreated: false, terminalAt: world.clock.time });
    expect(stored(id)?.error).toBeUndefined();
    expect(world.secrets.values.has(stagedPasswordKey(id))).toBe(false);
    expect(world.effects.profiles.size).toBe(0);
    expect(world.effects.canceled).toEqual([id]);
    expect(world.effects.failed).toEqual([]);
    expect(world.canceller.calls).toHaveLength(1);
    const [item] = deploymentItems([w.tracker.getDeployment(id)!], world.clock.time, 30);
    expect(item).toMatchObject({ status: 'canceled', icon: 'circle-slash', contextValue: 'deployment.canceled' });
    expect(item?.description).toMatch(/^Canceled after /);
  });

  it('when ARM finishes while the cancel is on its way, ARM wins: succeeded, one profile, and the user is told it finished first', async () => {
    const w = await setup.window();
    const { id, deploymentName } = await deployingIn(w);
    let answer: () => void = () => undefined;
    world.canceller.gate = new Promise((resolve) => (answer = resolve));
    await w.tracker.cancel(id);
    expect(w.tracker.getDeployment(id)?.value).toBe('cancelling');

    world.reader.set(deploymentName, { kind: 'succeeded', serverResourceId: SERVER_ID });
    world.clock.advance(15_000);
    await w.tracker.refresh();
    answer(); // ARM refuses now: the deployment is not running any more
    await w.tracker.whenIdle();
    await cycle(w);
    expect(w.tracker.getDeployment(id)?.value).toEqual({ succeeded: 'profileCreated' });
    expect(world.effects.profiles.size).toBe(1);
    expect(world.effects.ready).toEqual([id]);
    expect(world.effects.dashboards).toEqual([]); // not opened on someone who asked to cancel
    expect(world.effects.canceled).toEqual([]);
    expect(stored(id)).toMatchObject({ status: 'succeeded', cancellation: { requestedAt: expect.any(Number) } });
  });

  it('when ARM refuses (409), goes back to deploying with the refusal shown, and the deployment goes on', async () => {
    const w = await setup.window();
    const { id, deploymentName } = await deployingIn(w);
    const refusal = { code: 'DeploymentCannotBeCancelled', message: "The deployment 'x' cannot be cancelled." };
    world.canceller.nextAnswers.push({ kind: 'refused', error: refusal });
    await w.tracker.cancel(id);
    await w.tracker.whenIdle();
    expect(w.tracker.getDeployment(id)?.value).toBe('deploying');
    expect(stored(id)?.cancellation).toEqual({ requestedAt: expect.any(Number), refused: refusal });
    const [item] = deploymentItems([w.tracker.getDeployment(id)!], world.clock.time, 30);
    expect(item?.tooltip).toContain(`Azure did not cancel it: ${refusal.message}`);

    world.reader.set(deploymentName, { kind: 'succeeded', serverResourceId: SERVER_ID });
    await cycle(w);
    await cycle(w);
    expect(world.effects.profiles.size).toBe(1);
  });

  it('when the cancel gets no answer, sends it again at the next read that finds the deployment running', async () => {
    const w = await setup.window();
    const { id } = await deployingIn(w);
    world.canceller.nextAnswers.push({ kind: 'unanswered', reason: 'HTTP 503 ServiceUnavailable' });
    await w.tracker.cancel(id);
    await w.tracker.whenIdle();
    expect(stored(id)?.cancellation?.unanswered).toEqual({ at: expect.any(Number), reason: 'HTTP 503 ServiceUnavailable' });
    await cycle(w);
    expect(world.canceller.calls).toHaveLength(2);
    await cycle(w);
    expect(w.tracker.getDeployment(id)?.value).toBe('canceled');
    expect(world.canceller.calls).toHaveLength(2);
  });

  it('after a reload, cancels a deployment the closed window started', async () => {
    const first = await setup.window();
    const { id } = await deployingIn(first);
    await setup.crash(first);
    const second = await setup.window();
    await second.tracker.cancel(id);
    await cycle(second);
    expect(second.tracker.getDeployment(id)?.value).toBe('canceled');
    expect(world.secrets.values.has(stagedPasswordKey(id))).toBe(false);
    expect(world.effects.profiles.size).toBe(0);
  });

  it('VS Code died between recording the cancel and ARM answering: the next window sends it again, and it ends canceled', async () => {
    const first = await setup.window();
    const { id } = await deployingIn(first);
    let answer: () => void = () => undefined;
    world.canceller.gate = new Promise((resolve) => (answer = resolve));
    await first.tracker.cancel(id);
    // What a window opened now finds: the disk, globalState and secrets as they are at this moment.
    const after = tempDir();
    try {
      cpSync(setup.storageDir, after.path, { recursive: true });
      const reopened = createWorld(after.path);
      for (const [key, value] of world.memento.values) reopened.memento.values.set(key, value);
      for (const [key, value] of world.secrets.values) reopened.secrets.values.set(key, value);
      for (const [name, state] of world.reader.states) reopened.reader.set(name, state);
      reopened.clock.time = world.clock.time;
      expect(storedRecords(after.path).find((r) => r.stagingId === id)).toMatchObject({ state: 'cancelling', cancellation: { requestedAt: expect.any(Number) } });
      const next = openWindow(reopened);
      await next.tracker.activate();
      next.tracker.stopPolling();
      await next.tracker.whenIdle();
      expect(reopened.canceller.calls).toHaveLength(1);
      reopened.clock.advance(15_000);
      await next.tracker.refresh();
      await next.tracker.whenIdle();
      expect(next.tracker.getDeployment(id)?.value).toBe('canceled');
      expect(reopened.secrets.values.has(stagedPasswordKey(id))).toBe(false);
      expect(reopened.effects.profiles.size).toBe(0);
      await next.tracker.dispose();
    } finally {
      answer();
      after.remove();
    }
  });

  it('from another window: the owner is asked and cancels; nothing is sent to ARM by the window that asked', async () => {
    const owner = await setup.window();
    const other = await setup.window();
    const { id } = await deployingIn(owner);
    await other.tracker.refresh();
    expect(await other.tracker.cancel(id)).toBe('askedOwner');
    // The owner answers when it looks: its watch, else its next poll cycle (driven here).
    await cycle(owner);
    expect(world.canceller.calls).toHaveLength(1);
    expect(owner.tracker.getDeployment(id)?.value).toBe('cancelling');
    await cycle(other); // the machine's poller reads ARM for both windows and posts the answer
    await cycle(owner);
    expect(owner.tracker.getDeployment(id)?.value).toBe('canceled');
    await other.tracker.refresh();
    expect(other.tracker.getDeployment(id)?.value).toBe('canceled');
    expect(world.canceller.calls).toHaveLength(1);
    expect(world.effects.profiles.size).toBe(0);
  });

  it('from another window whose owner dies before answering: the window that adopts it cancels', async () => {
    const owner = await setup.window();
    const other = await setup.window();
    const { id } = await deployingIn(owner);
    await other.tracker.refresh();
    owner.tracker.stopPolling();
    expect(await other.tracker.cancel(id)).toBe('askedOwner');
    await setup.crash(owner);
    await cycle(other); // adopts the orphan, then answers the request it finds
    await cycle(other);
    expect(other.tracker.getDeployment(id)?.value).toBe('canceled');
    expect(world.canceller.calls).toHaveLength(1);
  });

  it("from another window once the owner is gone: taken over and canceled at once", async () => {
    const owner = await setup.window();
    const other = await setup.window();
    const { id } = await deployingIn(owner);
    await other.tracker.refresh();
    await setup.crash(owner);
    expect(await other.tracker.cancel(id)).toBe('sent');
    await cycle(other);
    expect(other.tracker.getDeployment(id)?.value).toBe('canceled');
  });
});
