import * as vscode from 'vscode';
import type { CommandRunner, Notifier } from './notifier';

export function createVscodeNotifier(): Notifier {
  return {
    info: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
    warn: (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
    error: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
    confirm: async (message, detail, action) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action,
    pick: (items, placeHolder) => vscode.window.showQuickPick(items, { placeHolder }),
    withProgress: (title, task) => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task),
  };
}

export function createVscodeCommandRunner(): CommandRunner {
  return { execute: (command, ...args) => vscode.commands.executeCommand(command, ...args) };
}
