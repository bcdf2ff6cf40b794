import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SUBSCRIPTIONS, SANDBOX_TENANT_ID, startSandbox, type Sandbox } from '../../../sandbox';
import { clientOptions, RESOURCE_GROUP, serverDeployment, staticCredential, SUBSCRIPTION_ID } from './sandboxTestKit';

/** The real Azure SDK clients, unmodified, against the sandbox: only endpoint and CA differ from production. */
describe('sandbox with the real Azure SDK clients', () => {
  let sandbox: Sandbox;
  let deployments: DeploymentsClient;
  let flex: PostgreSQLManagementFlexibleServerClient;
  const credential = staticCredential();

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 400, postgres: 'none' });
    deployments = new DeploymentsClient(credential, SUBSCRIPTION_ID, clientOptions(sandbox));
    flex = new PostgreSQLManagementFlexibleServerClient(credential, SUBSCRIPTION_ID, clientOptions(sandbox));
  });
  afterAll(() => sandbox.stop());

  it('lists subscriptions, tenants and locations through SubscriptionClient', async () => {
    const client = new SubscriptionClient(credential, clientOptions(sandbox));
    const subscriptions = [];
    for await (const s of client.subscriptions.list()) subscriptions.push(s);
    expect(subscriptions.map((s) => s.subscriptionId)).toEqual(SANDBOX_SUBSCRIPTIONS.map((s) => s.subscriptionId));
    expect(subscriptions.every((s) => s.tenantId === SANDBOX_TENANT_ID && s.state === 'Enabled')).toBe(true);
    const tenants = [];
    for await (const t of client.tenants.list()) tenants.push(t);
    expect(tenants.map((t) => t.tenantId)).toEqual([SANDBOX_TENANT_ID]);
    const locations = [];
    for await (const l of client.subscriptions.listLocations(SUBSCRIPTION_ID)) locations.push(l);
    expect(locations.map((l) => l.name)).toContain('eastus');
    expect(locations.find((l) => l.name === 'eastus')?.displayName).toBe('East US');
  });

  it('creates, gets and lists resource groups through ResourceManagementClient', async () => {
    const client = new ResourceManagementClient(credential, SUBSCRIPTION_ID, clientOptions(sandbox));
    const created = await client.resourceGroups.createOrUpdate('rg-sdk-test', { location: 'westeurope', tags: { owner: 'test' } });
    expect(created.id).toBe(`/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-sdk-test`);
    expect((await client.resourceGroups.get('RG-SDK-TEST')).location).toBe('westeurope');
    const names = [];
    for await (const g of client.resourceGroups.list()) names.push(g.name);
    expect(names).toEqual(expect.arrayContaining([RESOURCE_GROUP, 'rg-sdk-test']));
    await expect(client.resourceGroups.get('rg-missing')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
  });

  it('runs a deployment with beginCreateOrUpdate + pollUntilDone, then get, list and operations', async () => {
    const poller = await deployments.deployments.beginCreateOrUpdate(RESOURCE_GROUP, 'pgflex-sdk-one-1', serverDeployment('sdk-one', 'S3cret!pass', { entraAdmin: true }), {
      updateIntervalInMs: 20,
    });
    const done = await poller.pollUntilDone();
    expect(done.properties?.provisioningState).toBe('Succeeded');
    expect(done.properties?.outputs).toEqual({
      fullyQualifiedDomainName: { type: 'String', value: 'sdk-one.postgres.database.azure.com' },
      serverResourceId: { type: 'String', value: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/sdk-one` },
    });
    expect(done.properties?.parameters).toEqual({ serverName: { type: 'String', value: 'sdk-one' }, location: { type: 'String', value: 'eastus' }, administratorLoginPassword: { type: 'SecureString' } });

    const got = await deployments.deployments.get(RESOURCE_GROUP, 'pgflex-sdk-one-1');
    expect(got.properties?.correlationId).toBe(done.properties?.correlationId);
    expect(got.properties?.outputResources).toHaveLength(3);

    const listed = [];
    for await (const d of deployments.deployments.listByResourceGroup(RESOURCE_GROUP, { filter: "provisioningState eq 'Succeeded'", top: 10 })) listed.push(d.name);
    expect(listed).toContain('pgflex-sdk-one-1');

    const operations = [];
    for await (const o of deployments.deploymentOperations.list(RESOURCE_GROUP, 'pgflex-sdk-one-1')) operations.push(o.properties);
    const created = operations.filter((o) => o?.provisioningOperation === 'Create').reverse();
    expect(created.map((o) => o?.targetResource?.resourceType)).toEqual([
      'Microsoft.DBforPostgreSQL/flexibleServers',
      'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
      'Microsoft.DBforPostgreSQL/flexibleServers/administrators',
    ]);
    expect(created.every((o) => o?.provisioningState === 'Succeeded')).toBe(true);
    // One after another: each resource starts when the previous one ended.
    const times = created.map((o) => new Date(String(o?.timestamp)).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('serves the created server through PostgreSQLManagementFlexibleServerClient', async () => {
    const server = await flex.servers.get(RESOURCE_GROUP, 'sdk-one');
    expect(server).toMatchObject({
      name: 'sdk-one',
      state: 'Ready',
      fullyQualifiedDomainName: 'sdk-one.postgres.database.azure.com',
      version: '17',
      administratorLogin: 'pgadmin',
      location: 'eastus',
      sku: { name: 'Standard_B2s', tier: 'Burstable' },
      storage: { storageSizeGB: 32 },
      authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Enabled', tenantId: SANDBOX_TENANT_ID },
    });
    const names = [];
    for await (const s of flex.servers.listByResourceGroup(RESOURCE_GROUP)) names.push(s.name);
    expect(names).toContain('sdk-one');
    const admins = [];
    for await (const a of flex.administratorsMicrosoftEntra.listByServer(RESOURCE_GROUP, 'sdk-one')) admins.push(a);
    expect(admins.map((a) => a.principalName)).toEqual(['admin@contoso.com']);
    await expect(flex.servers.get(RESOURCE_GROUP, 'no-such-server')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  });

  it('answers name availability globally and per location', async () => {
    const type = 'Microsoft.DBforPostgreSQL/flexibleServers';
    expect(await flex.nameAvailability.checkGlobally({ name: 'sdk-one', type })).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
    expect(await flex.nameAvailability.checkWithLocation('eastus', { name: 'sdk-free-name', type })).toMatchObject({ nameAvailable: true });
    expect(await flex.nameAvailability.checkGlobally({ name: '-Bad_Name', type })).toMatchObject({ nameAvailable: false, reason: 'Invalid' });
  });

  it('lists location capabilities with versions, tiers, default SKUs and storage sizes', async () => {
    const capabilities = [];
    for await (const c of flex.capabilitiesByLocation.list('eastus')) capabilities.push(c);
    expect(capabilities).toHaveLength(1);
    const [c] = capabilities;
    expect(c.supportedServerVersions?.map((v) => v.name)).toEqual(['11', '12', '13', '14', '15', '16', '17', '18']);
    expect(c.supportedServerEditions?.map((e) => [e.name, e.defaultSkuName, e.supportedStorageEditions?.[0].defaultStorageSizeMb])).toEqual([
      ['Burstable', 'Standard_B2s', 32768],
      ['GeneralPurpose', 'Standard_D4ads_v5', 65536],
      ['MemoryOptimized', 'Standard_E4ads_v5', 131072],
    ]);
    const sizesGb = c.supportedServerEditions?.[0].supportedStorageEditions?.[0].supportedStorageMb?.map((s) => (s.storageSizeMb ?? 0) / 1024);
    expect(sizesGb).toEqual([32, 64, 128, 256, 512, 1024, 2048, 4095, 4096, 8192, 16384, 32767]);
  });

  it('counts every request per route', async () => {
    sandbox.requests.reset();
    await deployments.deployments.get(RESOURCE_GROUP, 'pgflex-sdk-one-1');
    for await (const _ of deployments.deployments.listByResourceGroup(RESOURCE_GROUP)) void _;
    await flex.servers.get(RESOURCE_GROUP, 'sdk-one');
    expect(sandbox.requests.counts()).toEqual({ 'deployments.get': 1, 'deployments.list': 1, 'flexibleServers.get': 1 });
    expect(sandbox.requests.count()).toBe(3);
    expect(sandbox.control.requestCounts()).toEqual(sandbox.requests.counts());
  });
});
