import type { DeploymentContext } from '../flexDeployment/stagedFlexProfile';
import { attemptsMade, MAX_ATTEMPTS } from '../flexDeployment/transientRetry';

/**
 * What the user is told about a deployment ARM failed with a temporary error while it is being
 * tried again: the progress panel, the Deployments view's row and View Details say the same.
 * Read from the record alone (View Details has no state): the next attempt is unsent while
 * `resubmittedAt` is. Nothing once the deployment ended: its outcome says the rest (a failure,
 * how often it was tried: failureGuidance.ts).
 */
export function transientRetryNotice(deployment: Pick<DeploymentContext, 'transientRetry' | 'terminalAt'>, now: number): string | undefined {
  const retry = deployment.transientRetry;
  if (!retry || deployment.terminalAt !== undefined) return undefined;
  const attempt = `attempt ${attemptsMade(deployment)} of ${MAX_ATTEMPTS}`;
  if (retry.resubmittedAt !== undefined) return `Azure reported a temporary error (${retry.error.code}) on the last attempt; this is ${attempt}.`;
  const seconds = Math.ceil((retry.retryAt - now) / 1000);
  return `Azure reported a temporary error (${retry.error.code}); trying again ${seconds > 0 ? `in ${seconds} s` : 'now'}, ${attempt}.`;
}
