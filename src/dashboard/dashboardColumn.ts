import * as vscode from 'vscode';
import { CREATE_SERVER_VIEW_TYPE } from '../webview/viewTypes';
import { CREATE_FORM_TITLE } from '../webview/createFormTitle';

/**
 * Where a dashboard shows. One the user asked for shows where they are. One that opens by itself
 * (its deployment ended) shows beside a create form the user is filling meanwhile, never over it;
 * over the deployment's own progress panel, or anything else, it shows where the user is.
 */
export function dashboardColumn(openedByItself: boolean): vscode.ViewColumn {
  return openedByItself && createFormIsActive() ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

function createFormIsActive(): boolean {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  // VS Code prefixes a webview tab's view type ("mainThreadWebview-pgflex.createFlexServer").
  return tab?.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(CREATE_SERVER_VIEW_TYPE) && tab.label === CREATE_FORM_TITLE;
}
