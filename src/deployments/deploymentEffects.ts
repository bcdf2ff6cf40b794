import * as l10n from '../../machines/l10n';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { AzurePortal } from '../azure/azurePortal';
import type { DeploymentEffects } from '../services/flexDeployment/deploymentEffectsPort';
import type { SecretStore } from '../services/flexDeployment/secretStore';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ConnectOutcome } from '../connections/connectFlow';
import { findDeploymentProfile, saveDeploymentProfile } from '../connections/saveDeploymentProfile';
import { DEPLOYMENT_COMMANDS, SHOW_SERVER_DASHBOARD } from '../commandIds';
import type { CommandRunner, Notifier } from '../notifications/notifier';
import { couldNotFinish, notifyCanceled, notifyFailed, notifyReady, type DeploymentNotificationActions } from '../notifications/deploymentNotifications';
import type { DeploymentTrackerPort } from './deploymentTrackerPort';
import type { DeploymentDetails } from './deploymentDetails';
import type { ProviderRegistrar } from '../azure/providerRegistration';
import { registerProviderThenOfferRetry } from './registerProviderThenRetry';

export interface DeploymentEffectsDeps {
  store: ConnectionStore;
  secrets: SecretStore;
  /** The user-facing connect (errors shown, firewall rule offered). */
  connect(profileId: string): Promise<ConnectOutcome>;
  commands: CommandRunner;
  notifier: Notifier;
  details: DeploymentDetails;
  portal: AzurePortal;
  /** Opens a web page outside VS Code (`vscode.env.openExternal`). */
  openExternal(url: string): Promise<void>;
  /** The tracker's retry and dismiss; closures, since the tracker is built from these effects. */
  tracker: Pick<DeploymentTrackerPort, 'retry' | 'dismiss' | 'reportDashboardOpened'>;
  /** Register Provider on a deployment refused for an unregistered subscription. */
  registrar: ProviderRegistrar;
  /** A notification's follow-up failed (Retry while another window works on it, say): logged. */
  log(message: string): void;
}

/**
 * What a user can do with a deployment — connect, open its dashboard, open it in the portal… —
 * the one implementation behind the notifications' buttons and the progress panel's next steps.
 */
export function createDeploymentActions(deps: DeploymentEffectsDeps): DeploymentNotificationActions {
  return {
    connect: async (deployment) => void (await deps.connect(savedProfileIdOf(deployment, deps))),
    // Opened by the user: the record learns it, as when the machine opens it.
    openDashboard: async (deployment) => {
      await connectAndOpenDashboard(deployment, deps, false);
      await deps.tracker.reportDashboardOpened(deployment.stagingId);
    },
    viewDetails: (deployment) => deps.details.show(deployment),
    openServerInPortal: (deployment) => deps.portal.openServer(deployment),
    openDeploymentInPortal: (deployment) => deps.portal.openDeployment(deployment),
    openLink: (url) => deps.openExternal(url),
    retry: (stagingId) => deps.tracker.retry(stagingId),
    dismiss: (stagingId) => deps.tracker.dismiss(stagingId),
    registerProvider: (deployment) => registerProviderThenOfferRetry(deployment, { registrar: deps.registrar, notifier: deps.notifier, retry: (id) => deps.tracker.retry(id) }),
    // The command, as from the Deployments view: it reads the deployment as it is when pressed.
    deleteLeftovers: async (deployment) => void (await deps.commands.execute(DEPLOYMENT_COMMANDS.deleteLeftovers, deployment.stagingId)),
  };
}

function savedProfileIdOf(deployment: Readonly<DeploymentContext>, deps: Pick<DeploymentEffectsDeps, 'store'>): string {
  const profile = findDeploymentProfile(deployment, deps.store);
  if (!profile) {
    throw new Error(l10n.t("The connection profile of '{0}' is not saved (it may have been removed).", deployment.serverName));
  }
  return profile.id;
}

// The dashboard opens even when the connection fails: it shows the Azure facts and the reason.
async function connectAndOpenDashboard(deployment: Readonly<DeploymentContext>, deps: DeploymentEffectsDeps, preserveFocus: boolean): Promise<void> {
  const profileId = savedProfileIdOf(deployment, deps);
  await deps.connect(profileId);
  await deps.commands.execute(SHOW_SERVER_DASHBOARD, { profileId, preserveFocus });
}

/**
 * The finish the machine runs: a server created without public access is out of this machine's
 * reach, so it is not connected to (the attempt could only fail, or wait for a timeout); its
 * dashboard says so in the connect attempt's place.
 */
async function openDashboardOnFinish(deployment: Readonly<DeploymentContext>, deps: DeploymentEffectsDeps): Promise<void> {
  if (deployment.request?.networkAccess !== 'None') {
    return connectAndOpenDashboard(deployment, deps, true);
  }
  await deps.commands.execute(SHOW_SERVER_DASHBOARD, { profileId: savedProfileIdOf(deployment, deps), preserveFocus: true });
}

/** The deployment machine's effects, except openRetryForm (the create form's). */
export function createDeploymentEffects(
  deps: DeploymentEffectsDeps,
  actions: DeploymentNotificationActions = createDeploymentActions(deps),
): Omit<DeploymentEffects, 'openRetryForm'> {
  // Nobody awaits a notification: what its buttons could not do is shown, not only logged.
  const followUpFailed = (deployment: Readonly<DeploymentContext>) => (error: unknown) => {
    const message = couldNotFinish(deployment.serverName, error);
    deps.log(message);
    void deps.notifier.error(message);
  };
  return {
    saveProfile: async (deployment) => ({ profileId: (await saveDeploymentProfile(deployment, deps.store, deps.secrets)).id }),
    savedProfileIds: () => deps.store.savedProfileIds(),
    // Opened when the deployment ends, not at a click: it shows without taking the keyboard from
    // whatever the user is typing into meanwhile (an editor, the command palette).
    openDashboard: (deployment) => openDashboardOnFinish(deployment, deps),
    notifyReady: (deployment) => void notifyReady(deployment, deps.notifier, actions).catch(followUpFailed(deployment)),
    notifyFailed: (deployment) => void notifyFailed(deployment, deps.notifier, actions).catch(followUpFailed(deployment)),
    notifyCanceled: (deployment) => void notifyCanceled(deployment, deps.notifier, actions).catch(followUpFailed(deployment)),
  };
}

