import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { deploymentMachine } from '../../../machines/flexDeployment/deploymentMachine';
import { AUDIT_LIMIT, FAILURE_NOTIFICATION_WINDOW_MS } from '../../../machines/flexDeployment/stagedFlexProfile';
import { deploymentFrom, modelInput, T0 } from '../../support/deploymentModel';

/** How a deployment ends, event by event: what the user is told, and what it waits for. */

const MINUTE = 60_000;

function deploymentAfter(...events: DeploymentEvent[]) {
  return deploymentFrom(modelInput(), ...events);
}

describe('a pending deployment', () => {
  it('waits for the answer to its PUT while this session is still waiting for it, whatever reads say', () => {
    const waiting = deploymentAfter(
      { type: 'poll.notFound', at: T0 + 5 * MINUTE },
      { type: 'poll.running', at: T0 + 6 * MINUTE, provisioningState: 'Running' },
    );
    expect(waiting.value).toBe('pending');
    expect(waiting.context.lastCheckedAt).toBeUndefined();
  });

  it('after a restart, is settled by reads: never found after the grace, it never started', () => {
    const failed = deploymentAfter({ type: 'session.resumed', at: T0 + MINUTE }, { type: 'poll.notFound', at: T0 + 5 * MINUTE });
    expect(failed.value).toBe('failed');
    expect(failed.context.armError).toEqual({
      code: 'DeploymentNotStarted',
      message: 'The deployment never reached Azure: VS Code closed before Azure accepted it. Retry to start it again.',
    });
  });

  it('when the answer to its PUT was lost, is settled by reads: not found after the grace, the attempt failed, naming what was lost', () => {
    const lost = [{ type: 'arm.outcomeUnknown', at: T0 + 1000, reason: 'HTTP 503 ServiceUnavailable' }, { type: 'poll.notFound', at: T0 + 5 * MINUTE }] as const;
    // Sent again after a wait (transientRetry.ts), as a temporary failure is…
    const waiting = deploymentAfter(...lost);
    expect(waiting.value).toBe('retryingTransient');
    expect(waiting.context.transientRetry?.error.code).toBe('DeploymentNotStarted');
    expect(waiting.context.transientRetry?.error.message).toContain('(HTTP 503 ServiceUnavailable)');
    // …unless it cannot be sent again (a record that kept no request): then it is the end.
    const failed = deploymentFrom({ ...modelInput(), request: undefined }, ...lost);
    expect(failed.value).toBe('failed');
    expect(failed.context.armError?.code).toBe('DeploymentNotStarted');
    expect(failed.context.armError?.message).toContain('(HTTP 503 ServiceUnavailable)');
  });
});

describe('a deploying deployment', () => {
  it('fails when Azure no longer has it', () => {
    const failed = deploymentAfter({ type: 'arm.accepted', at: T0 + 1000 }, { type: 'poll.notFound', at: T0 + 5 * MINUTE });
    expect(failed.value).toBe('failed');
    expect(failed.context.armError).toEqual({ code: 'DeploymentNotFound', message: 'The deployment no longer exists in Azure.' });
    expect(failed.context.terminalAt).toBe(T0 + 5 * MINUTE);
  });

  it("ends when Azure says it succeeded, at that moment, with ARM's last word Succeeded (not the Running of the read before)", () => {
    const succeeded = deploymentAfter(
      { type: 'arm.accepted', at: T0 + 1000 },
      { type: 'poll.running', at: T0 + 3 * MINUTE, provisioningState: 'Running' },
      { type: 'poll.succeeded', at: T0 + 7 * MINUTE, serverResourceId: 'server-id' },
    );
    expect(succeeded.context).toMatchObject({ status: 'succeeded', terminalAt: T0 + 7 * MINUTE, serverResourceId: 'server-id', provisioningState: 'Succeeded' });
  });
});

describe('a failed deployment', () => {
  const failedAt = T0 + 5 * MINUTE;
  const failed: DeploymentEvent[] = [
    { type: 'arm.accepted', at: T0 + 1000 },
    { type: 'poll.failed', at: failedAt, error: { code: 'QuotaExceeded', message: 'Operation results in exceeding approved quota.' } },
  ];

  it('repeats its failure notification on each resume for a day after it failed, unless a retry was asked', () => {
    const delays = fc.oneof(
      fc.constantFrom(0, FAILURE_NOTIFICATION_WINDOW_MS - 1, FAILURE_NOTIFICATION_WINDOW_MS, FAILURE_NOTIFICATION_WINDOW_MS + 1),
      fc.integer({ min: 0, max: 3 * FAILURE_NOTIFICATION_WINDOW_MS }),
    );
    fc.assert(
      fc.property(delays, fc.boolean(), (delay, retried) => {
        let notifications = 0;
        const machine = deploymentMachine.provide({ actions: { notifyFailed: () => void (notifications += 1) } });
        const actor = createActor(machine, { input: modelInput() });
        actor.start();
        for (const event of failed) actor.send(event);
        if (retried) actor.send({ type: 'user.retry', at: failedAt + MINUTE });
        actor.send({ type: 'session.resumed', at: failedAt + delay });
        actor.stop();
        expect(notifications).toBe(!retried && delay < FAILURE_NOTIFICATION_WINDOW_MS ? 2 : 1);
      }),
    );
  });
});

describe('the audit shown in View Details', () => {
  it('lists each state the deployment entered, with the event that brought it there', () => {
    const succeeded = deploymentAfter(
      { type: 'arm.accepted', at: T0 + 1000 },
      { type: 'poll.succeeded', at: T0 + 5 * MINUTE, serverResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgflex-demo' },
    );
    expect(succeeded.context.audit).toEqual([
      { at: T0, event: 'user.create', to: 'pending' },
      { at: T0 + 1000, event: 'arm.accepted', to: 'deploying' },
      { at: T0 + 5 * MINUTE, event: 'poll.succeeded', to: 'succeeded' },
    ]);
  });

  it('keeps the last entries only, however long the deployment lived', () => {
    const audit = Array.from({ length: AUDIT_LIMIT }, (_, i) => ({ at: T0 + i, event: 'session.resumed', to: 'pending' }));
    const { context } = deploymentFrom({ ...modelInput(), audit }, { type: 'arm.accepted', at: T0 + MINUTE });
    expect(context.audit).toEqual([...audit.slice(1), { at: T0 + MINUTE, event: 'arm.accepted', to: 'deploying' }]);
  });
});

describe('cancelling a deployment', () => {
  const accepted: DeploymentEvent = { type: 'arm.accepted', at: T0 + 1000 };
  const cancel: DeploymentEvent = { type: 'user.cancel', at: T0 + 2 * MINUTE };

  it('is asked of a deploying deployment only, and shows as cancelling until ARM says how it ended', () => {
    expect(deploymentAfter(cancel).value).toBe('pending');
    const cancelling = deploymentAfter(accepted, cancel, { type: 'arm.cancelAccepted', at: T0 + 2 * MINUTE + 500 });
    expect(cancelling.value).toBe('cancelling');
    expect(cancelling.context).toMatchObject({ status: 'cancelling', cancellation: { requestedAt: T0 + 2 * MINUTE, acceptedAt: T0 + 2 * MINUTE + 500 } });
    expect(cancelling.hasTag('running')).toBe(true);
  });

  it('ends canceled when ARM says Canceled: its own outcome, no error, the staged secret forgotten', () => {
    const canceled = deploymentAfter(accepted, cancel, { type: 'arm.cancelAccepted', at: T0 + 2 * MINUTE }, { type: 'poll.canceled', at: T0 + 3 * MINUTE });
    expect(canceled.value).toBe('canceled');
    expect(canceled.context).toMatchObject({ status: 'canceled', terminalAt: T0 + 3 * MINUTE, profileCreated: false });
    expect(canceled.context.passwordSecretId).toBeUndefined();
    expect(canceled.context.error).toBeUndefined();
    // Ended (nothing owed) and retryable, but not a failure: no error shown, no notification repeated.
    expect(canceled.hasTag('retryable') && canceled.hasTag('canceled')).toBe(true);
    expect(canceled.hasTag('unfinished') || canceled.hasTag('failure')).toBe(false);
  });

  it('ends as ARM says when the deployment finished before the cancel took: succeeded, with its profile to save', () => {
    const succeeded = deploymentAfter(accepted, cancel, { type: 'poll.succeeded', at: T0 + 2 * MINUTE + 100, serverResourceId: 'server-id' }, {
      type: 'arm.cancelRefused',
      at: T0 + 2 * MINUTE + 200,
      error: { code: 'DeploymentCannotBeCancelled', message: 'not running' },
    });
    expect(succeeded.value).toEqual({ succeeded: 'creatingProfile' });
    expect(succeeded.context.cancellation).toEqual({ requestedAt: T0 + 2 * MINUTE });
  });

  it('goes back to deploying when ARM refuses the cancel, keeping the refusal to show', () => {
    const refusal = { code: 'DeploymentCannotBeCancelled', message: 'not running' };
    const deploying = deploymentAfter(accepted, cancel, { type: 'arm.cancelRefused', at: T0 + 2 * MINUTE, error: refusal });
    expect(deploying.value).toBe('deploying');
    expect(deploying.context.cancellation).toEqual({ requestedAt: T0 + 2 * MINUTE, refused: refusal });
  });

  it('sends the cancel again when it got no answer: at the next read that says running, and after a restart', () => {
    const requests: string[] = [];
    const machine = deploymentMachine.provide({ actions: { requestCancel: ({ event }) => void requests.push(event.type) } });
    const actor = createActor(machine, { input: modelInput() });
    actor.start();
    for (const event of [
      accepted,
      cancel,
      { type: 'arm.cancelUnanswered', at: T0 + 2 * MINUTE, reason: 'HTTP 503' },
      { type: 'poll.running', at: T0 + 3 * MINUTE, provisioningState: 'Running' },
      { type: 'session.resumed', at: T0 + 4 * MINUTE },
      { type: 'arm.cancelAccepted', at: T0 + 4 * MINUTE },
      { type: 'poll.running', at: T0 + 5 * MINUTE, provisioningState: 'Running' },
      { type: 'session.resumed', at: T0 + 6 * MINUTE },
    ] satisfies DeploymentEvent[]) actor.send(event);
    expect(requests).toEqual(['user.cancel', 'poll.running', 'session.resumed']);
    actor.stop();
  });

  it('is canceled when ARM says so even if nobody here asked (the portal, the CLI)', () => {
    expect(deploymentAfter(accepted, { type: 'poll.canceled', at: T0 + 3 * MINUTE }).value).toBe('canceled');
    expect(deploymentAfter({ type: 'session.resumed', at: T0 + MINUTE }, { type: 'poll.canceled', at: T0 + 3 * MINUTE }).value).toBe('canceled');
  });
});
