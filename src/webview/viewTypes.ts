/**
 * The webview panels' view types: each panel is created, restored after a reload
 * (`onWebviewPanel:` activation events in package.json) and told apart by them.
 */
export const CREATE_SERVER_VIEW_TYPE = 'pgflex.createFlexServer';
export const SERVER_DASHBOARD_VIEW_TYPE = 'pgsql.serverDashboard';
