import { createActor, type AnyStateNode, type TransitionDefinition } from 'xstate';
import { createTestModel, type TestPath } from 'xstate/graph';
import type { DeploymentEvent } from '../../machines/flexDeployment/deploymentEvents';
import { deploymentMachine } from '../../machines/flexDeployment/deploymentMachine';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { stagedContext } from '../../src/services/flexDeployment/stageDeployment';
import { createRequest } from './trackerFakes';

export const T0 = Date.UTC(2026, 10, 22, 12);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const armError = { code: 'QuotaExceeded', message: 'Operation results in exceeding approved quota.' };
const transientError = { code: 'InternalServerError', message: "An unexpected error occured while processing the request. Tracking ID: 'model'" };

/** One concrete instance of every event, with times that exercise each guard both ways. */
export const MODEL_EVENTS: DeploymentEvent[] = [
  { type: 'arm.accepted', at: T0 + 1000 },
  { type: 'arm.rejected', at: T0 + 1000, error: { code: 'InvalidTemplateDeployment', message: 'The template is not valid.' } },
  { type: 'arm.rejected', at: T0 + 1000, error: { code: 'AnotherOperationInProgress', message: 'Another operation is in progress on the resource group.' } },
  { type: 'arm.outcomeUnknown', at: T0 + 1000, reason: 'HTTP 503 ServiceUnavailable' },
  { type: 'poll.running', at: T0 + MINUTE, provisioningState: 'Running', armDurationMs: 50_000 },
  // ARM still says Running past the 2-hour deadline: the one way time ends a deployment.
  { type: 'poll.running', at: T0 + 2 * HOUR + MINUTE, provisioningState: 'Running', armDurationMs: 2 * HOUR },
  { type: 'poll.succeeded', at: T0 + 5 * MINUTE, serverResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgflex-demo' },
  { type: 'poll.failed', at: T0 + 5 * MINUTE, error: armError },
  // A temporary failure early, and one late enough that any wait for a retry has passed.
  { type: 'poll.failed', at: T0 + 5 * MINUTE, error: transientError },
  { type: 'poll.failed', at: T0 + 30 * MINUTE, error: transientError },
  { type: 'poll.canceled', at: T0 + 5 * MINUTE },
  // Not found within the grace after staging (the PUT may still show), then after it.
  { type: 'poll.notFound', at: T0 + MINUTE },
  { type: 'poll.notFound', at: T0 + 5 * MINUTE },
  { type: 'poll.unavailable', at: T0 + 3 * HOUR, reason: 'signed out of Azure' },
  { type: 'profile.saved', at: T0 + 6 * MINUTE, profileId: 'flex-model' },
  { type: 'profile.saveFailed', at: T0 + 6 * MINUTE, message: 'settings are read-only' },
  { type: 'profile.missing', at: T0 + 9 * MINUTE },
  { type: 'profile.removed', at: T0 + 9 * MINUTE },
  { type: 'dashboard.opened', at: T0 + 7 * MINUTE },
  { type: 'dashboard.failed', at: T0 + 7 * MINUTE, message: 'no pg_hba.conf entry' },
  { type: 'user.retry', at: T0 + 8 * MINUTE },
  { type: 'user.dismiss', at: T0 + 8 * MINUTE },
  { type: 'user.cancel', at: T0 + 2 * MINUTE },
  { type: 'arm.cancelAccepted', at: T0 + 2 * MINUTE + 1000 },
  { type: 'arm.cancelRefused', at: T0 + 2 * MINUTE + 1000, error: { code: 'DeploymentCannotBeCancelled', message: 'The deployment is not running.' } },
  { type: 'arm.cancelUnanswered', at: T0 + 2 * MINUTE + 1000, reason: 'HTTP 503 ServiceUnavailable' },
  { type: 'session.resumed', at: T0 + 10 * MINUTE },
  { type: 'session.resumed', at: T0 + 3 * 24 * HOUR },
];

export function modelInput(): DeploymentContext {
  return stagedContext(
    createRequest(),
    { stagingId: 'model', deploymentName: 'pgflex-pgflex-demo-1', passwordSecretId: 'pgsql.flexProvisioning.stagedPassword.model' },
    T0,
  );
}

const RUNNING = new Set(['pending', 'deploying', 'retryingTransient']);

/** The machine's snapshot after these events, from this context (a fresh actor, stopped after). */
export function deploymentFrom(input: DeploymentContext, ...events: DeploymentEvent[]) {
  const actor = createActor(deploymentMachine, { input });
  actor.start();
  for (const event of events) actor.send(event);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

/** The graph is over what guards read, not over timestamps, so it stays finite. */
function serialize(snapshot: { value: unknown; context: DeploymentContext }): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.inActiveSession,
    c.retryRequestedAt !== undefined,
    Boolean(c.effectError),
    c.startOutcomeUnknown !== undefined,
    c.dashboardOpened,
    c.profileRestoredAt !== undefined,
    c.profileRemovedAt !== undefined,
    // What ARM answered a cancel is read only while cancelling: elsewhere it would only multiply states.
    snapshot.value === 'cancelling' ? [c.cancellation?.acceptedAt !== undefined, c.cancellation?.unanswered !== undefined] : null,
    // Whether a cancel was asked for, and the attempts, are read only while ARM may still fail it.
    RUNNING.has(String(snapshot.value)) ? [c.cancellation !== undefined, c.transientRetry?.failedAttempts ?? 0, c.transientRetry?.answerAwaited === true] : null,
    // When the next attempt is due is read only while it waits: a few values, from the few failure times.
    snapshot.value === 'retryingTransient' ? c.transientRetry?.retryAt : null,
  ]);
}

export function deploymentTestModel() {
  return createTestModel(deploymentMachine, {
    input: modelInput(),
    events: MODEL_EVENTS,
    serializeState: serialize,
    filterEvents: (snapshot, event) => snapshot.can(event),
  });
}

/** A path to every reachable state, then every enabled event from it: every edge of the graph. */
export function edgeCoveringPaths(): DeploymentEvent[][] {
  const model = deploymentTestModel();
  const toState = model.getShortestPaths({ allowDuplicatePaths: true });
  const paths: DeploymentEvent[][] = [];
  for (const path of toState) {
    const prefix = path.steps.map((s) => s.event).filter((e) => !e.type.startsWith('xstate.'));
    // A final state (dismissed) answers `can` for its ancestors' events but takes none.
    if (path.state.status !== 'active') continue;
    for (const event of MODEL_EVENTS) {
      if (path.state.can(event)) paths.push([...prefix, event]);
    }
  }
  return paths;
}

export type TestPathOf = TestPath<never, never>;

/** Every transition the machine declares, as `source|event|guard|targets`. */
export function declaredTransitions(): Map<string, TransitionDefinition<DeploymentContext, DeploymentEvent>> {
  const all = new Map<string, TransitionDefinition<DeploymentContext, DeploymentEvent>>();
  const visit = (node: AnyStateNode) => {
    for (const defs of node.transitions.values()) {
      for (const def of defs) all.set(transitionKey(def as never), def as never);
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(deploymentMachine.root);
  return all;
}

export function transitionKey(def: TransitionDefinition<DeploymentContext, DeploymentEvent>): string {
  const guard = typeof def.guard === 'string' ? def.guard : ((def.guard as { type?: string } | undefined)?.type ?? '');
  return `${def.source.id}|${def.eventType}|${guard}|${(def.target ?? []).map((t) => t.id).join(',')}`;
}
