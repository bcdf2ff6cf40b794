import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';
import { BASE_BACKOFF_MS, JITTER_FRACTION, MAX_ATTEMPTS } from '../../../machines/flexDeployment/transientRetry';
import { MIN_POLL_INTERVAL_MS } from '../../../src/services/flexDeployment/pollWhileActive';
import { NOT_RESENDABLE_ERROR } from '../../../src/services/flexDeployment/resubmitDeployment';
import { stagedPasswordKey } from '../../../src/services/flexDeployment/storageKeys';
import { until, useFakePollTime } from '../../support/fakeTime';
import { storedRecords } from '../../support/storedRecords';
import { createRequest } from '../../support/trackerFakes';
import type { SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

/** The tracker's own poll loop in fake time, its clock the fake one: a deployment ARM fails with a temporary error. */

const PASSWORD = 'Sup3r$ecret!';
const temporary: ArmErrorSummary = { code: 'InternalServerError', message: "An unexpected error occured while processing the request. Tracking ID: 'x'" };
const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => {
  world = setup.world;
  useFakePollTime();
  world.clock.now = () => Date.now();
});
afterEach(() => void vi.useRealTimers());

/** When each PUT was sent, in fake time; `after` says what ARM reports of the attempt once it is sent. */
function putTimes(after: () => void = () => undefined): number[] {
  const times: number[] = [];
  const start = world.provisioner.startDeployment.bind(world.provisioner);
  world.provisioner.startDeployment = async (request, deploymentName) => {
    times.push(Date.now());
    const started = await start(request, deploymentName);
    after();
    return started;
  };
  return times;
}

async function failingDeployment(request = createRequest({ adminPassword: PASSWORD, confirmPassword: PASSWORD })) {
  const { tracker } = await setup.window({ polling: true });
  const id = await tracker.create(request);
  const { deploymentName } = tracker.getDeployment(id)!.context;
  const failAttempt = () => world.reader.set(deploymentName, { kind: 'failed', error: temporary });
  return { tracker, id, deploymentName, failAttempt, status: () => tracker.getDeployment(id)?.context.status };
}

describe('a deployment ARM fails with a temporary error, followed by the tracker', () => {
  it('is sent again, with the same name, template and staged password, when its wait ends; the second attempt succeeds with exactly one profile', async () => {
    const puts = putTimes();
    const { tracker, id, deploymentName, failAttempt, status } = await failingDeployment();
    const failedAt = Date.now();
    failAttempt();
    await until(() => status() === 'retryingTransient', { stepMs: 250, forMs: 60_000 });
    const { retryAt } = tracker.getDeployment(id)!.context.transientRetry!;
    expect(retryAt - failedAt).toBeGreaterThanOrEqual(BASE_BACKOFF_MS);
    expect(retryAt - failedAt).toBeLessThanOrEqual(BASE_BACKOFF_MS * (1 + JITTER_FRACTION) + 20_000);
    // Nothing ended meanwhile: no failure told, the password kept for the next attempt.
    expect(world.effects.failed).toEqual([]);
    expect(world.secrets.values.get(stagedPasswordKey(id))).toBe(PASSWORD);

    await until(() => puts.length === 2, { stepMs: 250, forMs: 2 * BASE_BACKOFF_MS * (1 + JITTER_FRACTION) });
    // Sent by the first read at or after its time, not an interval later.
    expect(puts[1]).toBeGreaterThanOrEqual(retryAt);
    expect(puts[1] - retryAt).toBeLessThan(MIN_POLL_INTERVAL_MS + 2_000);
    const [first, second] = world.provisioner.started;
    expect(second).toEqual(first);
    expect(second.deploymentName).toBe(deploymentName);
    expect(second.request.adminPassword).toBe(PASSWORD);
    await until(() => status() === 'deploying', { stepMs: 250 });

    world.reader.set(deploymentName, { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' });
    await until(() => tracker.getDeployment(id)?.context.profileCreated === true, { stepMs: 250, forMs: 60_000 });
    await tracker.whenIdle();
    expect([...world.effects.profiles.values()].map((p) => [p.context.stagingId, p.password])).toEqual([[id, PASSWORD]]);
    expect(world.effects.failed).toEqual([]);
    expect(world.lifecycle.told.filter((t) => /^(retryScheduled|resubmitted|accepted)/.test(t))).toEqual([
      `accepted ${id}`,
      `retryScheduled ${id} 1`,
      `resubmitted ${id}`,
      `accepted ${id}`,
    ]);
  });

  it(`fails after ${MAX_ATTEMPTS} attempts, reported once, with the last error; the password discarded, no profile`, async () => {
    let failAttempt = () => undefined as void;
    const puts = putTimes(() => failAttempt());
    const deployment = await failingDeployment();
    failAttempt = deployment.failAttempt;
    failAttempt();
    await until(() => deployment.status() === 'failed', { stepMs: 500, forMs: 8 * BASE_BACKOFF_MS });
    await deployment.tracker.whenIdle();
    expect(puts).toHaveLength(MAX_ATTEMPTS);
    expect(world.effects.failed).toEqual([deployment.id]);
    const [record] = storedRecords(setup.storageDir);
    expect(record).toMatchObject({ status: 'failed', armError: temporary, transientRetry: { failedAttempts: MAX_ATTEMPTS - 1 } });
    expect(world.secrets.values.has(stagedPasswordKey(deployment.id))).toBe(false);
    expect(world.effects.profiles.size).toBe(0);
  });

  it('fails, saying why, when the staged password is gone by the time it is sent again', async () => {
    const puts = putTimes();
    const { id, failAttempt, status } = await failingDeployment();
    failAttempt();
    await until(() => status() === 'retryingTransient', { stepMs: 250 });
    world.secrets.values.delete(stagedPasswordKey(id));
    await until(() => status() === 'failed', { stepMs: 500, forMs: 2 * BASE_BACKOFF_MS });
    expect(puts).toHaveLength(1);
    expect(storedRecords(setup.storageDir)[0]?.armError).toEqual(NOT_RESENDABLE_ERROR);
    expect(NOT_RESENDABLE_ERROR).toEqual({ code: 'StagedPasswordMissing', message: expect.stringMatching(/password is no longer stored\. Retry to type it again\.$/) });
    expect(world.effects.failed).toEqual([id]);
  });

  it('a PUT refused with a temporary error is sent again after its wait (reads meanwhile find no deployment), then runs and succeeds', async () => {
    const refusal: ArmErrorSummary = { code: 'AnotherOperationInProgress', message: "Another operation is in progress on resource group 'rg-pgflex'." };
    world.provisioner.rejectWith = refusal;
    const puts = putTimes();
    const { tracker } = await setup.window({ polling: true });
    const refusedAt = Date.now();
    const id = await tracker.create(createRequest({ adminPassword: PASSWORD, confirmPassword: PASSWORD }));
    const context = () => tracker.getDeployment(id)!.context;
    expect(context().status).toBe('retryingTransient');
    expect(context().transientRetry).toMatchObject({ failedAttempts: 1, error: refusal });
    expect(world.secrets.values.get(stagedPasswordKey(id))).toBe(PASSWORD);
    world.provisioner.rejectWith = undefined;

    await until(() => puts.length === 2, { stepMs: 500, forMs: 2 * BASE_BACKOFF_MS * (1 + JITTER_FRACTION) });
    expect(puts[1] - refusedAt).toBeGreaterThanOrEqual(BASE_BACKOFF_MS);
    await until(() => context().status === 'deploying', { stepMs: 250 });
    world.reader.set(context().deploymentName, { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' });
    await until(() => context().profileCreated === true, { stepMs: 250, forMs: 60_000 });
    expect(world.effects.failed).toEqual([]);
    expect(world.lifecycle.told.filter((t) => /^(retryScheduled|resubmitted|accepted)/.test(t))).toEqual([`retryScheduled ${id} 1`, `resubmitted ${id}`, `accepted ${id}`]);
  });

  it('sends a Microsoft Entra-only deployment again without a password, none having been staged for it', async () => {
    const puts = putTimes();
    const entraAdmin = { objectId: 'oid', principalName: 'ada@contoso.com', principalType: 'User' as const };
    const { failAttempt, status } = await failingDeployment(
      createRequest({ authenticationMode: 'EntraOnly', entraAdmin, adminLogin: undefined, adminPassword: undefined, confirmPassword: undefined }),
    );
    failAttempt();
    await until(() => puts.length === 2, { stepMs: 500, forMs: 2 * BASE_BACKOFF_MS * (1 + JITTER_FRACTION) });
    await until(() => status() === 'deploying', { stepMs: 250 });
    const [first, second] = world.provisioner.started;
    expect(second).toEqual(first);
    expect(second.request).toMatchObject({ authenticationMode: 'EntraOnly', entraAdmin });
    expect(second.request.adminPassword).toBeUndefined();
    expect(world.effects.failed).toEqual([]);
  });
});
