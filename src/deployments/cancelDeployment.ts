import * as l10n from '../../machines/l10n';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { errorMessage } from '../../machines/errorMessage';
import type { Notifier } from '../notifications/notifier';
import type { DeploymentTrackerPort } from './deploymentTrackerPort';

export const CANCEL_DEPLOYMENT = l10n.t('Cancel Deployment');

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
    void notifier.info(l10n.t("The deployment of '{0}' is not running: there is nothing to cancel.", deployment.serverName));
    return;
  }
  const stops = stateHasTag(value, 'retryScheduled') ? l10n.t('It is not sent to Azure again.') : l10n.t('Azure stops creating what is left.');
  const detail = `${stops} ${l10n.t("Resources it has already created stay in resource group '{0}'; no connection profile is saved.", deployment.resourceGroupName)}`;
  if (!(await notifier.confirm(l10n.t("Cancel the deployment of '{0}'?", deployment.serverName), detail, CANCEL_DEPLOYMENT))) return;
  try {
    if ((await tracker.cancel(deployment.stagingId)) === 'askedOwner') {
      void notifier.info(l10n.t("Another VS Code window is working on '{0}': it was asked to cancel the deployment.", deployment.serverName));
    }
  } catch (error) {
    void notifier.error(l10n.t("The deployment of '{0}' was not canceled: {1}", deployment.serverName, errorMessage(error)));
  }
}
