import type { ConnectionProfile } from './connectionProfile';
import type { FirewallTarget } from './firewallRules';

const SERVER_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.DBforPostgreSQL\/flexibleServers\/([^/]+)$/i;

/** The Azure server behind a profile, from its resource id or else its Azure fields; undefined for a non-Azure profile. */
export function azureServerRef(profile: ConnectionProfile): FirewallTarget | undefined {
  if (!profile.azureTenantId) {
    return undefined;
  }
  const match = profile.azureResourceId ? SERVER_ID.exec(profile.azureResourceId) : null;
  if (match) {
    return { tenantId: profile.azureTenantId, subscriptionId: match[1], resourceGroup: match[2], serverName: match[3] };
  }
  if (profile.azureSubscriptionId && profile.azureResourceGroup) {
    return {
      tenantId: profile.azureTenantId,
      subscriptionId: profile.azureSubscriptionId,
      resourceGroup: profile.azureResourceGroup,
      serverName: profile.server.split('.')[0],
    };
  }
  return undefined;
}
