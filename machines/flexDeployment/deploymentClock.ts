import { DEPLOYMENT_TIMEOUT_MS, type DeploymentContext } from './stagedFlexProfile';

/**
 * When a deployment started and how long it has run, under a clock that may be wrong: set back,
 * set forward, or skewed between the session that staged the deployment and the one reading it.
 * ARM's own duration is preferred as soon as a read reports it; until then the local start is
 * clamped so it is never later than any moment the deployment was seen at (a start in the future
 * cannot be true). Every duration is clamped at zero.
 */

/** How long a deployment that Azure may or may not have received is looked for before it counts as never started. */
export const START_GRACE_MS = 3 * 60 * 1000;

type Timing = Pick<DeploymentContext, 'createdAt' | 'startedAt' | 'armStartedAt' | 'transientRetry'>;

/**
 * Reads settle a pending deployment once nobody is waiting for the PUT's answer: after a restart,
 * or when the answer was lost. The PUT is the first one (awaited in the session that pressed
 * Create) or an attempt sent again after a temporary failure (awaited in the session that sent it).
 */
export function readsDecide(deployment: Pick<DeploymentContext, 'inActiveSession' | 'startOutcomeUnknown' | 'transientRetry'>): boolean {
  const awaited = deployment.inActiveSession || deployment.transientRetry?.answerAwaited === true;
  return !awaited || deployment.startOutcomeUnknown !== undefined;
}

/** When ARM accepted the deployment, as the machine's audit trail recorded it (entering `deploying`). */
export function acceptedAt(deployment: Pick<DeploymentContext, 'audit'>): number | undefined {
  return deployment.audit.find((a) => a.to === 'deploying')?.at;
}

/** The best known start of the running (or last) attempt, on this machine's clock. */
export function startOf(deployment: Timing): number {
  return deployment.armStartedAt ?? deployment.transientRetry?.resubmittedAt ?? Math.min(deployment.createdAt, deployment.startedAt ?? deployment.createdAt);
}

/** Running time at `at`, never negative. */
export function elapsedAt(deployment: Timing, at: number): number {
  return Math.max(0, at - startOf(deployment));
}

/** Start and finish as shown: a finish before the start (the clock was set back) counts as no time. */
export function durationOf(deployment: Timing & Pick<DeploymentContext, 'terminalAt'>, now: number): number {
  return elapsedAt(deployment, deployment.terminalAt ?? now);
}

/** The timing fields after the deployment was seen at `at`, with ARM's running time if the read had it. */
export function timingAfter(deployment: Timing, at: number, armDurationMs?: number): Pick<DeploymentContext, 'startedAt' | 'armStartedAt'> {
  const startedAt = Math.min(deployment.startedAt ?? deployment.createdAt, at);
  if (armDurationMs === undefined || !Number.isFinite(armDurationMs) || armDurationMs < 0) {
    return { startedAt, armStartedAt: deployment.armStartedAt };
  }
  return { startedAt, armStartedAt: at - armDurationMs };
}

/** Running time at `at`, counting what this sighting teaches about the start. */
export function elapsedWhenSeen(deployment: Timing, at: number, armDurationMs?: number): number {
  return elapsedAt({ ...deployment, ...timingAfter(deployment, at, armDurationMs) }, at);
}

/** ARM says it is still running, and it has run for the whole deadline (by ARM's clock when known). */
export function runsPastDeadline(deployment: Timing, at: number, armDurationMs?: number): boolean {
  return elapsedWhenSeen(deployment, at, armDurationMs) >= DEPLOYMENT_TIMEOUT_MS;
}

/**
 * A deployment Azure does not know has had its grace: it was looked for long enough after it was
 * staged (the PUT follows at once) for a request that did reach ARM to show.
 */
export function startGraceOver(deployment: Timing, at: number): boolean {
  return elapsedWhenSeen(deployment, at) >= START_GRACE_MS;
}
