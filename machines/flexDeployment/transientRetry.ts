import type { ArmErrorSummary, DeploymentContext, TransientRetry } from './stagedFlexProfile';
import { isTransientError } from './transientErrors';

/**
 * A deployment ARM fails with a temporary error is sent again by itself: the same deployment name
 * and template (ARM redeploys it, updating in place what the failed attempt created), at most
 * MAX_ATTEMPTS times in all, each after a wait that doubles, with jitter. The jitter, which keeps
 * deployments that failed together from retrying in lockstep, is drawn from the staging id and the
 * attempt rather than a random source: the machine stays pure, and a deployment waits the same
 * after a restart, in another window and in a test.
 */

/** Attempts in all, the first one included. */
export const MAX_ATTEMPTS = 3;
/** The wait after the first failed attempt; it doubles after each one. */
export const BASE_BACKOFF_MS = 30_000;
/** The jitter lengthens a wait by up to this fraction of it. */
export const JITTER_FRACTION = 0.5;

/** The wait after the `failedAttempts`-th attempt failed: in [base·2^(n−1), base·2^(n−1)·(1 + JITTER_FRACTION)]. */
export function retryDelayMs(stagingId: string, failedAttempts: number): number {
  const base = BASE_BACKOFF_MS * 2 ** (failedAttempts - 1);
  return Math.floor(base * (1 + JITTER_FRACTION * unitHash(`${stagingId}#${failedAttempts}`)));
}

/** The attempts sent so far, the one running or failed last included. */
export function attemptsMade(deployment: { transientRetry?: Pick<TransientRetry, 'failedAttempts'> }): number {
  return 1 + (deployment.transientRetry?.failedAttempts ?? 0);
}

/**
 * The host can send the deployment again as it was: its request was kept, and the template needs
 * no password or the password is still staged. A hybrid server's password was never staged (it
 * stays with ARM), and a record migrated from schema 1 kept no request.
 */
export function canResubmit(deployment: Pick<DeploymentContext, 'request' | 'passwordSecretId'>): boolean {
  if (!deployment.request) return false;
  return deployment.request.authenticationMode === 'EntraOnly' || deployment.passwordSecretId !== undefined;
}

/**
 * ARM's failure of the running attempt, or its refusal of the PUT, is retried: a temporary error,
 * attempts left, no cancel asked for (the user wants it stopped, not sent again), and the host can
 * send it again.
 */
export function retriesFailure(deployment: RetryableDeployment, error: ArmErrorSummary): boolean {
  return isTransientError(error) && maySendAgain(deployment);
}

/**
 * A start ARM gave no answer to (a 5xx after the SDK's own retries, a timeout) and, after the grace
 * period, has no trace of: nothing runs in ARM, and sending it again is the remedy, as for a
 * temporary error, with the same attempts and waits.
 */
export function retriesUnansweredStart(deployment: RetryableDeployment & Pick<DeploymentContext, 'startOutcomeUnknown'>): boolean {
  return deployment.startOutcomeUnknown !== undefined && maySendAgain(deployment);
}

type RetryableDeployment = Pick<DeploymentContext, 'transientRetry' | 'cancellation' | 'request' | 'passwordSecretId'>;

function maySendAgain(deployment: RetryableDeployment): boolean {
  return deployment.cancellation === undefined && attemptsMade(deployment) < MAX_ATTEMPTS && canResubmit(deployment);
}

/** A number in [0, 1), spread evenly over strings that differ anywhere (FNV-1a, then a final avalanche). */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  // Stryker disable next-line EqualityOperator: one more round (charCodeAt past the end is NaN, read as 0) is another hash as even and as stable.
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}
