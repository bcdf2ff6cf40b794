import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { START_GRACE_MS } from '../../../machines/flexDeployment/deploymentClock';
import { MAX_ATTEMPTS } from '../../../machines/flexDeployment/transientRetry';
import { createRequest } from '../../support/trackerFakes';
import type { SharedWorld, TestWindow } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';
import { until, useFakePollTime } from '../../support/fakeTime';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SERVER_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgflex-demo';
const setup = useTrackerWorld();
const window = (options?: { polling?: boolean; pollIntervalMs?: number }) => setup.window(options);
let world: SharedWorld;
beforeEach(() => (world = setup.world));
afterEach(() => void vi.useRealTimers());

async function cycle(tracker: TestWindow['tracker']) {
  await tracker.refresh();
  await tracker.whenIdle();
}


describe('only Azure’s word ends a deployment', () => {
  it('signed out past the 2-hour deadline: shown as unchecked since then, and ARM’s Succeeded after sign-in wins', async () => {
    const { tracker } = await window();
    const id = await tracker.create(createRequest());
    const name = tracker.getDeployment(id)!.context.deploymentName;
    world.clock.advance(MINUTE);
    world.reader.set(name, { kind: 'signedOut' });
    await cycle(tracker);
    const since = world.clock.now();
    world.clock.advance(3 * HOUR);
    await cycle(tracker);
    const during = tracker.getDeployment(id)!;
    expect(during.value).toBe('deploying');
    expect(during.context.unchecked).toEqual({ since, reason: 'signed out of Azure' });
    expect(world.signIn.prompts).toBe(1);

    world.reader.set(name, { kind: 'succeeded', serverResourceId: SERVER_ID });
    world.signIn.signIn();
    await cycle(tracker);
    const after = tracker.getDeployment(id)!;
    expect(after.value).toEqual({ succeeded: 'dashboardOpened' });
    expect(after.context.unchecked).toBeUndefined();
    expect(world.effects.profiles.size).toBe(1);
  });

  it('ARM unreachable or throttled past the deadline changes nothing but the unchecked mark', async () => {
    const { tracker } = await window();
    const id = await tracker.create(createRequest());
    const name = tracker.getDeployment(id)!.context.deploymentName;
    for (const reason of ['network: ECONNREFUSED', 'HTTP 429 TooManyRequests', 'HTTP 503 ServiceUnavailable']) {
      world.reader.set(name, { kind: 'unavailable', reason });
      world.clock.advance(HOUR);
      await cycle(tracker);
      expect(tracker.getDeployment(id)?.value).toBe('deploying');
      expect(tracker.getDeployment(id)?.context.unchecked?.reason).toBe(reason);
    }
    world.reader.set(name, { kind: 'failed', error: { code: 'QuotaExceeded', message: 'Quota exceeded.' } });
    await cycle(tracker);
    expect(tracker.getDeployment(id)?.context.armError?.code).toBe('QuotaExceeded');
  });

  it('fails at the deadline only when ARM says it is still running past it', async () => {
    const { tracker } = await window();
    const id = await tracker.create(createRequest());
    const name = tracker.getDeployment(id)!.context.deploymentName;
    world.reader.set(name, { kind: 'running', provisioningState: 'Running', durationMs: 2 * HOUR - 1000 });
    world.clock.advance(2 * HOUR - 1000);
    await cycle(tracker);
    expect(tracker.getDeployment(id)?.value).toBe('deploying');
    world.reader.set(name, { kind: 'running', provisioningState: 'Running', durationMs: 2 * HOUR + 1000 });
    world.clock.advance(2000);
    await cycle(tracker);
    expect(tracker.getDeployment(id)?.context.armError?.code).toBe('DeploymentTimedOut');
  });

  it('reads again as soon as the user signs in, not an interval later', async () => {
    useFakePollTime();
    const { tracker } = await window({ polling: true, pollIntervalMs: 10 * MINUTE });
    const id = await tracker.create(createRequest());
    const name = tracker.getDeployment(id)!.context.deploymentName;
    await until(() => world.reader.reads.length === 1); // the cycle Create started: ARM says running
    world.reader.set(name, { kind: 'signedOut' });
    await vi.advanceTimersByTimeAsync(10 * MINUTE); // one interval later: signed out
    await until(() => world.signIn.prompts === 1);
    await tracker.whenIdle();
    const readsWhileSignedOut = world.reader.reads.length;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(world.reader.reads.length).toBe(readsWhileSignedOut); // nothing more until the interval…
    world.reader.set(name, { kind: 'succeeded', serverResourceId: SERVER_ID });
    world.signIn.signIn(); // …but signing in reads at once
    await vi.advanceTimersByTimeAsync(0);
    await until(() => tracker.getDeployment(id)?.context.status === 'succeeded');
    await tracker.whenIdle();
    expect(world.reader.reads.length).toBe(readsWhileSignedOut + 1);
    expect(tracker.getDeployment(id)?.value).toEqual({ succeeded: 'dashboardOpened' });
  });
});

describe('a PUT whose answer was lost', () => {
  it('is not a failure: ARM has it, so it is tracked in the active session and the dashboard opens', async () => {
    const { tracker } = await window();
    world.provisioner.loseAnswer = true;
    const id = await tracker.create(createRequest());
    const staged = tracker.getDeployment(id)!;
    expect(staged.value).toBe('pending');
    expect(staged.context.startOutcomeUnknown?.reason).toBe('socket hang up');
    expect(staged.context.inActiveSession).toBe(true);
    expect(world.logs).toContain(`Starting deployment ${staged.context.deploymentName} gave no answer (socket hang up); reading ARM will tell.`);
    await cycle(tracker);
    expect(tracker.getDeployment(id)?.value).toBe('deploying');
    world.reader.set(staged.context.deploymentName, { kind: 'succeeded', serverResourceId: SERVER_ID });
    await cycle(tracker);
    expect(tracker.getDeployment(id)?.value).toEqual({ succeeded: 'dashboardOpened' });
    expect(world.effects.dashboards).toEqual([id]);
  });

  it(`ARM never got it: pending through the grace period, then sent again after a wait, ${MAX_ATTEMPTS} attempts in all; then failed as never reached Azure, with Retry`, async () => {
    const { tracker } = await window();
    world.provisioner.loseRequest = true;
    const id = await tracker.create(createRequest());
    const context = () => tracker.getDeployment(id)!.context;
    world.clock.advance(MINUTE);
    await cycle(tracker);
    expect(context().status).toBe('pending');
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      world.clock.advance(START_GRACE_MS);
      await cycle(tracker);
      expect(context().status).toBe('retryingTransient');
      expect(context().transientRetry).toMatchObject({ failedAttempts: attempt, error: { code: 'DeploymentNotStarted' } });
      // Nothing in ARM while it waits: no read ends it.
      world.clock.time = context().transientRetry!.retryAt - 1;
      await cycle(tracker);
      expect(context().status).toBe('retryingTransient');
      world.clock.time = context().transientRetry!.retryAt;
      await cycle(tracker);
      expect(context().status).toBe('pending');
      expect(world.provisioner.started).toHaveLength(attempt + 1);
    }
    world.clock.advance(START_GRACE_MS);
    await cycle(tracker);
    const failed = context();
    expect(failed.status).toBe('failed');
    expect(failed.armError).toMatchObject({ code: 'DeploymentNotStarted' });
    expect(failed.armError?.message).toContain('never reached Azure');
    expect(failed.armError?.message).toContain('socket hang up');
    expect(world.provisioner.started.map((s) => s.deploymentName)).toEqual(Array(MAX_ATTEMPTS).fill(failed.deploymentName));
    expect(world.effects.failed).toEqual([id]);
    await tracker.retry(id);
    expect(world.effects.retryForms).toEqual([id]);
  });
});

describe('deadlines under a wrong clock', () => {
  it('a deployment staged with the clock a day ahead ends by ARM’s running time, not 26 hours later', async () => {
    const { tracker } = await window();
    world.clock.advance(24 * HOUR); // the clock is wrong when Create is pressed…
    const id = await tracker.create(createRequest());
    const name = tracker.getDeployment(id)!.context.deploymentName;
    world.clock.advance(-24 * HOUR); // …and set right again
    world.reader.set(name, { kind: 'running', provisioningState: 'Running', durationMs: MINUTE });
    await cycle(tracker);
    expect(tracker.getDeployment(id)?.value).toBe('deploying');
    world.clock.advance(2 * HOUR);
    world.reader.set(name, { kind: 'running', provisioningState: 'Running', durationMs: 2 * HOUR + MINUTE });
    await cycle(tracker);
    expect(tracker.getDeployment(id)?.context.armError?.code).toBe('DeploymentTimedOut');
  });

  it('a clock set forward past the deadline does not fail a deployment ARM says has run ten minutes', async () => {
    const { tracker } = await window();
    const id = await tracker.create(createRequest());
    const name = tracker.getDeployment(id)!.context.deploymentName;
    world.clock.advance(3 * HOUR); // the clock jumps ahead…
    world.reader.set(name, { kind: 'running', provisioningState: 'Running', durationMs: 10 * MINUTE }); // …ARM knows better
    await cycle(tracker);
    const deployment = tracker.getDeployment(id)!;
    expect(deployment.value).toBe('deploying');
    expect(deployment.context.armStartedAt).toBe(world.clock.now() - 10 * MINUTE);
  });

  it('without ARM’s running time, a start in the future is clamped to when the deployment was first seen', async () => {
    const { tracker } = await window();
    world.clock.advance(24 * HOUR);
    const id = await tracker.create(createRequest());
    world.clock.advance(-24 * HOUR);
    await cycle(tracker); // ARM: running (Accepted), no duration
    expect(tracker.getDeployment(id)?.context.startedAt).toBe(world.clock.now());
    world.clock.advance(2 * HOUR);
    await cycle(tracker);
    expect(tracker.getDeployment(id)?.context.armError?.code).toBe('DeploymentTimedOut');
  });
});
