import * as vscode from 'vscode';
import { webviewStateSchema } from '../../machines/webview/protocol';
import type { AzurePortal } from '../azure/azurePortal';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ConnectOutcome } from '../connections/connectFlow';
import type { ConnectionManager } from '../connections/connectionManager';
import { loadWebviewApp } from '../webview/loadWebviewApp';
import { DashboardController, type DashboardControllerDeps } from './dashboardController';
import type { DashboardSources } from './loadDashboardState';
import type { ServerFactsReader } from './serverFactsReader';
import type { FirewallRules } from '../connections/firewallRules';
import type { DashboardWindow } from './dashboardWindow';
import type { RegionNames } from './regionNames';
import { errorMessage } from '../../machines/errorMessage';
import { SERVER_DASHBOARD_VIEW_TYPE } from '../webview/viewTypes';
import { dashboardColumn } from './dashboardColumn';

/** What the dashboard reads from and changes in Azure. */
export interface DashboardAzure {
  facts: ServerFactsReader;
  whereMoved: DashboardSources['whereMoved'];
  followMove: DashboardControllerDeps['followMove'];
  regions: RegionNames;
  firewall: FirewallRules;
  clientIp(): Promise<string | undefined>;
  portal: Pick<AzurePortal, 'openServer'>;
}

export interface ServerDashboardDeps extends DashboardAzure {
  extensionUri: vscode.Uri;
  store: ConnectionStore;
  manager: ConnectionManager;
  connect(profileId: string): Promise<ConnectOutcome>;
  window: DashboardWindow;
  log: vscode.LogOutputChannel;
}

/** One dashboard panel per connection profile; showing it again brings the open one forward. */
export class ServerDashboardPanels implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; controller: DashboardController; listeners: vscode.Disposable }>();

  constructor(private readonly deps: ServerDashboardDeps) {}

  /** `preserveFocus`: opened by itself (a deployment ended), not by the user. */
  show(profileId: string, preserveFocus = false): void {
    const column = dashboardColumn(preserveFocus);
    const open = this.panels.get(profileId);
    if (open) {
      open.panel.reveal(column === vscode.ViewColumn.Beside ? column : undefined, preserveFocus);
      open.controller.refresh().catch((error: unknown) => this.deps.log.error(`Dashboard: ${errorMessage(error)}`));
      return;
    }
    const profile = this.deps.store.getProfile(profileId);
    const panel = vscode.window.createWebviewPanel(SERVER_DASHBOARD_VIEW_TYPE, `Dashboard: ${profile?.profileName ?? profileId}`, { viewColumn: column, preserveFocus }, {
      retainContextWhenHidden: false,
    });
    this.attach(panel, profileId);
  }

  /**
   * The serializer's half: a dashboard VS Code kept across "Reload Window". It comes back on its
   * profile (not connected: the dashboard never connects on its own); one whose profile is gone closes.
   */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = webviewStateSchema.safeParse(state);
    const profileId = parsed.success ? parsed.data.profileId : undefined;
    if (!profileId || !this.deps.store.getProfile(profileId)) {
      this.deps.log.info('Closed a restored dashboard whose connection profile is no longer saved.');
      panel.dispose();
    } else if (this.panels.has(profileId)) {
      panel.dispose(); // shown again before VS Code handed this one back: one panel per profile
    } else {
      this.attach(panel, profileId);
    }
  }

  /**
   * Stops listening, but leaves the panels open: on "Reload Window" VS Code keeps them and the
   * serializer brings them back.
   */
  dispose(): void {
    for (const { listeners } of this.panels.values()) listeners.dispose();
    this.panels.clear();
  }

  private attach(panel: vscode.WebviewPanel, profileId: string): void {
    const webview = panel.webview;
    const controller = new DashboardController(profileId, {
      ...this.deps,
      now: () => Date.now(),
      post: (message) => void webview.postMessage(message),
      info: (message) => this.deps.log.info(message),
      warn: (message) => this.deps.log.warn(message),
    });
    loadWebviewApp(panel, this.deps.extensionUri, 'dashboard');
    const listeners = vscode.Disposable.from(
      webview.onDidReceiveMessage((raw: unknown) =>
        controller.onMessage(raw).catch((error: unknown) => this.deps.log.error(`Dashboard: ${errorMessage(error)}`)),
      ),
      panel.onDidDispose(() => {
        listeners.dispose();
        this.panels.delete(profileId);
      }),
    );
    this.panels.set(profileId, { panel, controller, listeners });
  }
}
