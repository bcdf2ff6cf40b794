import { durationOf } from '../../machines/flexDeployment/deploymentClock';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { attemptsMade, MAX_ATTEMPTS } from '../../machines/flexDeployment/transientRetry';
import { formatElapsed } from '../deployments/formatElapsed';
import type { DeploymentLifecycle } from '../services/flexDeployment/deploymentLifecycle';
import type { DeploymentObservation } from '../services/flexDeployment/deploymentReader';

/** The levels of vscode.LogOutputChannel this writes at. */
export interface LevelledLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The "PostgreSQL Flexible Server" log's account of each deployment: what a user or a maintainer
 * reads to know what happened, and when. Every read of ARM is at debug level (one line per
 * deployment per cycle); the moments that change something are at info. The record holds no
 * password, so nothing written here can.
 */
export function deploymentLog(log: LevelledLog): DeploymentLifecycle {
  const named = (d: Readonly<DeploymentContext>) => `Deployment ${d.deploymentName} ('${d.serverName}')`;
  return {
    staged: (d) => log.info(`${named(d)} staged in resource group ${d.resourceGroupName} (${d.location}); starting it in Azure.`),
    accepted: (d) => log.info(`${named(d)} accepted by Azure${d.provisioningState ? ` (${d.provisioningState})` : ''}.`),
    observed: (d, observation) => log.debug(`${named(d)}: ${describeObservation(observation)}`),
    retryScheduled: (d) => {
      const retry = d.transientRetry;
      if (!retry) return;
      log.warn(
        `${named(d)}: attempt ${retry.failedAttempts} failed with a temporary error (${retry.error.code}: ${retry.error.message}); attempt ${attemptsMade(d)} of ${MAX_ATTEMPTS} is sent at ${new Date(retry.retryAt).toISOString()}.`,
      );
    },
    resubmitted: (d) => log.info(`${named(d)}: attempt ${attemptsMade(d)} of ${MAX_ATTEMPTS} sent to Azure.`),
    ended: (d) => {
      const after = formatElapsed(durationOf(d, d.terminalAt ?? d.createdAt));
      if (d.status === 'succeeded') {
        log.info(`${named(d)} succeeded after ${after}: ${d.serverResourceId ?? 'server id not reported'}.`);
      } else if (d.status === 'canceled') {
        // An outcome, not an error: what it left behind is what the user needs to know.
        log.info(`${named(d)} canceled after ${after}; what Azure had created stays in resource group ${d.resourceGroupName}.`);
      } else {
        log.error(`${named(d)} ${d.status} after ${after}: ${d.armError ? `${d.armError.code}: ${d.armError.message}` : (d.error ?? 'no error reported')}`);
      }
    },
    profileSaved: (d) => log.info(`${named(d)}: connection profile ${d.profileId ?? ''} saved.`),
    signInNeeded: (waiting) => log.warn(`Azure could not be read for ${waiting} deployment(s): no usable Azure sign-in. Asking the user to sign in; tracking resumes after it.`),
  };
}

export function describeObservation(observation: DeploymentObservation): string {
  switch (observation.kind) {
    case 'running':
      return `running (${observation.provisioningState}${observation.durationMs !== undefined ? `, ${formatElapsed(observation.durationMs)} by Azure's clock` : ''})`;
    case 'succeeded':
      return `succeeded (${observation.serverResourceId})`;
    case 'failed':
      return `failed (${observation.error.code}: ${observation.error.message})`;
    case 'canceled':
      return 'canceled';
    case 'notFound':
      return 'not found in Azure';
    case 'unavailable':
      return `not checked: ${observation.reason}`;
    case 'signedOut':
      return 'not checked: signed out of Azure';
  }
}
