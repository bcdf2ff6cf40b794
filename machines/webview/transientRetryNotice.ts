import type { DeploymentContext } from '../flexDeployment/stagedFlexProfile';
import { NOT_STARTED_CODE } from '../flexDeployment/deploymentEvents';
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
  // A PUT ARM never answered nor shows: no error of Azure's to name.
  const unreached = retry.error.code === NOT_STARTED_CODE;
  if (retry.resubmittedAt !== undefined) {
    return `${unreached ? 'Azure never received the last attempt' : `Azure reported a temporary error (${retry.error.code}) on the last attempt`}; this is ${attempt}.`;
  }
  const seconds = Math.ceil((retry.retryAt - now) / 1000);
  const what = unreached ? 'Azure never received the deployment' : `Azure reported a temporary error (${retry.error.code})`;
  return `${what}; trying again ${seconds > 0 ? `in ${seconds} s` : 'now'}, ${attempt}.`;
}
