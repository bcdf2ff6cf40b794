import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, SANDBOX_SUBSCRIPTIONS, SANDBOX_TENANT_ID, SEEDED_RESOURCE_GROUPS, type Sandbox } from '../../../sandbox';
import { createArmServerStarter } from '../../../src/reconcile/armServerStarter';
import { createServerActions } from '../../../src/reconcile/serverActions';
import { createServerReconciler, whereMovedBy } from '../../../src/reconcile/serverReconciler';
import { armRequest } from '../sandbox/sandboxTestKit';
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
import { deploymentContext, InMemoryProfileSettings, InMemorySecrets, ScriptedNotifier } from '../../support/connectionFakes';

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
    const clientFor = (tenantId: string, subscriptionId: string) => services.flexibleServers(tenantId, subscriptionId);
    const facts = createArmServerFactsReader(clientFor, () => services.catalog.listSubscriptions());
    const checks = createServerReconciler(facts);
    const notifier = new ScriptedNotifier();
    const actions = createServerActions({ checks, starter: createArmServerStarter(clientFor), portal: recordingPortal().portal, store, manager, notifier, log: () => undefined });
    const controller = new DashboardController(profile.id, {
      store,
      manager,
      facts,
      whereMoved: whereMovedBy(checks),
      followMove: (p, to) => actions.followMove(p, to),
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

    // Moved to the other subscription outside VS Code: the dashboard says where, and follows it when asked.
    const [, away] = SANDBOX_SUBSCRIPTIONS;
    const awayGroup = SEEDED_RESOURCE_GROUPS.find((g) => g.subscriptionId === away.subscriptionId)!.name;
    const move = await armRequest(sandbox, 'POST', `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/moveResources?api-version=2021-04-01`, {
      body: { resources: [serverResourceId], targetResourceGroup: `/subscriptions/${away.subscriptionId}/resourceGroups/${awayGroup}` },
    });
    expect(move.status).toBe(202);
    const lastState = () => posted.flatMap((m) => (m.type === 'dashboard.state' ? [m.state] : [])).at(-1)!;
    await controller.onMessage({ type: 'dashboard.refresh' });
    expect(lastState().arm).toEqual({
      status: 'moved',
      to: { subscriptionId: away.subscriptionId, subscriptionName: away.displayName, resourceGroup: awayGroup },
      message: `Azure has 'pg-dash' in resource group '${awayGroup}' of subscription '${away.displayName}' (${away.subscriptionId}) now, no longer in resource group '${RESOURCE_GROUP}' of subscription '${SUBSCRIPTION_ID}' where this saved connection points: it was moved outside VS Code. The connection still works (the host name is the same); Update Saved Connection makes this dashboard and its firewall rules follow the move.`,
    });
    expect(lastState().firewall).toMatchObject({ status: 'failed', nextStep: 'Update Saved Connection (above), then its rules show here.' });
    expect(lastState().live.status).toBe('connected');

    await controller.onMessage({ type: 'dashboard.followMove' });
    expect(store.getProfile(profile.id)).toMatchObject({ azureSubscriptionId: away.subscriptionId, azureResourceGroup: awayGroup });
    const movedId = `/subscriptions/${away.subscriptionId}/resourceGroups/${awayGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-dash`;
    expect(lastState().arm).toMatchObject({ status: 'loaded', facts: { resourceId: movedId, state: 'Ready' } });
    expect(lastState().firewall).toMatchObject({ status: 'loaded' });
    expect(notifier.shown.at(-1)?.message).toBe(`The saved connection 'pg-dash' now points to resource group '${awayGroup}' of subscription '${away.displayName}' (${away.subscriptionId}), where Azure has 'pg-dash'.`);
    manager.dispose();
  });

  it('says the server is not there when the sandbox has no such server', async () => {
    const resolver = createSandboxServerAddressResolver({ endpoint: sandbox.url, ca: sandbox.ca });
    const error = await resolver.resolve('pg-none.postgres.database.azure.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionFailure);
    expect(error).toMatchObject({ kind: 'notFound', reason: "The sandbox has no running server 'pg-none'." });
  });
});
