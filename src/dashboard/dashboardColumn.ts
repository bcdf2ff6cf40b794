import * as vscode from 'vscode';
import { CREATE_SERVER_VIEW_TYPE } from '../webview/viewTypes';

/**
 * Where a dashboard shows. One the user asked for shows where they are. One that opens by itself
 * (its deployment ended) shows beside a create form the user is filling meanwhile, never over it.
 */
export function dashboardColumn(openedByItself: boolean): vscode.ViewColumn {
  return openedByItself && createFormIsActive() ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

function createFormIsActive(): boolean {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  // VS Code prefixes a webview tab's view type ("mainThreadWebview-pgflex.createFlexServer").
  return input instanceof vscode.TabInputWebview && input.viewType.endsWith(CREATE_SERVER_VIEW_TYPE);
}
