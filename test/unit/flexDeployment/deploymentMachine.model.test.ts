import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { deploymentMachine } from '../../../machines/flexDeployment/deploymentMachine';
import { AUDIT_LIMIT } from '../../../machines/flexDeployment/stagedFlexProfile';
import { declaredTransitions, edgeCoveringPaths, modelInput, transitionKey } from '../../support/deploymentModel';

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
    },
  });
  const actor = createActor(machine, { input: modelInput() });
  actor.start();
  for (const event of events) {
    const before = actor.getSnapshot();
    for (const def of machine.getTransitionData(before, event)) covered.add(transitionKey(def));
    const effectsBefore = effects.length;
    actor.send(event);
    const { value, context } = actor.getSnapshot();
    // Only ARM's word ends a deployment: a read that could not happen changes no state.
    if (event.type === 'poll.unavailable') expect(value).toEqual(before.value);
    const top = typeof value === 'string' ? value : Object.keys(value)[0];
    if (top !== 'dismissed') expect(context.status).toBe(top === 'pending' ? 'pending' : top);
    // A cancel is sent only while ARM runs the deployment; a canceled one is no failure.
    if (effects.slice(effectsBefore).includes('requestCancel')) expect(top).toBe('cancelling');
    if (top === 'failed' || top === 'canceled') {
      expect(context.passwordSecretId).toBeUndefined();
      expect(context.profileCreated).toBe(false);
      expect(Boolean(context.error)).toBe(top === 'failed');
    }
    if (context.profileCreated) expect(context.passwordSecretId).toBeUndefined();
    expect(context.audit.length).toBeLessThanOrEqual(AUDIT_LIMIT);
  }
  expect(effects.filter((e) => e === 'openDashboard').length).toBeLessThanOrEqual(1);
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
  });
});
