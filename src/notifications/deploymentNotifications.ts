import * as l10n from '../../machines/l10n';
import { failureGuidance, type FailureGuidance } from '../../machines/flexDeployment/failureGuidance';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { Notifier } from './notifier';
import { errorMessage } from '../../machines/errorMessage';

/** What the notification buttons hand over to; the composition root binds them to the tracker and connections. */
export interface DeploymentNotificationActions {
  connect(deployment: Readonly<DeploymentContext>): Promise<void>;
  openDashboard(deployment: Readonly<DeploymentContext>): Promise<void>;
  viewDetails(deployment: Readonly<DeploymentContext>): Promise<void>;
  /** The server once it exists, else the deployment's overview (its resources and ARM's error). */
  openServerInPortal(deployment: Readonly<DeploymentContext>): Promise<void>;
  openDeploymentInPortal(deployment: Readonly<DeploymentContext>): Promise<void>;
  /** A guidance page (quota request, provider registration…) in the browser. */
  openLink(url: string): Promise<void>;
  retry(stagingId: string): Promise<void>;
  dismiss(stagingId: string): Promise<void>;
  /** A deployment refused for an unregistered subscription: register it, then offer Retry. */
  registerProvider(deployment: Readonly<DeploymentContext>): Promise<void>;
  /** "Delete Leftover Resources…" on the deployment: what it created is named, confirmed, then deleted. */
  deleteLeftovers(deployment: Readonly<DeploymentContext>): Promise<void>;
}

export const CONNECT = l10n.t('Connect');
export const OPEN_DASHBOARD = l10n.t('Open Dashboard');
export const VIEW_DETAILS = l10n.t('View Details');
export const RETRY = l10n.t('Retry');
export const DISMISS = l10n.t('Dismiss');
export const OPEN_IN_PORTAL = l10n.t('Open in Azure Portal');
export const REGISTER_PROVIDER = l10n.t('Register Provider');
export const DELETE_LEFTOVER_RESOURCES = l10n.t('Delete Leftover Resources…');

/** Success found in the background: say so and offer, never open anything unasked (spec §9). */
export async function notifyReady(deployment: Readonly<DeploymentContext>, notifier: Notifier, actions: DeploymentNotificationActions): Promise<void> {
  // A cancel that came too late is answered here: ARM finished first, and the server is there.
  const message = deployment.cancellation
    ? l10n.t("Server '{0}' is ready: its deployment finished before Azure could cancel it", deployment.serverName)
    : l10n.t("Server '{0}' is ready", deployment.serverName);
  const choice = await notifier.info(message, CONNECT, OPEN_DASHBOARD, OPEN_IN_PORTAL);
  if (choice === CONNECT) {
    await actions.connect(deployment);
  } else if (choice === OPEN_DASHBOARD) {
    await actions.openDashboard(deployment);
  } else if (choice === OPEN_IN_PORTAL) {
    await actions.openServerInPortal(deployment);
  }
}

export async function notifyFailed(deployment: Readonly<DeploymentContext>, notifier: Notifier, actions: DeploymentNotificationActions): Promise<void> {
  const guidance = failureGuidance(deployment);
  const register = guidance?.action === 'registerProvider';
  // At most five buttons, the most useful first. Registering comes before Retry, which alone would
  // fail the same way; ARM refused such a deployment before creating anything, so nothing is left
  // to delete, and the button does what the guidance page explains. A guidance page (quota, policy,
  // region access) takes the place of the deployment's overview in the portal: it says more about
  // the failure, and the overview stays on the deployment's row and in the progress panel.
  const link = register ? undefined : guidance?.link;
  const buttons = register
    ? [VIEW_DETAILS, REGISTER_PROVIDER, RETRY, OPEN_IN_PORTAL, DISMISS]
    : [VIEW_DETAILS, RETRY, link ? link.label : OPEN_IN_PORTAL, DELETE_LEFTOVER_RESOURCES, DISMISS];
  const choice = await notifier.error(failureMessage(deployment, guidance), ...buttons);
  if (link && choice === link.label) {
    await actions.openLink(link.url);
  } else if (register && choice === REGISTER_PROVIDER) {
    await actions.registerProvider(deployment);
  } else {
    await followUp(choice, deployment, actions);
  }
}

/** A cancel the user asked for, or one made elsewhere (the portal): not a failure, and said so. */
export async function notifyCanceled(deployment: Readonly<DeploymentContext>, notifier: Notifier, actions: DeploymentNotificationActions): Promise<void> {
  // The deployment's overview, as for a failure: it lists what Azure created before it stopped.
  await followUp(await notifier.info(canceledMessage(deployment), VIEW_DETAILS, RETRY, ...WHAT_IS_LEFT), deployment, actions);
}

/**
 * What is left of a failed or canceled deployment: its resources in Azure (seen in the portal, or
 * deleted) and its record. Leftovers are offered where Retry is (offersLeftoverDeletion), and these
 * notifications come only for a deployment not retried yet; the command checks again when pressed.
 */
const WHAT_IS_LEFT = [OPEN_IN_PORTAL, DELETE_LEFTOVER_RESOURCES, DISMISS];

/** The buttons of a deployment that ended without a server to use: failed or canceled. */
async function followUp(choice: string | undefined, deployment: Readonly<DeploymentContext>, actions: DeploymentNotificationActions): Promise<void> {
  if (choice === VIEW_DETAILS) {
    await actions.viewDetails(deployment);
  } else if (choice === OPEN_IN_PORTAL) {
    await actions.openDeploymentInPortal(deployment);
  } else if (choice === RETRY) {
    await actions.retry(deployment.stagingId);
  } else if (choice === DELETE_LEFTOVER_RESOURCES) {
    await actions.deleteLeftovers(deployment);
  } else if (choice === DISMISS) {
    await actions.dismiss(deployment.stagingId);
  }
}

export function canceledMessage(deployment: Readonly<DeploymentContext>): string {
  return l10n.t(
    "The deployment of '{0}' was canceled. No connection profile was saved; resources Azure had already created stay in resource group '{1}'.",
    deployment.serverName,
    deployment.resourceGroupName,
  );
}

/** A follow-up on a deployment (a button, a next step) that failed: said to the user, not only logged. */
export function couldNotFinish(serverName: string, error: unknown): string {
  return l10n.t("Could not finish that for '{0}': {1}", serverName, errorMessage(error));
}

/** The spec's message with ARM's words verbatim, then what to do about it when the code is known. */
export function failureMessage(deployment: Readonly<DeploymentContext>, guidance: FailureGuidance | undefined): string {
  const error = deployment.armError?.message ?? deployment.error ?? l10n.t('the deployment failed without an error message');
  const message = l10n.t("Azure PostgreSQL Flexible Server provisioning failed for '{0}': {1}", deployment.serverName, error);
  return guidance ? `${message} ${guidance.advice}` : message;
}
