import * as l10n from '../../machines/l10n';
import * as vscode from 'vscode';
import { firstValueFrom } from 'rxjs';
import type { AzurePortal } from '../azure/azurePortal';
import type { Notifier } from '../notifications/notifier';
import type { SettingsReader } from '../settings/settingsReader';
import { createVscodeCommandRunner, createVscodeNotifier } from '../notifications/vscodeNotifier';
import type { DeploymentTrackerPort } from './deploymentTrackerPort';
import { deploymentCommandHandlers } from './deploymentCommands';
import { deploymentItems$ } from './deploymentsTreeModel';
import { DeploymentsTreeProvider } from './deploymentsTreeProvider';
import { bindDeploymentStatusBar } from './deploymentStatusBar';
import { reducesMotion } from '../settings/reducedMotion';
import type { DeploymentDetails } from './deploymentDetails';
import type { LeftoverResources } from '../azure/armLeftoverResources';
import { checkShownServers, type DeploymentServers } from './deploymentServers';

export const DEPLOYMENTS_VIEW = 'pgsqlDeployments';

/** The Deployments view, the status bar item and the deployment commands. */
export function registerDeploymentViews(
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
  statusBar.name = l10n.t('PostgreSQL Flex Provisioning');
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
