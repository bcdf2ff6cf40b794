import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { errorMessage } from '../../machines/errorMessage';
import type { Notifier } from '../notifications/notifier';
import type { DeploymentTrackerPort } from './deploymentTrackerPort';

export const CANCEL_DEPLOYMENT = 'Cancel Deployment';

/**
 * The one way a user cancels (the Deployments view, the progress panel, the close warning): a
 * modal that says what stays, then the tracker's cancel. What cannot be done is shown, not only
 * logged: a deployment no longer running, or another window that keeps it.
 */
export async function confirmAndCancel(
  deployment: Readonly<DeploymentContext>,
  tracker: Pick<DeploymentTrackerPort, 'cancel'>,
  notifier: Pick<Notifier, 'confirm' | 'info' | 'error'>,
): Promise<void> {
  if (deployment.status !== 'deploying') {
    void notifier.info(`The deployment of '${deployment.serverName}' is not running: there is nothing to cancel.`);
    return;
  }
  const detail = `Azure stops creating what is left. Resources it has already created stay in resource group '${deployment.resourceGroupName}'; no connection profile is saved.`;
  if (!(await notifier.confirm(`Cancel the deployment of '${deployment.serverName}'?`, detail, CANCEL_DEPLOYMENT))) return;
  try {
    await tracker.cancel(deployment.stagingId);
  } catch (error) {
    void notifier.error(`The deployment of '${deployment.serverName}' was not canceled: ${errorMessage(error)}`);
  }
}
