import * as vscode from 'vscode';
import type { ServerItem } from '../connectionsTreeModel';

export class ServerNode extends vscode.TreeItem {
  readonly profileId: string;

  constructor(item: ServerItem) {
    super(item.label, vscode.TreeItemCollapsibleState.Collapsed);
    this.profileId = item.profileId;
    // The id carries the state so VS Code re-asks for children after connecting.
    this.id = `server:${item.profileId}:${item.connected ? 'on' : 'off'}`;
    this.description = item.description;
    this.tooltip = item.tooltip;
    this.contextValue = item.connected ? 'connection.connected' : 'connection.disconnected';
    this.iconPath = new vscode.ThemeIcon('server', item.connected ? new vscode.ThemeColor('testing.iconPassed') : undefined);
  }
}
