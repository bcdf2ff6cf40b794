import { describe, expect, it } from 'vitest';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { makeDeploymentName, MAX_DEPLOYMENT_NAME_LENGTH } from '../../../src/azure/flexProvisioning/deploymentName';
import { buildFlexDeployment, flexServerResourceId } from '../../../src/azure/flexProvisioning/flexTemplate';
import { DEFAULT_SERVER_OPTIONS } from '../../../machines/flexDeployment/serverOptions';

const base: CreateServerRequest = {
  tenantId: 'tenant-1',
  subscriptionId: '4f1b3e2a-8c6d-4a5b-9e7f-1d2c3b4a5e6f',
  resourceGroup: { name: 'rg-one', isNew: false },
  serverName: 'pg-one',
  location: 'eastus',
  version: '17',
  tier: 'GeneralPurpose',
  skuName: 'Standard_D2ds_v5',
  storageSizeGB: 128,
  authenticationMode: 'PostgreSQLOnly',
  adminLogin: 'pgadmin',
  adminPassword: 'S3cret!pass',
  confirmPassword: 'S3cret!pass',
  networkAccess: 'Public',
  firewall: { allowAzureServices: true, clientIp: '203.0.113.7', ranges: [] },
  ...DEFAULT_SERVER_OPTIONS,
};
const entraAdmin = { objectId: 'oid-123', principalName: 'ada@contoso.com', principalType: 'User' as const };

describe('buildFlexDeployment', () => {
  it('puts the password only in a secureString parameter, never in the template', () => {
    const deployment = buildFlexDeployment(base);
    expect(JSON.stringify(deployment.template)).not.toContain('S3cret!pass');
    expect(deployment.template.parameters.administratorLoginPassword.type).toBe('secureString');
    expect(deployment.parameters).toEqual({ administratorLoginPassword: { value: 'S3cret!pass' } });
    const server = deployment.template.resources[0];
    expect(server.properties.administratorLoginPassword).toBe("[parameters('administratorLoginPassword')]");
    expect(server.properties.administratorLogin).toBe('pgadmin');
  });

  it('describes the server from the request', () => {
    const server = buildFlexDeployment(base).template.resources[0];
    expect(server).toMatchObject({
      type: 'Microsoft.DBforPostgreSQL/flexibleServers',
      apiVersion: '2025-08-01',
      name: 'pg-one',
      location: 'eastus',
      sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' },
      properties: { version: '17', createMode: 'Create', storage: { storageSizeGB: 128 }, authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' } },
    });
  });

  it('by default, the server as before the options: no HA, no zone, 7 days of local backup, no autogrow, no tags', () => {
    const server = buildFlexDeployment(base).template.resources[0];
    expect(server.properties).toMatchObject({
      storage: { storageSizeGB: 128, autoGrow: 'Disabled' },
      backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' },
      highAvailability: { mode: 'Disabled' },
    });
    expect(server.properties).not.toHaveProperty('availabilityZone');
    expect(server.properties.highAvailability).not.toHaveProperty('standbyAvailabilityZone');
    expect(server).not.toHaveProperty('tags');
  });

  it('carries HA with its standby zone, the zone, backup, autogrow and tags, in the shapes of the official examples', () => {
    const server = buildFlexDeployment({
      ...base,
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
      backup: { retentionDays: 21, geoRedundant: true },
      storageAutoGrow: true,
      tags: [{ name: 'env', value: 'prod' }, { name: 'owner', value: '' }],
    }).template.resources[0];
    expect(server.tags).toEqual({ env: 'prod', owner: '' });
    expect(server.properties).toMatchObject({
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
      backup: { backupRetentionDays: 21, geoRedundantBackup: 'Enabled' },
      storage: { storageSizeGB: 128, autoGrow: 'Enabled' },
    });
  });

  it('chains the firewall rules after the server with dependsOn', () => {
    const [server, azure, client] = buildFlexDeployment(base).template.resources;
    expect(azure).toMatchObject({ name: 'pg-one/AllowAllAzureServicesAndResourcesWithinAzureIps', properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' } });
    expect(azure.dependsOn).toEqual([`[resourceId('${server.type}', 'pg-one')]`]);
    expect(client).toMatchObject({ type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', properties: { startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' } });
    expect(client.dependsOn).toEqual([`[resourceId('${azure.type}', 'pg-one', 'AllowAllAzureServicesAndResourcesWithinAzureIps')]`]);
  });

  it('chains the custom ranges after the checkboxes’ rules, each a firewall rule of its own name and range', () => {
    const ranges = [
      { name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' },
      { name: 'vpn', startIpAddress: '192.0.2.10', endIpAddress: '192.0.2.10' },
    ];
    const [server, ...rules] = buildFlexDeployment({ ...base, firewall: { ...base.firewall, ranges } }).template.resources;
    expect(server.properties.network).toEqual({ publicNetworkAccess: 'Enabled' });
    expect(rules.map((r) => [r.type, r.name, r.properties])).toEqual([
      ['Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', 'pg-one/AllowAllAzureServicesAndResourcesWithinAzureIps', { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }],
      ['Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', 'pg-one/pgflex-client-203-0-113-7', { startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' }],
      ['Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', 'pg-one/office', { startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' }],
      ['Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', 'pg-one/vpn', { startIpAddress: '192.0.2.10', endIpAddress: '192.0.2.10' }],
    ]);
    expect(rules[2].dependsOn).toEqual(["[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', 'pg-one', 'pgflex-client-203-0-113-7')]"]);
    expect(rules[3].dependsOn).toEqual(["[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', 'pg-one', 'office')]"]);
  });

  it('no public access: the server’s publicNetworkAccess is Disabled, as ARM shows it, and it gets no firewall rule', () => {
    const resources = buildFlexDeployment({ ...base, networkAccess: 'None', firewall: { allowAzureServices: false, ranges: [] } }).template.resources;
    expect(resources).toHaveLength(1);
    expect(resources[0].properties.network).toEqual({ publicNetworkAccess: 'Disabled' });
  });

  it('leaves firewall rules out when not asked for', () => {
    const resources = buildFlexDeployment({ ...base, firewall: { allowAzureServices: false, ranges: [] } }).template.resources;
    expect(resources).toHaveLength(1);
  });

  it('Entra only: no login or password, the administrator named by object id, the tenant in authConfig', () => {
    const deployment = buildFlexDeployment({ ...base, authenticationMode: 'EntraOnly', adminLogin: undefined, adminPassword: undefined, entraAdmin, firewall: { allowAzureServices: false, ranges: [] } });
    const [server, admin] = deployment.template.resources;
    expect(server.properties.authConfig).toEqual({ activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled', tenantId: 'tenant-1' });
    expect(server.properties).not.toHaveProperty('administratorLogin');
    expect(server.properties).not.toHaveProperty('administratorLoginPassword');
    expect(deployment.parameters).toEqual({});
    expect(deployment.template.parameters).toEqual({});
    expect(admin).toMatchObject({
      type: 'Microsoft.DBforPostgreSQL/flexibleServers/administrators',
      name: 'pg-one/oid-123',
      properties: { principalName: 'ada@contoso.com', principalType: 'User', tenantId: 'tenant-1' },
    });
    expect(admin.dependsOn).toEqual([`[resourceId('${server.type}', 'pg-one')]`]);
  });

  it('Hybrid: both authentications, password parameter and administrator after the firewall rules', () => {
    const deployment = buildFlexDeployment({ ...base, authenticationMode: 'Hybrid', entraAdmin });
    const resources = deployment.template.resources;
    expect(resources[0].properties.authConfig).toEqual({ activeDirectoryAuth: 'Enabled', passwordAuth: 'Enabled', tenantId: 'tenant-1' });
    expect(resources.map((r) => r.type.split('/').pop())).toEqual(['flexibleServers', 'firewallRules', 'firewallRules', 'administrators']);
    expect(resources[3].dependsOn?.[0]).toContain(resources[2].name.split('/')[1]);
    expect(deployment.parameters.administratorLoginPassword.value).toBe('S3cret!pass');
  });

  it('outputs the server resource id', () => {
    expect(buildFlexDeployment(base).template.outputs.serverResourceId.value).toBe("[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', 'pg-one')]");
    expect(flexServerResourceId('s', 'rg', 'n')).toBe('/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/n');
  });
});

describe('makeDeploymentName', () => {
  it('is pgflex-{serverName}-{UTC timestamp}', () => {
    expect(makeDeploymentName('pg-one', Date.UTC(2026, 10, 22, 15, 4, 5))).toBe('pgflex-pg-one-20261122150405');
  });

  it('fits ARM’s 64 characters for the longest server name, without a dangling hyphen', () => {
    const long = `${'a'.repeat(41)}-${'b'.repeat(21)}`;
    const name = makeDeploymentName(long, Date.UTC(2026, 0, 1));
    expect(name.length).toBeLessThanOrEqual(MAX_DEPLOYMENT_NAME_LENGTH);
    expect(name).toBe(`pgflex-${'a'.repeat(41)}-20260101000000`);
    expect(name).toMatch(/^[-\w._()]+$/);
  });
});
