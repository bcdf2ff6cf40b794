import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { CancelRequests } from '../../../src/services/flexDeployment/cancelRequests';
import type { OwnedDeployments } from '../../../src/services/flexDeployment/ownedDeployments';
import type { TrackedRecords } from '../../../src/services/flexDeployment/trackedRecords';
import type { TrackerDependencies } from '../../../src/services/flexDeployment/trackerDependencies';
import { CrossWindowCancel } from '../../../src/services/flexDeployment/crossWindowCancel';
import { tempDir } from '../../support/trackerFakes';

/**
 * The owner's side of another window's Cancel: which requests it acts on, which it leaves for the
 * window that owns the deployment, which it drops, and that its writes land before a request goes.
 */

const NOW = 1_700_000_000_000;
let dir: ReturnType<typeof tempDir>;
let requests: CancelRequests;
let steps: string[];

beforeEach(() => {
  dir = tempDir();
  requests = new CancelRequests(dir.path, () => undefined);
  steps = [];
});
afterEach(() => dir.remove());

/** This window owns `owned`; `unfinished` are the deployments the journal says are still under way (here or elsewhere). */
function ownership(owned: string[], unfinished: string[]) {
  const sent: [string, DeploymentEvent][] = [];
  const ownedDeployments = {
    has: (id: string) => owned.includes(id),
    send: (id: string, event: DeploymentEvent) => {
      sent.push([id, event]);
      steps.push(`send ${id}`);
    },
  } as unknown as OwnedDeployments;
  const records = { unfinished: () => unfinished.map((stagingId) => ({ stagingId })) } as unknown as TrackedRecords;
  const writes = { flush: async () => void steps.push('flush') };
  const answering = {
    asked: () => requests.asked(),
    answered: async (id: string) => {
      steps.push(`answered ${id}`);
      await requests.answered(id);
    },
  } as unknown as CancelRequests;
  // Answering acts only on what this window owns: it never takes a deployment over.
  const owner = { trySendAsOwner: () => Promise.reject(new Error('answering took a deployment over')) };
  const deps: Pick<TrackerDependencies, 'clock'> = { clock: { now: () => NOW } };
  return { window: new CrossWindowCancel(deps, records, ownedDeployments, owner, writes, answering), sent };
}

describe("answering other windows' cancel requests", () => {
  it('cancels an owned deployment, writes it, then removes the request', async () => {
    await requests.ask('mine');
    const { window, sent } = ownership(['mine'], ['mine']);
    await window.answerCancelRequests();
    expect(sent).toEqual([['mine', { type: 'user.cancel', at: NOW }]]);
    expect(steps).toEqual(['send mine', 'flush', 'answered mine']);
    expect(await requests.asked()).toEqual([]);
  });

  it("leaves a request for a deployment another window owns: that window answers it", async () => {
    await requests.ask('theirs');
    const { window, sent } = ownership(['mine'], ['mine', 'theirs']);
    await window.answerCancelRequests();
    expect(sent).toEqual([]);
    expect(steps).toEqual([]);
    expect(await requests.asked()).toEqual(['theirs']);
  });

  it('drops a request for a deployment that finished or is unknown, cancelling nothing', async () => {
    await requests.ask('finished');
    await requests.ask('theirs');
    const { window, sent } = ownership([], ['theirs']);
    await window.answerCancelRequests();
    expect(sent).toEqual([]);
    expect(steps).toEqual(['flush', 'answered finished']);
    expect(await requests.asked()).toEqual(['theirs']);
  });

  it('writes nothing when nothing was asked', async () => {
    const { window } = ownership(['mine'], ['mine']);
    await window.answerCancelRequests();
    expect(steps).toEqual([]);
  });
});
