import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentEffects, SecretStore } from '../services/flexDeployment/ports';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ConnectOutcome } from '../connections/connectFlow';
import { findDeploymentProfile, saveDeploymentProfile } from '../connections/saveDeploymentProfile';
import { SHOW_SERVER_DASHBOARD } from '../dashboard/dashboardCommands';
import type { CommandRunner, Notifier } from '../notifications/notifier';
import { notifyFailed, notifyReady, type DeploymentNotificationActions } from '../notifications/deploymentNotifications';
import type { DetailsOutput } from './deploymentDetails';
import { showDeploymentDetails } from './deploymentDetails';

export interface DeploymentEffectsDeps {
  store: ConnectionStore;
  secrets: SecretStore;
  /** The user-facing connect (errors shown, firewall rule offered). */
  connect(profileId: string): Promise<ConnectOutcome>;
  commands: CommandRunner;
  notifier: Notifier;
  details: DetailsOutput;
  /** The tracker's retry and dismiss; closures, since the tracker is built from these effects. */
  tracker: { retry(stagingId: string): void; dismiss(stagingId: string): Promise<void>; reportDashboardOpened(stagingId: string): void };
  /** Unexpected errors from a notification's follow-up, which nobody awaits. */
  onError(error: unknown): void;
}

/** The deployment machine's effects, except openRetryForm (the create form's). */
export function createDeploymentEffects(deps: DeploymentEffectsDeps): Omit<DeploymentEffects, 'openRetryForm'> {
  const profileIdOf = (deployment: Readonly<DeploymentContext>): string => {
    const profile = findDeploymentProfile(deployment, deps.store);
    if (!profile) {
      throw new Error(`The connection profile of '${deployment.serverName}' is not saved (it may have been removed).`);
    }
    return profile.id;
  };
  // The dashboard opens even when the connection fails: it shows the Azure facts and the reason.
  const connectAndOpenDashboard = async (deployment: Readonly<DeploymentContext>): Promise<void> => {
    const profileId = profileIdOf(deployment);
    await deps.connect(profileId);
    await deps.commands.execute(SHOW_SERVER_DASHBOARD, { profileId });
  };
  const actions: DeploymentNotificationActions = {
    connect: async (deployment) => void (await deps.connect(profileIdOf(deployment))),
    // Opened from the "ready" notification: the record learns it, as when the machine opens it.
    openDashboard: async (deployment) => {
      await connectAndOpenDashboard(deployment);
      deps.tracker.reportDashboardOpened(deployment.stagingId);
    },
    viewDetails: (deployment) => showDeploymentDetails(deployment, deps.details),
    retry: (stagingId) => deps.tracker.retry(stagingId),
    dismiss: (stagingId) => deps.tracker.dismiss(stagingId),
  };
  return {
    saveProfile: async (deployment) => ({ profileId: (await saveDeploymentProfile(deployment, deps.store, deps.secrets)).id }),
    savedProfileIds: () => deps.store.savedProfileIds(),
    openDashboard: connectAndOpenDashboard,
    notifyReady: (deployment) => void notifyReady(deployment, deps.notifier, actions).catch(deps.onError),
    notifyFailed: (deployment) => void notifyFailed(deployment, deps.notifier, actions).catch(deps.onError),
  };
}
