import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentObservation } from './deploymentReader';

/**
 * The moments of a deployment's life, told as they happen to whoever listens (the log, telemetry).
 * Only the window that owns a deployment tells them, so each is told once over all windows; a
 * reload tells nothing again, since rehydrating an actor moves nothing.
 */
export interface DeploymentLifecycle {
  /** Durable in the journal; ARM is called next (only in the session that pressed Create). */
  staged(deployment: Readonly<DeploymentContext>): void;
  /** ARM has the deployment: it took the PUT, or reads found it after the answer was lost. */
  accepted(deployment: Readonly<DeploymentContext>): void;
  /** What one read of ARM said about an owned deployment. */
  observed(deployment: Readonly<DeploymentContext>, observation: DeploymentObservation): void;
  /** ARM failed an attempt with a temporary error: the next one is sent at `transientRetry.retryAt`. */
  retryScheduled(deployment: Readonly<DeploymentContext>): void;
  /** The next attempt was sent to ARM (its answer comes as the first start's: accepted, or not). */
  resubmitted(deployment: Readonly<DeploymentContext>): void;
  /** Reached its end (its `terminalAt` is set): succeeded, failed or canceled, by ARM's word or the deadline. */
  ended(deployment: Readonly<DeploymentContext>): void;
  profileSaved(deployment: Readonly<DeploymentContext>): void;
  /** Background reads found no usable Azure session; the user is asked to sign in (once per activation). */
  signInNeeded(deploymentsWaiting: number): void;
}

/** The moments an owned deployment's change is: compared with the context before it. */
export function tellTransition(before: Readonly<DeploymentContext>, after: Readonly<DeploymentContext>, lifecycle: DeploymentLifecycle): void {
  // Only a read ends a pending deployment canceled: ARM had it.
  if (before.status === 'pending' && ['deploying', 'succeeded', 'canceled'].includes(after.status)) lifecycle.accepted(after);
  if (after.transientRetry && before.transientRetry?.failedAttempts !== after.transientRetry.failedAttempts) lifecycle.retryScheduled(after);
  if (after.transientRetry?.resubmittedAt !== undefined && before.transientRetry?.resubmittedAt !== after.transientRetry.resubmittedAt) lifecycle.resubmitted(after);
  if (before.terminalAt === undefined && after.terminalAt !== undefined) lifecycle.ended(after);
  if (before.profileCreated !== true && after.profileCreated === true) lifecycle.profileSaved(after);
}

/**
 * One lifecycle that tells every listener the moments it listens to. A listener that throws is
 * reported and skipped: telling must never stop a deployment's actor or the poll.
 */
export function tellEach(listeners: readonly Partial<DeploymentLifecycle>[], onError: (error: unknown) => void): DeploymentLifecycle {
  const each = (tell: (listener: Partial<DeploymentLifecycle>) => void) => {
    for (const listener of listeners) {
      try {
        tell(listener);
      } catch (error) {
        onError(error);
      }
    }
  };
  return {
    staged: (d) => each((l) => l.staged?.(d)),
    accepted: (d) => each((l) => l.accepted?.(d)),
    observed: (d, observation) => each((l) => l.observed?.(d, observation)),
    retryScheduled: (d) => each((l) => l.retryScheduled?.(d)),
    resubmitted: (d) => each((l) => l.resubmitted?.(d)),
    ended: (d) => each((l) => l.ended?.(d)),
    profileSaved: (d) => each((l) => l.profileSaved?.(d)),
    signInNeeded: (waiting) => each((l) => l.signInNeeded?.(waiting)),
  };
}
