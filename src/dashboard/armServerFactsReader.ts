import type { Server } from '@azure/arm-postgresql-flexible';
import type { AuthenticationMode } from '../../machines/flexDeployment/retryableRequest';
import type { ServerFacts } from '../../machines/webview/dashboardMessages';
import type { FlexibleServerClientFactory } from '../connections/armFirewallRules';
import type { ServerFactsReader } from './serverFactsReader';

export function createArmServerFactsReader(clientFor: FlexibleServerClientFactory): ServerFactsReader {
  return {
    async read(target) {
      const server = await (await clientFor(target.tenantId, target.subscriptionId)).servers.get(target.resourceGroup, target.serverName);
      return serverFacts(server);
    },
    async locate(target) {
      const client = await clientFor(target.tenantId, target.subscriptionId);
      for await (const server of client.servers.listBySubscription()) {
        if (server.name?.toLowerCase() === target.serverName.toLowerCase()) return resourceGroupOf(server.id);
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
