import * as vscode from 'vscode';
import { createNonce, renderWebviewHtml } from './webviewHtml';

/**
 * Loads one view of the pgflex webview bundle into a new or restored panel: scripts on, and
 * nothing readable but the built assets.
 */
export function loadWebviewApp(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, view: 'create' | 'dashboard'): void {
  const assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const webview = panel.webview;
  webview.options = { enableScripts: true, localResourceRoots: [assets] };
  webview.html = renderWebviewHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(assets, 'webview.css')).toString(),
    nonce: createNonce(),
    view,
    title: panel.title,
    // The page's language is the text's: a screen reader reads it so. English where nothing is translated.
    l10n: vscode.l10n.bundle ? { language: vscode.env.language, bundle: vscode.l10n.bundle } : undefined,
  });
}
