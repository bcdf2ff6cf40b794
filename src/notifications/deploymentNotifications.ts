import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { Notifier } from './notifier';

/** What the notification buttons hand over to; the composition root binds them to the tracker and connections. */
export interface DeploymentNotificationActions {
  connect(deployment: Readonly<DeploymentContext>): Promise<void>;
  openDashboard(deployment: Readonly<DeploymentContext>): Promise<void>;
  viewDetails(deployment: Readonly<DeploymentContext>): void;
  retry(stagingId: string): Promise<void>;
  dismiss(stagingId: string): Promise<void>;
}

export const CONNECT = 'Connect';
export const OPEN_DASHBOARD = 'Open Dashboard';
export const VIEW_DETAILS = 'View Details';
export const RETRY = 'Retry';
export const DISMISS = 'Dismiss';

/** Success found in the background: say so and offer, never open anything unasked (spec §9). */
export async function notifyReady(deployment: Readonly<DeploymentContext>, notifier: Notifier, actions: DeploymentNotificationActions): Promise<void> {
  // A cancel that came too late is answered here: ARM finished first, and the server is there.
  const message = deployment.cancellation
    ? `Server '${deployment.serverName}' is ready: its deployment finished before Azure could cancel it`
    : `Server '${deployment.serverName}' is ready`;
  const choice = await notifier.info(message, CONNECT, OPEN_DASHBOARD);
  if (choice === CONNECT) {
    await actions.connect(deployment);
  } else if (choice === OPEN_DASHBOARD) {
    await actions.openDashboard(deployment);
  }
}

export async function notifyFailed(deployment: Readonly<DeploymentContext>, notifier: Notifier, actions: DeploymentNotificationActions): Promise<void> {
  await followUp(await notifier.error(failureMessage(deployment), VIEW_DETAILS, RETRY, DISMISS), deployment, actions);
}

/** A cancel the user asked for, or one made elsewhere (the portal): not a failure, and said so. */
export async function notifyCanceled(deployment: Readonly<DeploymentContext>, notifier: Notifier, actions: DeploymentNotificationActions): Promise<void> {
  await followUp(await notifier.info(canceledMessage(deployment), VIEW_DETAILS, RETRY, DISMISS), deployment, actions);
}

/** The buttons of a deployment that ended without a server to use: failed or canceled. */
async function followUp(choice: string | undefined, deployment: Readonly<DeploymentContext>, actions: DeploymentNotificationActions): Promise<void> {
  if (choice === VIEW_DETAILS) {
    actions.viewDetails(deployment);
  } else if (choice === RETRY) {
    await actions.retry(deployment.stagingId);
  } else if (choice === DISMISS) {
    await actions.dismiss(deployment.stagingId);
  }
}

export function canceledMessage(deployment: Readonly<DeploymentContext>): string {
  return `The deployment of '${deployment.serverName}' was canceled. No connection profile was saved; resources Azure had already created stay in resource group '${deployment.resourceGroupName}'.`;
}

export function failureMessage(deployment: Readonly<DeploymentContext>): string {
  const error = deployment.armError?.message ?? deployment.error ?? 'the deployment failed without an error message';
  return `Azure PostgreSQL Flexible Server provisioning failed for '${deployment.serverName}': ${error}`;
}
