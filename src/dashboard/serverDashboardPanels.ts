import * as vscode from 'vscode';
import type { ConnectionStore } from '../connections/connectionStore';
import type { ConnectOutcome } from '../connections/connectFlow';
import type { ConnectionManager } from '../connections/connectionManager';
import { createNonce, renderWebviewHtml } from '../createServer/webviewHtml';
import { DashboardController } from './dashboardController';
import type { ServerFactsReader } from './serverFactsReader';

export interface ServerDashboardDeps {
  extensionUri: vscode.Uri;
  store: ConnectionStore;
  manager: ConnectionManager;
  facts: ServerFactsReader;
  connect(profileId: string): Promise<ConnectOutcome>;
  log: vscode.LogOutputChannel;
}

/** One dashboard panel per connection profile; showing it again brings the open one forward. */
export class ServerDashboardPanels implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; controller: DashboardController }>();

  constructor(private readonly deps: ServerDashboardDeps) {}

  show(profileId: string): void {
    const open = this.panels.get(profileId);
    if (open) {
      open.panel.reveal();
      void open.controller.refresh();
      return;
    }
    const profile = this.deps.store.getProfile(profileId);
    const webviewRoot = vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel('pgsql.serverDashboard', `Dashboard: ${profile?.profileName ?? profileId}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [webviewRoot],
      retainContextWhenHidden: false,
    });
    const controller = new DashboardController(profileId, {
      ...this.deps,
      now: () => Date.now(),
      post: (message) => void panel.webview.postMessage(message),
      warn: (message) => this.deps.log.warn(message),
    });
    const webview = panel.webview;
    webview.html = renderWebviewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'webview.css')).toString(),
      nonce: createNonce(),
      view: 'dashboard',
      title: panel.title,
    });
    const subscription = webview.onDidReceiveMessage((raw: unknown) =>
      controller.onMessage(raw).catch((error: unknown) => this.deps.log.error(`Dashboard: ${error instanceof Error ? error.message : String(error)}`)),
    );
    panel.onDidDispose(() => {
      subscription.dispose();
      this.panels.delete(profileId);
    });
    this.panels.set(profileId, { panel, controller });
  }

  dispose(): void {
    for (const { panel } of [...this.panels.values()]) {
      panel.dispose();
    }
  }
}
