/**
 * Every command id the extension registers, in one place: `package.json` contributes the same ones
 * (a test holds the two together).
 */

export const CREATE_SERVER_COMMAND = 'pgsql.createFlexServer';

/** The spec's command; its argument names the profile: `{ profileId }`, a profile id, or a tree node. */
export const SHOW_SERVER_DASHBOARD = 'pgsql.showServerDashboard';

export const CONNECTION_COMMANDS = {
  connect: 'pgsql.connect',
  disconnect: 'pgsql.disconnect',
  removeConnection: 'pgsql.removeConnection',
  refreshConnections: 'pgsql.refreshConnections',
} as const;

export const DEPLOYMENT_COMMANDS = {
  showDeployments: 'pgsql.flexProvisioning.showDeployments',
  viewDetails: 'pgsql.flexProvisioning.viewDetails',
  retry: 'pgsql.flexProvisioning.retry',
  dismiss: 'pgsql.flexProvisioning.dismiss',
  cancel: 'pgsql.flexProvisioning.cancel',
  /** The tree's Show Progress: passes the node's staging id on to the progress panel's command. */
  showProgressOf: 'pgsql.flexProvisioning.showProgressOf',
  clearStaged: 'pgsql.clearStagedFlexProfiles',
  openInPortal: 'pgsql.flexProvisioning.openInPortal',
  openServerInPortal: 'pgsql.flexProvisioning.openServerInPortal',
  deleteLeftovers: 'pgsql.flexProvisioning.deleteLeftovers',
  /** The view's Refresh: asks Azure again about the servers of the succeeded deployments shown. */
  refresh: 'pgsql.flexProvisioning.refreshDeployments',
  /** On a succeeded deployment whose server Azure says is gone. */
  removeSavedConnection: 'pgsql.flexProvisioning.removeSavedConnection',
  /** On a succeeded deployment whose server Azure says is stopped. */
  startServer: 'pgsql.flexProvisioning.startServer',
  /** On a succeeded deployment whose server Azure has in another resource group now. */
  updateSavedConnection: 'pgsql.flexProvisioning.updateSavedConnection',
} as const;

/** The progress panel's command (the create form's feature); its argument is a staging id. */
export const SHOW_PROGRESS_COMMAND = 'pgsql.flexProvisioning.showProgress';
/** VS Code's generated command that opens the view container and focuses the view. */
export const FOCUS_DEPLOYMENTS_VIEW = 'pgsqlDeployments.focus';
