import * as l10n from '../../machines/l10n';
import * as vscode from 'vscode';
import type { PasswordPrompt, ProfileSettings } from './ports';
import { readSettingFromFile, userSettingsPath } from './userSettingsFile';

const SECTION = 'pgsql';
const KEY = 'connections';

/**
 * `pgsql.connections` in the user (global) settings, where profiles are saved; the settings file
 * itself is found next to the extension's global storage.
 */
export function vscodeProfileSettings(globalStorageUri: vscode.Uri): ProfileSettings {
  const file = globalStorageUri.scheme === 'file' ? userSettingsPath(globalStorageUri.fsPath) : undefined;
  return {
    // The global value only: a workspace value would shadow what we write and hide our saves.
    read: () => vscode.workspace.getConfiguration(SECTION).inspect(KEY)?.globalValue,
    // Extension storage outside a user data folder: no settings file to find beside it.
    readFile: async () => (file ? readSettingFromFile(file, `${SECTION}.${KEY}`) : { kind: 'notFound' }),
    write: (entries) => vscode.workspace.getConfiguration(SECTION).update(KEY, entries, vscode.ConfigurationTarget.Global),
    onDidChange: (listener) =>
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.${KEY}`)) {
          listener();
        }
      }),
  };
}

export function vscodePasswordPrompt(): PasswordPrompt {
  return {
    askPassword: (profileName, user) =>
      vscode.window.showInputBox({ title: l10n.t('Connect to {0}', profileName), prompt: l10n.t("Password for '{0}'", user), password: true, ignoreFocusOut: true }),
  };
}
