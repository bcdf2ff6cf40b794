import * as l10n from '../l10n';
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
  const made = attemptsMade(deployment);
  // A PUT ARM never answered nor shows: no error of Azure's to name.
  const unreached = retry.error.code === NOT_STARTED_CODE;
  if (retry.resubmittedAt !== undefined) {
    return unreached
      ? l10n.t('Azure never received the last attempt; this is attempt {0} of {1}.', made, MAX_ATTEMPTS)
      : l10n.t('Azure reported a temporary error ({0}) on the last attempt; this is attempt {1} of {2}.', retry.error.code, made, MAX_ATTEMPTS);
  }
  const seconds = Math.ceil((retry.retryAt - now) / 1000);
  const what = unreached ? l10n.t('Azure never received the deployment') : l10n.t('Azure reported a temporary error ({0})', retry.error.code);
  return seconds > 0
    ? l10n.t('{0}; trying again in {1} s, attempt {2} of {3}.', what, seconds, made, MAX_ATTEMPTS)
    : l10n.t('{0}; trying again now, attempt {1} of {2}.', what, made, MAX_ATTEMPTS);
}
