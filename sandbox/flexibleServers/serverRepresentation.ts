import type { FlexServer } from './flexServer';
import { textOr } from '../http/text';
import { defaultTierFor, iopsOfTier } from './diskTiers';
import { serverState } from './serverPower';

interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  properties: Record<string, unknown>;
  [key: string]: unknown;
}

/** Minor versions the provider reports per major version. */
const MINOR_VERSIONS: Record<string, string> = { '11': '22', '12': '22', '13': '18', '14': '15', '15': '10', '16': '6', '17': '5', '18': '1' };

export function serverId(server: Pick<FlexServer, 'subscriptionId' | 'resourceGroup' | 'name'>): string {
  return `/subscriptions/${server.subscriptionId}/resourceGroups/${server.resourceGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${server.name}`;
}

/** The server as `servers.get` returns it (shape of the official ServersGet example), its `state` as of `now`. */
export function toArmServer(server: FlexServer, now: number): ArmResource {
  const p = server.properties;
  const version = textOr(p.version, '17');
  const storage = record(p.storage);
  const storageSizeGB = Number(storage.storageSizeGB ?? 32);
  // The tier asked for (preflight refused one the size does not offer), else the size's default.
  const tier = textOr(storage.tier, defaultTierFor(storageSizeGB));
  const auth = record(p.authConfig);
  const backup = record(p.backup);
  const ha = record(p.highAvailability);
  const haMode = textOr(ha.mode, 'Disabled');
  const zone = textOr(p.availabilityZone, '1');
  const network = record(p.network);
  const created = new Date(server.createdAt);
  return {
    sku: { ...server.sku },
    systemData: { createdAt: created.toISOString() },
    properties: {
      replica: { role: 'Primary', capacity: 5 },
      storage: {
        type: '',
        iops: iopsOfTier(tier),
        tier,
        storageSizeGB,
        autoGrow: textOr(storage.autoGrow, 'Disabled'),
      },
      network: { publicNetworkAccess: textOr(network.publicNetworkAccess, 'Enabled') },
      privateEndpointConnections: [],
      dataEncryption: { type: 'SystemManaged' },
      authConfig: {
        activeDirectoryAuth: textOr(auth.activeDirectoryAuth, 'Disabled'),
        passwordAuth: textOr(auth.passwordAuth, 'Enabled'),
        ...(auth.tenantId ? { tenantId: textOr(auth.tenantId, '') } : {}),
      },
      fullyQualifiedDomainName: `${server.name}.postgres.database.azure.com`,
      version,
      minorVersion: MINOR_VERSIONS[version] ?? '0',
      ...(p.administratorLogin ? { administratorLogin: textOr(p.administratorLogin, '') } : {}),
      state: serverState(server, now),
      availabilityZone: zone,
      backup: {
        backupRetentionDays: Number(backup.backupRetentionDays ?? 7),
        geoRedundantBackup: textOr(backup.geoRedundantBackup, 'Disabled'),
        earliestRestoreDate: new Date(server.createdAt + 5 * 60_000).toISOString(),
      },
      highAvailability:
        haMode === 'Disabled'
          ? { mode: haMode, state: 'NotEnabled' }
          : { mode: haMode, state: 'Healthy', standbyAvailabilityZone: standbyZone(haMode, zone, ha.standbyAvailabilityZone) },
      maintenanceWindow: { customWindow: 'Disabled', dayOfWeek: 0, startHour: 0, startMinute: 0 },
      replicationRole: 'Primary',
      replicaCapacity: 5,
    },
    location: server.location,
    ...(server.tags ? { tags: server.tags } : {}),
    id: serverId(server),
    name: server.name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers',
  };
}

export function toArmFirewallRule(server: FlexServer, name: string, properties: Record<string, unknown>): ArmResource {
  return {
    properties: { startIpAddress: textOr(properties.startIpAddress, ''), endIpAddress: textOr(properties.endIpAddress, '') },
    id: `${serverId(server)}/firewallRules/${name}`,
    name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
  };
}

export function toArmAdministrator(server: FlexServer, objectId: string, properties: Record<string, unknown>): ArmResource {
  return {
    properties: {
      principalType: textOr(properties.principalType, 'User'),
      principalName: textOr(properties.principalName, ''),
      objectId,
      tenantId: textOr(properties.tenantId, ''),
    },
    id: `${serverId(server)}/administrators/${objectId}`,
    // The official example names the resource by the principal's name, not its object id.
    name: textOr(properties.principalName, objectId),
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/administrators',
  };
}

/** Where the provider put the standby: the server's zone for SameZone, else the one asked for or the next. */
function standbyZone(mode: string, zone: string, asked: unknown): string {
  if (mode === 'SameZone') return zone;
  return textOr(asked, zone === '1' ? '2' : '1');
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
