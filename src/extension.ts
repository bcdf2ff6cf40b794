import * as vscode from 'vscode';
import { createAzureServices } from './azure';
import { createAzurePortal, portalFor } from './azure/azurePortal';
import { createArmFirewallRules } from './connections/armFirewallRules';
import { registerConnections } from './connections/registerConnections';
import { azureServerAddressResolver, createSandboxServerAddressResolver } from './connections/serverAddressResolvers';
import { Subject } from 'rxjs';
import type { DeploymentContext } from '../machines/flexDeployment/stagedFlexProfile';
import { registerCreateServer } from './createServer/registerCreateServer';
import { createArmServerFactsReader } from './dashboard/armServerFactsReader';
import { findDeploymentProfile } from './connections/saveDeploymentProfile';
import { createArmServerStarter } from './reconcile/armServerStarter';
import { createServerReconciler, whereMovedBy } from './reconcile/serverReconciler';
import type { ConnectionProfile } from './connections/connectionProfile';
import type { ServerLocation } from '../machines/connections/serverLocation';
import { createRegionNames } from './dashboard/regionNames';
import { registerServerDashboard } from './dashboard/registerServerDashboard';
import { createDeploymentDetails } from './deployments/deploymentDetails';
import { createDeploymentDetailsChannel, createVscodeDeploymentEffects, registerDeploymentViews } from './deployments/registerDeploymentViews';
import { deploymentLog } from './diagnostics/deploymentLog';
import { createStoreNotices } from './notifications/storeNotices';
import { createVscodeNotifier } from './notifications/vscodeNotifier';
import { createFlexDeploymentTracker } from './services/flexDeployment/createFlexDeploymentTracker';
import { tellEach } from './services/flexDeployment/deploymentLifecycle';
import { deploymentRefOf } from './services/flexDeployment/deploymentRef';
import { createVscodeSettingsReader } from './settings/vscodeSettings';
import { deploymentTelemetry } from './telemetry/deploymentTelemetry';
import { createVscodeTelemetry } from './telemetry/vscodeTelemetry';

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

  const detailsChannel = createDeploymentDetailsChannel();
  context.subscriptions.push(detailsChannel);
  const details = createDeploymentDetails(detailsChannel, (deployment) => azure.catalog.listDeploymentOperations(deploymentRefOf(deployment)), Date.now);
  // The notifications' buttons act on the tracker they are built for: read when pressed, once it exists.
  const { effects: deploymentEffects, actions: deploymentActions } = createVscodeDeploymentEffects(connections, context.secrets, details, portal, azure.providerRegistrar, () => tracker, log);
  // A failed deployment's Retry reopens the create form, which starts deployments through the
  // tracker: the tracker tells it, and the form (built after it) listens.
  const retryForms = new Subject<Readonly<DeploymentContext>>();
  const effects = { ...deploymentEffects, openRetryForm: (deployment: Readonly<DeploymentContext>) => retryForms.next(deployment) };
  const notices = createStoreNotices(createVscodeNotifier(), () => log.show(true), (error) => log.error(`Showing a notice failed: ${String(error)}`));
  const telemetry = createVscodeTelemetry(log, azure.environment);
  context.subscriptions.push(telemetry);
  const lifecycle = tellEach([deploymentLog(log), deploymentTelemetry(telemetry, Date.now)], (error) => log.error(`Telling a deployment's progress failed: ${String(error)}`));
  const trackerRegistration = createFlexDeploymentTracker(context, { reader: azure.reader, provisioner: azure.provisioner, canceller: azure.canceller, effects, signIn: azure.signIn, settings, notices, lifecycle, log });
  context.subscriptions.push(trackerRegistration);
  const { tracker } = trackerRegistration;
  const createServer = registerCreateServer(context, { tracker, catalog: azure.catalog, registrar: azure.providerRegistrar, log, serverActions: deploymentActions }, retryForms);
  const deploymentServers = { checks: serverChecks, actions: connections.servers, profileOf: (deployment: Parameters<typeof findDeploymentProfile>[0]) => findDeploymentProfile(deployment, connections.store) };
  context.subscriptions.push(createServer, registerDeploymentViews(context, tracker, details, portal, settings, azure.leftovers, deploymentServers, log));

  const removals = connections.store.removed$.subscribe((profileId) => {
    tracker.noteProfileRemoved(profileId).catch((error: unknown) => log.warn(`Recording that profile ${profileId} was removed failed: ${String(error)}`));
  });
  context.subscriptions.push({ dispose: () => removals.unsubscribe() });

  await tracker.activate();
  // The settled history is validated after activation, off its path: counted once it is in.
  tracker.getStagedProfiles().then(
    (records) => log.info(`Activated; ${records.length} deployment record(s) tracked.`),
    (error: unknown) => log.error(`Reading the deployment history failed: ${String(error)}`),
  );
}

export function deactivate(): void {}
