import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, SANDBOX_TENANT_ID, type Sandbox } from '../../../sandbox';
import { composeAzureServices, type AzureServices } from '../../../src/azure/azureServices';
import { SandboxAccount } from '../../../src/azure/sandboxAccount';
import { armSubscriptionSource } from '../../../src/azure/subscriptionSource';
import { ConnectionStore } from '../../../src/connections/connectionStore';
import { ConnectionManager } from '../../../src/connections/connectionManager';
import { saveDeploymentProfile } from '../../../src/connections/saveDeploymentProfile';
import { createSandboxServerAddressResolver } from '../../../src/connections/serverAddressResolvers';
import { ConnectionFailure } from '../../../src/connections/connectionFailure';
import { createArmServerFactsReader } from '../../../src/dashboard/armServerFactsReader';
import { DashboardController } from '../../../src/dashboard/dashboardController';
import { createRegionNames } from '../../../src/dashboard/regionNames';
import { createArmFirewallRules } from '../../../src/connections/armFirewallRules';
import type { DashboardHostMessage } from '../../../machines/webview/dashboardMessages';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID } from '../azure/azureSandboxHarness';
import { recordingPortal } from '../../support/recordingPortal';
import { deploymentContext, InMemoryProfileSettings, InMemorySecrets } from '../../support/connectionFakes';

/**
 * A deployment that succeeds in the sandbox ends with a saved profile naming the Azure host, a
 * live connection to the sandbox's embedded PostgreSQL (found through the sandbox resolver), and a
 * dashboard filled from ARM's servers.get and from that connection.
 */
describe('a sandbox server: profile, connection and dashboard', () => {
  let sandbox: Sandbox;
  let services: AzureServices;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, speed: 200 });
    services = composeAzureServices({ kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca }, new SandboxAccount(), (clients) => armSubscriptionSource(clients, SANDBOX_TENANT_ID), async () => undefined);
  });
  afterAll(async () => {
    services?.dispose();
    await sandbox?.stop();
  });

  it('connects to the deployed server and shows ARM and live facts', async () => {
    const request = createRequest('pg-dash');
    const ref = await startDeployment(services, request);
    const { observation } = await readUntilEnded(services, ref);
    expect(observation.kind).toBe('succeeded');
    const serverResourceId = observation.kind === 'succeeded' ? observation.serverResourceId : '';

    const secrets = new InMemorySecrets();
    const store = new ConnectionStore(new InMemoryProfileSettings(), secrets);
    const base = deploymentContext();
    const deployment = deploymentContext({
      stagingId: ref.stagingId,
      serverName: 'pg-dash',
      tenantId: SANDBOX_TENANT_ID,
      subscriptionId: SUBSCRIPTION_ID,
      resourceGroupName: RESOURCE_GROUP,
      serverResourceId,
      connectionProfile: {
        ...base.connectionProfile,
        server: 'pg-dash.postgres.database.azure.com',
        profileName: 'pg-dash',
        azureTenantId: SANDBOX_TENANT_ID,
        azureSubscriptionId: SUBSCRIPTION_ID,
        azureResourceGroup: RESOURCE_GROUP,
      },
    });
    await secrets.store(deployment.passwordSecretId!, 'S3cret!pass');
    const profile = await saveDeploymentProfile(deployment, store, secrets);
    // The profile never lies: it names the Azure host, whatever the sandbox maps it to.
    expect(profile.server).toBe('pg-dash.postgres.database.azure.com');

    const manager = new ConnectionManager(store, {
      resolver: createSandboxServerAddressResolver({ endpoint: sandbox.url, ca: sandbox.ca }),
      tokens: { getToken: async () => 'unused' },
      prompt: { askPassword: async () => undefined },
    });
    await manager.connect(profile.id);

    const posted: DashboardHostMessage[] = [];
    const controller = new DashboardController(profile.id, {
      store,
      manager,
      facts: createArmServerFactsReader((tenantId, subscriptionId) => services.flexibleServers(tenantId, subscriptionId), () => services.catalog.listSubscriptions()),
      regions: createRegionNames((subscriptionId) => services.catalog.listLocations(subscriptionId)),
      firewall: createArmFirewallRules((tenantId, subscriptionId) => services.flexibleServers(tenantId, subscriptionId)),
      clientIp: () => services.catalog.detectClientIp(),
      connect: async () => ({ connected: true }),
      portal: recordingPortal().portal,
      window: { copyToClipboard: async () => undefined, confirm: async () => false, openQuery: async () => 'terminal' },
      now: () => 1,
      post: (m) => posted.push(m),
      info: () => undefined,
      warn: (m) => {
        throw new Error(m);
      },
    });
    await controller.onMessage({ type: 'ready' });

    const state = posted.flatMap((m) => (m.type === 'dashboard.state' ? [m.state] : []))[0];
    expect(state.arm).toMatchObject({
      status: 'loaded',
      facts: { resourceId: serverResourceId, state: 'Ready', version: '17', skuName: 'Standard_B2s', location: 'eastus', locationDisplayName: 'East US', fqdn: 'pg-dash.postgres.database.azure.com', publicNetworkAccess: 'Enabled' },
    });
    // The template's two rules, and the address the sandbox sees this test at.
    expect(state.firewall).toMatchObject({ status: 'loaded', clientIp: '127.0.0.1' });
    expect(state.firewall.status === 'loaded' && state.firewall.rules.map((r) => [r.startIpAddress, r.endIpAddress])).toEqual([
      ['0.0.0.0', '0.0.0.0'],
      ['127.0.0.1', '127.0.0.1'],
    ]);
    expect(state.live.status).toBe('connected');
    if (state.live.status === 'connected') {
      expect(state.live.databases.map((d) => d.name)).toContain('postgres');
      expect(state.live.serverVersion).toMatch(/^\d+/);
    }
    manager.dispose();
  });

  it('says the server is not there when the sandbox has no such server', async () => {
    const resolver = createSandboxServerAddressResolver({ endpoint: sandbox.url, ca: sandbox.ca });
    const error = await resolver.resolve('pg-none.postgres.database.azure.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionFailure);
    expect(error).toMatchObject({ kind: 'notFound', reason: "The sandbox has no running server 'pg-none'." });
  });
});
