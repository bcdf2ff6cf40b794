import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { deploymentMachine } from '../../../machines/flexDeployment/deploymentMachine';
import { readsDecide, startOf } from '../../../machines/flexDeployment/deploymentClock';
import { stateValueOf, type DeploymentStateName } from '../../../machines/flexDeployment/deploymentStates';
import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import { BASE_BACKOFF_MS, JITTER_FRACTION, MAX_ATTEMPTS, retryDelayMs } from '../../../machines/flexDeployment/transientRetry';
import { stagedContext } from '../../../src/services/flexDeployment/stageDeployment';
import { deploymentFrom, modelInput, T0 } from '../../support/deploymentModel';
import { createRequest } from '../../support/trackerFakes';

/** A deployment ARM fails with a temporary error: waited for, sent again, and given up on after MAX_ATTEMPTS. */

const MINUTE = 60_000;
const temporary = { code: 'InternalServerError', message: "An unexpected error occured while processing the request. Tracking ID: 'x'" };
const accepted: DeploymentEvent = { type: 'arm.accepted', at: T0 + 1000 };
const failedAt = T0 + 5 * MINUTE;
const failedTemporarily = (at: number): DeploymentEvent => ({ type: 'poll.failed', at, error: temporary });
/** Past any wait after any attempt. */
const LONG_AFTER = 4 * BASE_BACKOFF_MS * 2 ** MAX_ATTEMPTS;

const deploymentAfter = (...events: DeploymentEvent[]) => deploymentFrom(modelInput(), ...events);

/** A live actor whose host effects only record what they were asked; from a stored state when one is named. */
function recordingDeployment(input: DeploymentContext = modelInput(), stored?: DeploymentStateName) {
  const effects: string[] = [];
  const machine = deploymentMachine.provide({
    actions: {
      resubmitDeployment: () => void effects.push('resubmit'),
      requestCancel: () => void effects.push('requestCancel'),
      notifyFailed: () => void effects.push('notifyFailed'),
      notifyCanceled: () => void effects.push('notifyCanceled'),
      discardStagedSecret: (_, { passwordSecretId }) => void effects.push(`discard:${passwordSecretId}`),
    },
  });
  const snapshot = stored && machine.resolveState({ value: stateValueOf(stored), context: input });
  const actor = createActor(machine, { input, snapshot });
  actor.start();
  return { actor, effects, send: (...events: DeploymentEvent[]) => events.forEach((e) => actor.send(e)) };
}

describe('a deployment ARM fails with a temporary error', () => {
  it('waits for its next attempt instead of failing: still running, cancelable, the error and the attempt recorded, nothing announced or discarded', () => {
    const { actor, effects, send } = recordingDeployment();
    send(accepted, failedTemporarily(failedAt));
    const waiting = actor.getSnapshot();
    expect(waiting.value).toBe('retryingTransient');
    expect(waiting.context.status).toBe('retryingTransient');
    expect(waiting.context.transientRetry).toEqual({ failedAttempts: 1, error: temporary, retryAt: failedAt + retryDelayMs('model', 1) });
    expect(waiting.context.armError).toBeUndefined();
    expect(waiting.context.passwordSecretId).toBeDefined();
    for (const tag of ['running', 'unfinished', 'cancelable', 'retryScheduled'] as const) expect(waiting.hasTag(tag), tag).toBe(true);
    expect(waiting.hasTag('building')).toBe(false);
    expect(effects).toEqual([]);
  });

  it('waits between BASE_BACKOFF_MS and its jittered bound after the first failure', () => {
    const { retryAt } = deploymentAfter(accepted, failedTemporarily(failedAt)).context.transientRetry!;
    expect(retryAt - failedAt).toBeGreaterThanOrEqual(BASE_BACKOFF_MS);
    expect(retryAt - failedAt).toBeLessThanOrEqual(BASE_BACKOFF_MS * (1 + JITTER_FRACTION));
  });

  it('is sent again by the first read at or after its time, once, and awaits that PUT as it awaited the first', () => {
    const { actor, effects, send } = recordingDeployment();
    send(accepted, failedTemporarily(failedAt));
    const { retryAt } = actor.getSnapshot().context.transientRetry!;
    send(failedTemporarily(retryAt - 1));
    expect(actor.getSnapshot().value).toBe('retryingTransient');
    expect(effects).toEqual([]);
    send(failedTemporarily(retryAt));
    const resent = actor.getSnapshot();
    expect(effects).toEqual(['resubmit']);
    expect(resent.value).toBe('pending');
    expect(resent.context.transientRetry).toMatchObject({ failedAttempts: 1, resubmittedAt: retryAt, answerAwaited: true });
    expect(resent.context.audit.at(-1)).toEqual({ at: retryAt, event: 'poll.failed', to: 'pending' });
    // Awaiting the answer: reads of the failed attempt no longer count, even after the first session ended.
    expect(readsDecide({ ...resent.context, inActiveSession: false })).toBe(false);
    send(failedTemporarily(retryAt + MINUTE), { type: 'arm.accepted', at: retryAt + MINUTE });
    expect(actor.getSnapshot().value).toBe('deploying');
    expect(actor.getSnapshot().context.transientRetry?.answerAwaited).toBeUndefined();
    expect(effects).toEqual(['resubmit']);
    actor.stop();
  });

  it('starts the clock again for the new attempt: its running time, grace and deadline count from the resubmission', () => {
    const { actor, send } = recordingDeployment();
    send(accepted, { type: 'poll.running', at: T0 + 2 * MINUTE, provisioningState: 'Running', armDurationMs: MINUTE }, failedTemporarily(failedAt));
    expect(startOf(actor.getSnapshot().context)).toBe(T0 + MINUTE);
    const resentAt = actor.getSnapshot().context.transientRetry!.retryAt + MINUTE;
    send(failedTemporarily(resentAt));
    expect(actor.getSnapshot().context.armStartedAt).toBeUndefined();
    expect(startOf(actor.getSnapshot().context)).toBe(resentAt);
    actor.stop();
  });

  it('after MAX_ATTEMPTS attempts fails with the last error, then discards the password and announces the failure once', () => {
    const { actor, effects, send } = recordingDeployment();
    let at = failedAt;
    send(accepted);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      send(failedTemporarily(at));
      at = actor.getSnapshot().context.transientRetry!.retryAt;
      send(failedTemporarily(at), { type: 'arm.accepted', at: at + 1000 });
      at += 5 * MINUTE;
    }
    const last = { code: 'GatewayTimeout', message: "The gateway did not receive a response from 'Microsoft.DBforPostgreSQL' within the specified time period." };
    send({ type: 'poll.failed', at, error: last });
    const failed = actor.getSnapshot();
    expect(failed.value).toBe('failed');
    expect(failed.context.armError).toEqual(last);
    expect(failed.context.transientRetry?.failedAttempts).toBe(MAX_ATTEMPTS - 1);
    expect(effects).toEqual(['resubmit', 'resubmit', 'discard:pgsql.flexProvisioning.stagedPassword.model', 'notifyFailed']);
    actor.stop();
  });

  it('is canceled at once while it waits: nothing runs in ARM, so no cancel is sent and nothing is sent again', () => {
    const { actor, effects, send } = recordingDeployment();
    send(accepted, failedTemporarily(failedAt), { type: 'user.cancel', at: failedAt + 1000 });
    const canceled = actor.getSnapshot();
    expect(canceled.value).toBe('canceled');
    expect(canceled.context).toMatchObject({ status: 'canceled', terminalAt: failedAt + 1000, cancellation: { requestedAt: failedAt + 1000 } });
    send(failedTemporarily(failedAt + LONG_AFTER));
    expect(effects).toEqual(['discard:pgsql.flexProvisioning.stagedPassword.model', 'notifyCanceled']);
    actor.stop();
  });

  it('ends as ARM says when a read while it waits says anything but the failure it knows', () => {
    const waiting = [accepted, failedTemporarily(failedAt)];
    const running = deploymentAfter(...waiting, { type: 'poll.running', at: failedAt + 1000, provisioningState: 'Running' });
    expect(running.value).toBe('deploying');
    // Sent by a session that closed before recording it: this attempt runs from now on.
    expect(running.context.transientRetry?.resubmittedAt).toBe(failedAt + 1000);
    expect(deploymentAfter(...waiting, { type: 'poll.succeeded', at: failedAt + 1000, serverResourceId: 'server-id' }).value).toEqual({ succeeded: 'creatingProfile' });
    expect(deploymentAfter(...waiting, { type: 'poll.canceled', at: failedAt + 1000 }).value).toBe('canceled');
    // Nothing runs in ARM either way: an attempt gone from its history is waited on, and sent again, like one reported failed.
    expect(deploymentAfter(...waiting, { type: 'poll.notFound', at: failedAt + 1000 }).value).toBe('retryingTransient');
    const unchecked = deploymentAfter(...waiting, { type: 'poll.unavailable', at: failedAt + LONG_AFTER, reason: 'signed out of Azure' });
    expect(unchecked.value).toBe('retryingTransient');
    expect(unchecked.context.unchecked?.reason).toBe('signed out of Azure');
  });

  it('a PUT ARM refused with a temporary error is an attempt that failed: waited on, then sent again, though reads find no deployment', () => {
    const refused: DeploymentEvent = { type: 'arm.rejected', at: T0 + 1000, error: { code: 'AnotherOperationInProgress', message: 'Another operation is in progress.' } };
    const { actor, effects, send } = recordingDeployment();
    send(refused);
    expect(actor.getSnapshot().value).toBe('retryingTransient');
    const { retryAt } = actor.getSnapshot().context.transientRetry!;
    expect(actor.getSnapshot().context.transientRetry).toEqual({ failedAttempts: 1, error: refused.error, retryAt: T0 + 1000 + retryDelayMs('model', 1) });
    send({ type: 'poll.notFound', at: retryAt - 1 });
    expect(actor.getSnapshot().value).toBe('retryingTransient');
    send({ type: 'poll.notFound', at: retryAt });
    expect(actor.getSnapshot().value).toBe('pending');
    expect(effects).toEqual(['resubmit']);
    actor.stop();
    // A refusal of another kind is the end at once.
    expect(deploymentAfter({ ...refused, error: { code: 'InvalidTemplateDeployment', message: 'The template is not valid.' } }).value).toBe('failed');
  });

  it('after a restart, waits and is sent again as before: the stored record resumes in its state', () => {
    const { context } = deploymentAfter(accepted, failedTemporarily(failedAt));
    const stored = JSON.parse(JSON.stringify(context)) as DeploymentContext;
    const { retryAt } = stored.transientRetry!;
    const { actor, effects, send } = recordingDeployment(stored, 'retryingTransient');
    send({ type: 'session.resumed', at: failedAt + 1000 });
    expect(actor.getSnapshot().value).toBe('retryingTransient');
    send(failedTemporarily(retryAt));
    expect(actor.getSnapshot().value).toBe('pending');
    expect(effects).toEqual(['resubmit']);
    // A crash before ARM answered that PUT: the next session's reads decide, as after a first start.
    send({ type: 'session.resumed', at: retryAt + 1000 });
    expect(readsDecide(actor.getSnapshot().context)).toBe(true);
    send({ type: 'poll.running', at: retryAt + 2000, provisioningState: 'Accepted' });
    expect(actor.getSnapshot().value).toBe('deploying');
    actor.stop();
  });
});

describe('a temporary failure that is not retried', () => {
  it('ends a deployment asked to cancel, even after ARM refused the cancel', () => {
    const failed = deploymentAfter(
      accepted,
      { type: 'user.cancel', at: T0 + 2 * MINUTE },
      { type: 'arm.cancelRefused', at: T0 + 2 * MINUTE, error: { code: 'DeploymentCannotBeCancelled', message: 'not running' } },
      failedTemporarily(failedAt),
    );
    expect(failed.value).toBe('failed');
    expect(failed.context.transientRetry).toBeUndefined();
    expect(deploymentAfter(accepted, { type: 'user.cancel', at: T0 + 2 * MINUTE }, failedTemporarily(failedAt)).value).toBe('failed');
  });

  it("ends a deployment the host cannot send again: a hybrid server's password was never staged", () => {
    const hybrid = stagedContext(
      createRequest({ authenticationMode: 'Hybrid', entraAdmin: { objectId: 'o', principalName: 'admin@contoso.com', principalType: 'User' } }),
      { stagingId: 'hybrid', deploymentName: 'pgflex-pgflex-demo-1' },
      T0,
    );
    expect(deploymentFrom(hybrid, accepted, failedTemporarily(failedAt)).value).toBe('failed');
    const entraOnly = stagedContext(
      createRequest({ authenticationMode: 'EntraOnly', adminLogin: undefined, adminPassword: undefined, confirmPassword: undefined, entraAdmin: { objectId: 'o', principalName: 'admin@contoso.com', principalType: 'User' } }),
      { stagingId: 'entra', deploymentName: 'pgflex-pgflex-demo-1' },
      T0,
    );
    expect(deploymentFrom(entraOnly, accepted, failedTemporarily(failedAt)).value).toBe('retryingTransient');
  });

  it('ends a deployment whose error is no temporary one', () => {
    const quota = { code: 'QuotaExceeded', message: 'Operation results in exceeding approved quota.' };
    expect(deploymentAfter(accepted, { type: 'poll.failed', at: failedAt, error: quota }).value).toBe('failed');
  });

  it('is retried from pending only where reads decide: not while this session awaits the PUT', () => {
    expect(deploymentAfter(failedTemporarily(failedAt)).value).toBe('pending');
    expect(deploymentAfter({ type: 'session.resumed', at: T0 + MINUTE }, failedTemporarily(failedAt)).value).toBe('retryingTransient');
  });
});
