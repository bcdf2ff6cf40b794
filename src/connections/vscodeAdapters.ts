import * as vscode from 'vscode';
import type { PasswordPrompt, ProfileSettings } from './ports';

const SECTION = 'pgsql';
const KEY = 'connections';

/** `pgsql.connections` in the user (global) settings, where profiles are saved. */
export function vscodeProfileSettings(): ProfileSettings {
  return {
    // The global value only: a workspace value would shadow what we write and hide our saves.
    read: () => vscode.workspace.getConfiguration(SECTION).inspect(KEY)?.globalValue,
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
      vscode.window.showInputBox({ title: `Connect to ${profileName}`, prompt: `Password for '${user}'`, password: true, ignoreFocusOut: true }),
  };
}
