import * as vscode from 'vscode';
import { psqlEnvironment } from '../connections/connectionString';
import { copyToClipboard } from '../webview/clipboard';
import type { DashboardWindow } from './dashboardWindow';

/** Microsoft's PostgreSQL extension: with it, New Query opens its SQL editor rather than psql. */
export const PGSQL_EXTENSION_ID = 'ms-ossdata.vscode-pgsql';

/** The dashboard's VS Code side: clipboard, modal confirmation, New Query. */
export function createVscodeDashboardWindow(): DashboardWindow {
  return {
    copyToClipboard,
    async confirm(question, detail, action) {
      const answer = await vscode.window.showWarningMessage(question, { modal: true, detail }, action);
      return answer === action;
    },
    async openQuery(profile) {
      if (vscode.extensions.getExtension(PGSQL_EXTENSION_ID)) {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'sql' }));
        return 'editor';
      }
      // The password is psql's to ask for: it never goes into the terminal's environment or command line.
      const terminal = vscode.window.createTerminal({ name: `psql: ${profile.profileName}`, env: psqlEnvironment(profile) });
      terminal.show();
      terminal.sendText('psql');
      return 'terminal';
    },
  };
}
