import * as vscode from 'vscode';
import { firstValueFrom } from 'rxjs';
import type { AzurePortal } from '../azure/azurePortal';
import type { DeploymentEffects } from '../services/flexDeployment/deploymentEffectsPort';
import type { SecretStore } from '../services/flexDeployment/secretStore';
import type { ConnectionsRegistration } from '../connections/registerConnections';
import type { Notifier } from '../notifications/notifier';
import type { SettingsReader } from '../settings/settingsReader';
import { createVscodeCommandRunner, createVscodeNotifier } from '../notifications/vscodeNotifier';
import type { DeploymentTrackerPort } from './deploymentTrackerPort';
import { deploymentCommandHandlers } from './deploymentCommands';
import { createDeploymentActions, createDeploymentEffects, type DeploymentEffectsDeps } from './deploymentEffects';
import type { DeploymentNotificationActions } from '../notifications/deploymentNotifications';
import { deploymentItems$ } from './deploymentsTreeModel';
import { DeploymentsTreeProvider } from './deploymentsTreeProvider';
import { bindDeploymentStatusBar } from './deploymentStatusBar';
import { reducesMotion } from '../settings/reducedMotion';
import type { DeploymentDetails } from './deploymentDetails';
import type { ProviderRegistrar } from '../azure/providerRegistration';
import type { LeftoverResources } from '../azure/armLeftoverResources';
import { checkShownServers, type DeploymentServers } from './deploymentServers';

export const DEPLOYMENTS_VIEW = 'pgsqlDeployments';

/** The output channel View Details appends to: plain lines, so each section reads as one report. */
export function createDeploymentDetailsChannel(): vscode.OutputChannel {
  return vscode.window.createOutputChannel('PostgreSQL Flex Deployments');
}

/**
 * The deployment machine's effects on the real VS Code (all but openRetryForm), and the user's
 * actions on a deployment they share with the progress panel. The tracker is built from these
 * effects, so it is passed as a function and read when a button is pressed.
 */
export function createVscodeDeploymentEffects(
  connections: ConnectionsRegistration,
  secrets: SecretStore,
  details: DeploymentDetails,
  portal: AzurePortal,
  registrar: ProviderRegistrar,
  tracker: () => Pick<DeploymentTrackerPort, 'retry' | 'dismiss' | 'reportDashboardOpened'>,
  log: vscode.LogOutputChannel,
  notifier: Notifier = createVscodeNotifier(),
): { effects: Omit<DeploymentEffects, 'openRetryForm'>; actions: DeploymentNotificationActions } {
  const deps: DeploymentEffectsDeps = {
    store: connections.store,
    secrets,
    connect: connections.connect,
    commands: createVscodeCommandRunner(),
    notifier,
    details,
    portal,
    registrar,
    openExternal: async (url) => {
      if (!(await vscode.env.openExternal(vscode.Uri.parse(url)))) log.warn(`The link was not opened: ${url}`);
    },
    tracker: { retry: (id) => tracker().retry(id), dismiss: (id) => tracker().dismiss(id), reportDashboardOpened: (id) => tracker().reportDashboardOpened(id) },
    log: (message) => log.error(message),
  };
  const actions = createDeploymentActions(deps);
  return { effects: createDeploymentEffects(deps, actions), actions };
}

/** The Deployments view, the status bar item and the deployment commands. */
export function registerDeploymentViews(
  _context: vscode.ExtensionContext,
  tracker: DeploymentTrackerPort,
  details: DeploymentDetails,
  portal: AzurePortal,
  settings: SettingsReader,
  leftovers: LeftoverResources,
  servers: DeploymentServers,
  log: vscode.LogOutputChannel,
  notifier: Notifier = createVscodeNotifier(),
): vscode.Disposable {
  const retentionDays = () => settings.get('deploymentRetentionDays');
  const provider = new DeploymentsTreeProvider(deploymentItems$(tracker.deployments$, () => Date.now(), retentionDays, servers.checks.known$));
  // Not on a timer and not at activation: when the view is shown (opened, expanded) or refreshed.
  const checkShown = async () => checkShownServers(await firstValueFrom(tracker.deployments$), servers.checks, Date.now(), retentionDays());
  const treeView = vscode.window.createTreeView(DEPLOYMENTS_VIEW, { treeDataProvider: provider });
  const statusBar = vscode.window.createStatusBarItem('pgsql.flexProvisioning.status', vscode.StatusBarAlignment.Left, 50);
  statusBar.name = 'PostgreSQL Flex Provisioning';
  const statusSubscription = bindDeploymentStatusBar(statusBar, tracker.deployments$, reducesMotion);
  const handlers = deploymentCommandHandlers({
    tracker,
    notifier,
    commands: createVscodeCommandRunner(),
    details,
    portal,
    leftovers: { leftovers, log: (message) => log.info(message) },
    servers,
    checkShownServers: checkShown,
  });
  return vscode.Disposable.from(
    provider,
    statusBar,
    { dispose: () => statusSubscription.unsubscribe() },
    treeView,
    treeView.onDidChangeVisibility(({ visible }) => {
      if (visible) checkShown().catch((error: unknown) => log.warn(`Checking the deployments' servers with Azure failed: ${String(error)}`));
    }),
    ...Object.entries(handlers).map(([command, handler]) => vscode.commands.registerCommand(command, handler)),
  );
}
