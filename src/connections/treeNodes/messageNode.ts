import * as vscode from 'vscode';

/** A row that explains an empty server (not connected, or listing failed) and offers the next step. */
export class MessageNode extends vscode.TreeItem {
  constructor(profileId: string, text: string, tooltip: string | undefined, command: string | undefined) {
    super(text, vscode.TreeItemCollapsibleState.None);
    this.id = `message:${profileId}:${text}`;
    this.tooltip = tooltip;
    this.iconPath = new vscode.ThemeIcon(command ? 'plug' : 'warning');
    this.command = command ? { title: text, command, arguments: [profileId] } : undefined;
  }
}
