import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { errorMessage } from '../../machines/errorMessage';
import type { Notifier } from '../notifications/notifier';
import type { DeploymentTrackerPort } from './deploymentTrackerPort';

export const CANCEL_DEPLOYMENT = 'Cancel Deployment';

/**
 * The one way a user cancels (the Deployments view, the progress panel, the close warning): a
 * modal that says what stays, then the tracker's cancel. The user is told what is not done here:
 * a deployment no longer running, another window asked to do it, or a cancel that failed.
 */
export async function confirmAndCancel(
  { value, context: deployment }: DeploymentView,
  tracker: Pick<DeploymentTrackerPort, 'cancel'>,
  notifier: Pick<Notifier, 'confirm' | 'info' | 'error'>,
): Promise<void> {
  if (!stateHasTag(value, 'cancelable')) {
    void notifier.info(`The deployment of '${deployment.serverName}' is not running: there is nothing to cancel.`);
    return;
  }
  const stops = stateHasTag(value, 'retryScheduled') ? 'It is not sent to Azure again.' : 'Azure stops creating what is left.';
  const detail = `${stops} Resources it has already created stay in resource group '${deployment.resourceGroupName}'; no connection profile is saved.`;
  if (!(await notifier.confirm(`Cancel the deployment of '${deployment.serverName}'?`, detail, CANCEL_DEPLOYMENT))) return;
  try {
    if ((await tracker.cancel(deployment.stagingId)) === 'askedOwner') {
      void notifier.info(`Another VS Code window is working on '${deployment.serverName}': it was asked to cancel the deployment.`);
    }
  } catch (error) {
    void notifier.error(`The deployment of '${deployment.serverName}' was not canceled: ${errorMessage(error)}`);
  }
}
