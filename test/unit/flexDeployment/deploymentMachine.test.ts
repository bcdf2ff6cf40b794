import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { deploymentMachine } from '../../../machines/flexDeployment/deploymentMachine';
import { AUDIT_LIMIT, type DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import { modelInput, T0 } from '../../support/deploymentModel';

/** How a deployment ends, event by event: what the user is told, and what it waits for. */

const MINUTE = 60_000;

function deploymentAfter(...events: DeploymentEvent[]) {
  return deploymentFrom(modelInput(), ...events);
}

function deploymentFrom(input: DeploymentContext, ...events: DeploymentEvent[]) {
  const actor = createActor(deploymentMachine, { input });
  actor.start();
  for (const event of events) actor.send(event);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
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

  it('when the answer to its PUT was lost, is settled by reads, and its failure names what was lost', () => {
    const failed = deploymentAfter(
      { type: 'arm.outcomeUnknown', at: T0 + 1000, reason: 'HTTP 503 ServiceUnavailable' },
      { type: 'poll.notFound', at: T0 + 5 * MINUTE },
    );
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

  it('ends when Azure says it succeeded, at that moment', () => {
    const succeeded = deploymentAfter({ type: 'arm.accepted', at: T0 + 1000 }, { type: 'poll.succeeded', at: T0 + 7 * MINUTE, serverResourceId: 'server-id' });
    expect(succeeded.context).toMatchObject({ status: 'succeeded', terminalAt: T0 + 7 * MINUTE, serverResourceId: 'server-id' });
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
