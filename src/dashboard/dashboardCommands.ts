/** The spec's command; its argument names the profile: `{ profileId }`, a profile id, or a tree node. */
export const SHOW_SERVER_DASHBOARD = 'pgsql.showServerDashboard';
