import * as l10n from '../../machines/l10n';
import * as vscode from 'vscode';
import { SettingsReader } from './settingsReader';

const OPEN_SETTINGS = l10n.t('Open Settings');

/** The extension's settings on VS Code: read live; a bad value is logged and shown once, with a way to fix it. */
export function createVscodeSettingsReader(log: vscode.LogOutputChannel): SettingsReader {
  return new SettingsReader(
    (id) => vscode.workspace.getConfiguration().get<unknown>(id),
    (settingId, message) => {
      log.warn(message);
      vscode.window.showWarningMessage(message, OPEN_SETTINGS).then(
        (choice) => (choice === OPEN_SETTINGS ? vscode.commands.executeCommand('workbench.action.openSettings', settingId) : undefined),
        (error: unknown) => log.error(`Showing the settings warning failed: ${String(error)}`),
      );
    },
  );
}
