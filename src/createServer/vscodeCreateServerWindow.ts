import * as l10n from '../../machines/l10n';
import * as vscode from 'vscode';
import type { HostMessage } from '../../machines/webview/protocol';
import type { CloseWarningAnswer, CreateServerWindow, PanelPort } from './ports';
import { loadWebviewApp } from '../webview/loadWebviewApp';
import { copyToClipboard } from '../webview/clipboard';
import { CREATE_SERVER_VIEW_TYPE } from '../webview/viewTypes';
import { saveTemplateFiles } from './vscodeTemplateFolder';
import { CANCEL_DEPLOYMENT } from '../deployments/cancelDeployment';
import { DEPLOYMENT_COMMANDS } from '../commandIds';

export const CLOSE_WARNING_MESSAGE = l10n.t('Server provisioning is still in progress. It will continue in the background. You can close VS Code safely.');

/** The create panel's VS Code side: panels, their HTML and options, and the close warning. */
export function createVscodeWindow(extensionUri: vscode.Uri): CreateServerWindow {
  return {
    createPanel(title) {
      const panel = vscode.window.createWebviewPanel(CREATE_SERVER_VIEW_TYPE, title, vscode.ViewColumn.Active, {
        // The form must survive a tab switch; its password may not be stored anywhere to rebuild it.
        retainContextWhenHidden: true,
      });
      return adoptPanel(panel, extensionUri);
    },
    async showCloseWarning(): Promise<CloseWarningAnswer> {
      const background: vscode.MessageItem = { title: l10n.t('Continue in Background'), isCloseAffordance: true };
      const show: vscode.MessageItem = { title: l10n.t('Show Progress') };
      const cancel: vscode.MessageItem = { title: CANCEL_DEPLOYMENT };
      const answer = await vscode.window.showInformationMessage(CLOSE_WARNING_MESSAGE, { modal: true }, background, show, cancel);
      return answer === show ? 'showProgress' : answer === cancel ? 'cancelDeployment' : 'continueInBackground';
    },
    showWarning(message) {
      void vscode.window.showWarningMessage(message);
    },
    withProgress: (title, task) => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task),
    copyToClipboard,
    // One way to cancel, with its confirmation, wherever the user asks.
    cancelDeployment: (stagingId) => vscode.commands.executeCommand<void>(DEPLOYMENT_COMMANDS.cancel, stagingId),
    saveTemplate: saveTemplateFiles,
  };
}

/** Gives a new or restored panel its options and HTML, and wraps it as a PanelPort. */
export function adoptPanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): PanelPort {
  loadWebviewApp(panel, extensionUri, 'create');
  return {
    get visible() {
      return panel.visible;
    },
    postMessage: (message: HostMessage) => panel.webview.postMessage(message),
    onDidReceiveMessage: (listener) => panel.webview.onDidReceiveMessage(listener),
    onDidChangeVisibility: (listener) => panel.onDidChangeViewState((e) => listener(e.webviewPanel.visible)),
    onDidDispose: (listener) => panel.onDidDispose(listener),
    setTitle: (title) => (panel.title = title),
    reveal: () => panel.reveal(),
    dispose: () => {
      panel.dispose();
    },
  };
}
