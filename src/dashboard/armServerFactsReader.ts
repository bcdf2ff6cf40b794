import type { Server } from '@azure/arm-postgresql-flexible';
import type { AuthenticationMode } from '../../machines/flexDeployment/retryableRequest';
import type { ServerFacts } from '../../machines/webview/dashboardMessages';
import type { SubscriptionChoice } from '../../machines/flexDeployment/catalog';
import type { FlexibleServerClientFactory } from '../connections/armFirewallRules';
import type { ServerFactsReader } from './serverFactsReader';

/** `subscriptions`: the ones the account lists, where a server moved out of its subscription is looked for. */
export function createArmServerFactsReader(clientFor: FlexibleServerClientFactory, subscriptions: () => Promise<readonly SubscriptionChoice[]>): ServerFactsReader {
  const groupOf = async (tenantId: string, subscriptionId: string, serverName: string): Promise<string | undefined> => {
    for await (const server of (await clientFor(tenantId, subscriptionId)).servers.listBySubscription()) {
      if (server.name?.toLowerCase() === serverName.toLowerCase()) return resourceGroupOf(server.id);
    }
    return undefined;
  };
  return {
    async read(target) {
      const server = await (await clientFor(target.tenantId, target.subscriptionId)).servers.get(target.resourceGroup, target.serverName);
      return serverFacts(server);
    },
    async locate(target) {
      const here = await groupOf(target.tenantId, target.subscriptionId, target.serverName);
      if (here) return { subscriptionId: target.subscriptionId, resourceGroup: here };
      // Resources move only between subscriptions of one tenant.
      const others = (await subscriptions()).filter((s) => s.tenantId === target.tenantId && s.subscriptionId.toLowerCase() !== target.subscriptionId.toLowerCase());
      for (const other of others) {
        // A subscription whose servers this account cannot list is one it could not see a moved server in either.
        const group = await groupOf(other.tenantId, other.subscriptionId, target.serverName).catch(() => undefined);
        if (group) return { subscriptionId: other.subscriptionId, subscriptionName: other.displayName, resourceGroup: group };
      }
      return undefined;
    },
  };
}

function resourceGroupOf(resourceId: string | undefined): string | undefined {
  return /\/resourceGroups\/([^/]+)\//i.exec(resourceId ?? '')?.[1];
}

export function serverFacts(server: Server): ServerFacts {
  return {
    resourceId: server.id ?? '',
    state: server.state,
    version: server.version,
    minorVersion: server.minorVersion,
    skuName: server.sku?.name,
    tier: server.sku?.tier,
    location: server.location,
    storageSizeGB: server.storage?.storageSizeGB,
    fqdn: server.fullyQualifiedDomainName,
    authentication: authentication(server),
    publicNetworkAccess: server.network?.publicNetworkAccess,
    createdAt: server.systemData?.createdAt?.toISOString(),
  };
}

function authentication(server: Server): AuthenticationMode | undefined {
  if (!server.authConfig) {
    return undefined;
  }
  const entra = server.authConfig.activeDirectoryAuth === 'Enabled';
  // ARM omits passwordAuth on older servers, where password authentication is the only kind.
  const password = server.authConfig.passwordAuth !== 'Disabled';
  return entra && password ? 'Hybrid' : entra ? 'EntraOnly' : 'PostgreSQLOnly';
}
