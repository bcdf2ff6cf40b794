// First: every module imported after it reads its text translated (see l10nBundle.ts).
import './l10nBundle';
import * as vscode from 'vscode';
import { createAzureServices } from './azure';
import { createAzurePortal, portalFor } from './azure/azurePortal';
import { createArmFirewallRules } from './connections/armFirewallRules';
import { registerConnections } from './connections/registerConnections';
import { azureServerAddressResolver, createSandboxServerAddressResolver } from './connections/serverAddressResolvers';
import { registerCreateServer } from './createServer/registerCreateServer';
import { createArmServerFactsReader } from './dashboard/armServerFactsReader';
import { createArmServerStarter } from './reconcile/armServerStarter';
import { createServerReconciler, whereMovedBy } from './reconcile/serverReconciler';
import type { ConnectionProfile } from './connections/connectionProfile';
import type { ServerLocation } from '../machines/connections/serverLocation';
import { createRegionNames } from './dashboard/regionNames';
import { registerServerDashboard } from './dashboard/registerServerDashboard';
import { registerDeployments } from './deployments/registerDeployments';
import { createVscodeSettingsReader } from './settings/vscodeSettings';

/** The composition root: build each feature, hand it what it needs, register what it returns. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('PostgreSQL Flexible Server', { log: true });
  context.subscriptions.push(log);

  const settings = createVscodeSettingsReader(log);
  const azure = await createAzureServices(settings, log);
  context.subscriptions.push(azure);
  const portal = createAzurePortal(portalFor(azure.environment), (url) => vscode.env.openExternal(vscode.Uri.parse(url)), (message) => log.info(message));
  const flexibleServers = (tenantId: string, subscriptionId: string) => azure.flexibleServers(tenantId, subscriptionId);
  const firewall = createArmFirewallRules(flexibleServers);
  const serverFacts = createArmServerFactsReader(flexibleServers, () => azure.catalog.listSubscriptions());
  const serverChecks = createServerReconciler(serverFacts);

  const connections = registerConnections(context, {
    tokens: { getToken: async (tenantId, scopes) => (await azure.credentials.getToken(tenantId, scopes)).token },
    resolver: azure.environment.kind === 'sandbox' ? createSandboxServerAddressResolver(azure.environment) : azureServerAddressResolver,
    firewall,
    secrets: context.secrets,
    log,
    azureServers: { checks: serverChecks, starter: createArmServerStarter(flexibleServers), portal },
  });
  context.subscriptions.push(connections);
  const dashboardAzure = {
    facts: serverFacts,
    whereMoved: whereMovedBy(serverChecks),
    followMove: (profile: ConnectionProfile, to: ServerLocation) => connections.servers.followMove(profile, to),
    regions: createRegionNames((subscriptionId) => azure.catalog.listLocations(subscriptionId)),
    firewall,
    clientIp: () => azure.catalog.detectClientIp(),
    portal,
  };
  context.subscriptions.push(registerServerDashboard(context, connections, dashboardAzure, log));

  const deployments = registerDeployments(context, { azure, connections, portal, serverChecks, settings, log });
  context.subscriptions.push(deployments);
  const { tracker, actions: serverActions, retryForms$ } = deployments;
  context.subscriptions.push(registerCreateServer(context, { tracker, catalog: azure.catalog, registrar: azure.providerRegistrar, log, serverActions }, retryForms$));

  await deployments.activate();
}

export function deactivate(): void {}
