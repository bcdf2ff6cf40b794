import * as vscode from 'vscode';
import { formatBytes } from '../../../machines/webview/formatBytes';

export class DatabaseNode extends vscode.TreeItem {
  constructor(
    readonly profileId: string,
    name: string,
    sizeBytes: number | undefined,
  ) {
    super(name, vscode.TreeItemCollapsibleState.None);
    this.id = `database:${profileId}:${name}`;
    this.description = sizeBytes === undefined ? undefined : formatBytes(sizeBytes);
    this.contextValue = 'database';
    this.iconPath = new vscode.ThemeIcon('database');
  }
}
