import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { deploymentMachine, type DeploymentTag } from '../../../machines/flexDeployment/deploymentMachine';
import {
  DEPLOYMENT_STATES,
  INITIAL_STATE,
  isDeploymentState,
  isFinalState,
  stateHasTag,
  stateNameOf,
  stateOfStagedProfile,
  stateValueOf,
} from '../../../machines/flexDeployment/deploymentStates';
import { modelInput } from '../../support/deploymentModel';

const TAGS: DeploymentTag[] = ['running', 'building', 'unfinished', 'cancelable', 'retryScheduled', 'cancelling', 'serverReady', 'profileSaved', 'failure', 'canceled', 'retryable'];

const tagged = (tag: DeploymentTag) => DEPLOYMENT_STATES.filter((state) => stateHasTag(state, tag));

describe('deployment states, read from the machine', () => {
  it('names every leaf state of the machine, in its order', () => {
    expect(DEPLOYMENT_STATES).toEqual([
      'pending',
      'deploying',
      'retryingTransient',
      'cancelling',
      'succeeded.creatingProfile',
      'succeeded.profileCreated',
      'succeeded.dashboardOpened',
      'failed',
      'canceled',
      'dismissed',
    ]);
  });

  it('turns each name into the value XState resolves, and back', () => {
    for (const name of DEPLOYMENT_STATES) {
      const value = stateValueOf(name);
      expect(deploymentMachine.resolveState({ value, context: modelInput() }).value).toEqual(value);
      expect(stateNameOf(value)).toBe(name);
    }
    expect(stateValueOf('succeeded.profileCreated')).toEqual({ succeeded: 'profileCreated' });
  });

  it("answers each tag as the machine's own hasTag does", () => {
    for (const name of DEPLOYMENT_STATES) {
      const snapshot = deploymentMachine.resolveState({ value: stateValueOf(name), context: modelInput() });
      for (const tag of TAGS) expect(stateHasTag(name, tag), `${name} ${tag}`).toBe(snapshot.hasTag(tag));
    }
  });

  it('gives the states the meanings the host and the webview act on', () => {
    expect(tagged('running')).toEqual(['pending', 'deploying', 'retryingTransient', 'cancelling']);
    expect(tagged('building')).toEqual(['deploying', 'cancelling']);
    expect(tagged('unfinished')).toEqual(['pending', 'deploying', 'retryingTransient', 'cancelling', 'succeeded.creatingProfile']);
    expect(tagged('cancelable')).toEqual(['deploying', 'retryingTransient']);
    expect(tagged('retryScheduled')).toEqual(['retryingTransient']);
    expect(tagged('cancelling')).toEqual(['cancelling']);
    expect(tagged('serverReady')).toEqual(['succeeded.creatingProfile', 'succeeded.profileCreated', 'succeeded.dashboardOpened']);
    expect(tagged('profileSaved')).toEqual(['succeeded.profileCreated', 'succeeded.dashboardOpened']);
    expect(tagged('failure')).toEqual(['failed']);
    expect(tagged('canceled')).toEqual(['canceled']);
    expect(tagged('retryable')).toEqual(['failed', 'canceled']);
    expect(DEPLOYMENT_STATES.filter(isFinalState)).toEqual(['dismissed']);
  });

  it('starts where a new actor starts', () => {
    expect(stateValueOf(INITIAL_STATE)).toEqual(createActor(deploymentMachine, { input: modelInput() }).getSnapshot().value);
  });

  it('knows no other state', () => {
    expect(DEPLOYMENT_STATES.every(isDeploymentState)).toBe(true);
    for (const other of ['succeeded', 'cancelled', '', undefined, 3, { succeeded: 'profileCreated' }]) expect(isDeploymentState(other)).toBe(false);
  });

  it("reads a schema-1 record's state from its status and flags", () => {
    expect(stateOfStagedProfile({ status: 'pending' })).toBe('pending');
    expect(stateOfStagedProfile({ status: 'deploying' })).toBe('deploying');
    expect(stateOfStagedProfile({ status: 'failed', profileCreated: true })).toBe('failed');
    expect(stateOfStagedProfile({ status: 'succeeded' })).toBe('succeeded.creatingProfile');
    expect(stateOfStagedProfile({ status: 'succeeded', profileCreated: true })).toBe('succeeded.profileCreated');
    expect(stateOfStagedProfile({ status: 'succeeded', profileCreated: true, dashboardOpened: true })).toBe('succeeded.dashboardOpened');
  });
});
