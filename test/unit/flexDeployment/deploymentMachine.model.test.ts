import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { TIMED_OUT_ERROR, type DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { deploymentMachine } from '../../../machines/flexDeployment/deploymentMachine';
import { AUDIT_LIMIT, DEPLOYMENT_TIMEOUT_MS } from '../../../machines/flexDeployment/stagedFlexProfile';
import { isTransientError } from '../../../machines/flexDeployment/transientErrors';
import { attemptsMade, MAX_ATTEMPTS } from '../../../machines/flexDeployment/transientRetry';
import { declaredTransitions, edgeCoveringPaths, modelInput, transitionKey } from '../../support/deploymentModel';

type Snapshot = SnapshotFrom<typeof deploymentMachine>;

const topOf = (value: Snapshot['value']) => (typeof value === 'string' ? value : Object.keys(value)[0]);

/** The state View Details names for a value: a succeeded deployment is `succeeded` until its profile is saved. */
function auditedState(value: Snapshot['value']): string {
  if (typeof value === 'string') return value;
  const [top, child] = Object.entries(value)[0];
  return child === 'creatingProfile' ? top : String(child);
}

/** What ARM's answer to a running deployment must do, once the machine takes it. */
function expectArmWordHeeded(before: Snapshot, event: DeploymentEvent, after: Snapshot) {
  const { value, context } = after;
  switch (event.type) {
    case 'arm.rejected':
      if (value === 'failed') {
        expect(context.armError).toEqual(event.error);
        // A temporary refusal is the end only once every attempt was made (a pending deployment was asked no cancel).
        if (isTransientError(event.error)) expect(attemptsMade(context)).toBe(MAX_ATTEMPTS);
      } else {
        expect(value).toBe('retryingTransient');
        expect(isTransientError(event.error)).toBe(true);
        expect(context.transientRetry).toMatchObject({ failedAttempts: attemptsMade(before.context), error: event.error });
      }
      return;
    case 'poll.succeeded':
      expect(topOf(value)).toBe('succeeded');
      expect(context.serverResourceId).toBe(event.serverResourceId);
      break;
    case 'poll.failed':
      if (value === 'failed') {
        expect(context.armError).toEqual(event.error);
        // A temporary failure is the end only once every attempt was made, or a cancel was asked for.
        if (isTransientError(event.error) && !context.cancellation) expect(attemptsMade(context)).toBe(MAX_ATTEMPTS);
      } else if (before.value === 'retryingTransient') {
        // ARM still reports the attempt that failed: sent again once its wait is over, else waited for.
        expect(value).toBe(event.at >= before.context.transientRetry!.retryAt ? 'pending' : 'retryingTransient');
      } else {
        expect(value).toBe('retryingTransient');
        expect(context.transientRetry).toMatchObject({ failedAttempts: attemptsMade(before.context), error: event.error });
        expect(context.transientRetry!.retryAt).toBeGreaterThan(event.at);
      }
      break;
    case 'poll.canceled':
      expect(value).toBe('canceled');
      break;
    case 'poll.running':
      if (before.value === 'pending' || before.value === 'retryingTransient') expect(value).toBe('deploying');
      else if ((event.armDurationMs ?? 0) >= DEPLOYMENT_TIMEOUT_MS) expect(context.armError).toEqual(TIMED_OUT_ERROR);
      else expect(value).toEqual(before.value);
      if (value !== 'failed') expect(context.provisioningState).toBe(event.provisioningState);
      break;
    case 'poll.notFound':
      break;
    default:
      return;
  }
  // Any answer from ARM is shown as the last check, whatever it said.
  expect(context.lastCheckedAt).toBe(event.at);
}

/** Runs one path on a live actor whose effects only record, checking the spec's invariants at every step. */
function runPath(events: DeploymentEvent[], covered: Set<string>) {
  const effects: string[] = [];
  const machine = deploymentMachine.provide({
    actions: {
      saveProfile: () => void effects.push('saveProfile'),
      openDashboard: ({ context }) => void effects.push(context.inActiveSession ? 'openDashboard' : 'openDashboard:inactive'),
      notifyReady: () => void effects.push('notifyReady'),
      notifyFailed: () => void effects.push('notifyFailed'),
      notifyCanceled: () => void effects.push('notifyCanceled'),
      requestCancel: () => void effects.push('requestCancel'),
      discardStagedSecret: (_, { passwordSecretId }) => void effects.push(`discard:${passwordSecretId}`),
      openRetryForm: () => void effects.push('openRetryForm'),
      resubmitDeployment: () => void effects.push('resubmitDeployment'),
    },
  });
  const actor = createActor(machine, { input: modelInput() });
  actor.start();
  let profileRemoved = false;
  let restores = 0;
  let resubmissions = 0;
  for (const event of events) {
    const before = actor.getSnapshot();
    const taken = machine.getTransitionData(before, event);
    for (const def of taken) covered.add(transitionKey(def));
    const effectsBefore = effects.length;
    actor.send(event);
    const after = actor.getSnapshot();
    const { value, context } = after;
    const newEffects = effects.slice(effectsBefore);
    // Only ARM's word ends a deployment: a read that could not happen changes no state.
    if (event.type === 'poll.unavailable') expect(value).toEqual(before.value);
    if (before.hasTag('running') && taken.length > 0) expectArmWordHeeded(before, event, after);
    const top = topOf(value);
    if (top !== 'dismissed') expect(context.status).toBe(top);
    // View Details lists each state entered, with the event that brought it there (saving a missing
    // profile again is no new state of the deployment).
    const restoring = topOf(before.value) === 'succeeded' && auditedState(value) === 'succeeded';
    if (top !== 'dismissed' && auditedState(value) !== auditedState(before.value) && !restoring) {
      expect(context.audit.at(-1)).toEqual({ at: event.at, event: event.type, to: auditedState(value) });
    }
    // A cancel is sent only while ARM runs the deployment; a canceled one is no failure.
    if (newEffects.includes('requestCancel')) expect(top).toBe('cancelling');
    // An attempt is sent again only from the wait for it, never once a cancel was asked for, and
    // awaited as the first PUT is.
    if (newEffects.includes('resubmitDeployment')) {
      expect([before.value, value]).toEqual(['retryingTransient', 'pending']);
      expect(context.cancellation).toBeUndefined();
      expect(context.transientRetry).toMatchObject({ resubmittedAt: event.at, answerAwaited: true });
      resubmissions += 1;
    }
    expect(resubmissions).toBeLessThanOrEqual(MAX_ATTEMPTS - 1);
    if (top === 'failed' || top === 'canceled') {
      expect(context.passwordSecretId).toBeUndefined();
      expect(context.profileCreated).toBe(false);
      expect(Boolean(context.error)).toBe(top === 'failed');
    }
    if (context.profileCreated) expect(context.passwordSecretId).toBeUndefined();
    expect(context.audit.length).toBeLessThanOrEqual(AUDIT_LIMIT);
    // A profile that went missing is saved again once, never against the user's own removal.
    if (event.type === 'profile.removed') profileRemoved = true;
    if (event.type === 'profile.missing' && newEffects.includes('saveProfile')) {
      expect(profileRemoved).toBe(false);
      restores += 1;
    }
    expect(restores).toBeLessThanOrEqual(1);
  }
  // A server whose profile was saved is announced once: the dashboard opens, or the user is told it is ready.
  const announced = effects.filter((e) => e === 'openDashboard' || e === 'notifyReady').length;
  expect(announced).toBe(actor.getSnapshot().hasTag('profileSaved') || announced > 0 ? 1 : 0);
  expect(effects).not.toContain('openDashboard:inactive');
  expect(effects.filter((e) => e.startsWith('discard:undefined'))).toEqual([]);
  actor.stop();
}

describe('deployment machine, model-based', () => {
  it('covers every declared transition with paths generated from the machine', () => {
    const declared = declaredTransitions();
    const covered = new Set<string>();
    const paths = edgeCoveringPaths();
    for (const path of paths) runPath(path, covered);
    const missing = [...declared.keys()].filter((k) => !covered.has(k));
    console.log(`model coverage: ${declared.size - missing.length}/${declared.size} transitions covered by ${paths.length} generated paths`);
    expect(missing).toEqual([]);
    // Hundreds of generated paths: seconds of work on a busy machine, not a hang.
  }, 60_000);
});
