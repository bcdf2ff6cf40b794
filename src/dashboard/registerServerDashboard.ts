import * as l10n from '../../machines/l10n';
import * as vscode from 'vscode';
import type { ConnectionsRegistration } from '../connections/registerConnections';
import { chooseNamedProfile, readProfileCommandArg } from '../connections/connectionCommands';
import type { Notifier } from '../notifications/notifier';
import { createVscodeNotifier } from '../notifications/vscodeNotifier';
import { SHOW_SERVER_DASHBOARD } from '../commandIds';
import { ServerDashboardPanels, type DashboardAzure } from './serverDashboardPanels';
import { SERVER_DASHBOARD_VIEW_TYPE } from '../webview/viewTypes';
import { createVscodeDashboardWindow } from './vscodeDashboardWindow';

/**
 * `pgsql.showServerDashboard` (arg: `{ profileId }`, a profile id or a Connections node; none → pick),
 * and the serializer that brings open dashboards back after "Reload Window".
 */
export function registerServerDashboard(
  context: vscode.ExtensionContext,
  connections: ConnectionsRegistration,
  azure: DashboardAzure,
  log: vscode.LogOutputChannel,
  notifier: Notifier = createVscodeNotifier(),
): vscode.Disposable {
  const panels = new ServerDashboardPanels({
    ...azure,
    extensionUri: context.extensionUri,
    store: connections.store,
    manager: connections.manager,
    connect: connections.connect,
    window: createVscodeDashboardWindow(),
    log,
  });
  const command = vscode.commands.registerCommand(SHOW_SERVER_DASHBOARD, async (arg?: unknown) => {
    const { profileId: given, preserveFocus } = readProfileCommandArg(arg);
    const profileId = await chooseNamedProfile(given, connections.store, notifier, l10n.t('Open the dashboard of which server?'));
    if (profileId) {
      panels.show(profileId, preserveFocus);
    }
  });
  const serializer = vscode.window.registerWebviewPanelSerializer(SERVER_DASHBOARD_VIEW_TYPE, {
    async deserializeWebviewPanel(panel, state: unknown) {
      panels.restore(panel, state);
    },
  });
  return vscode.Disposable.from(command, serializer, panels);
}
