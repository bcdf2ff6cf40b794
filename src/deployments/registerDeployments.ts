import * as vscode from 'vscode';
import { Subject, type Observable } from 'rxjs';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { AzurePortal } from '../azure/azurePortal';
import type { AzureServices } from '../azure/azureServices';
import { findDeploymentProfile } from '../connections/saveDeploymentProfile';
import type { ConnectionsRegistration } from '../connections/registerConnections';
import { deploymentLog } from '../diagnostics/deploymentLog';
import type { DeploymentNotificationActions } from '../notifications/deploymentNotifications';
import { createStoreNotices } from '../notifications/storeNotices';
import { createVscodeCommandRunner, createVscodeNotifier } from '../notifications/vscodeNotifier';
import type { ServerChecks } from '../reconcile/serverReconciler';
import { createFlexDeploymentTracker } from '../services/flexDeployment/createFlexDeploymentTracker';
import { tellEach } from '../services/flexDeployment/deploymentLifecycle';
import { deploymentRefOf } from '../services/flexDeployment/deploymentRef';
import type { FlexDeploymentTracker } from '../services/flexDeployment/flexDeploymentTracker';
import type { SettingsReader } from '../settings/settingsReader';
import { deploymentTelemetry } from '../telemetry/deploymentTelemetry';
import { createVscodeTelemetry } from '../telemetry/vscodeTelemetry';
import { createDeploymentDetails } from './deploymentDetails';
import { registerDeploymentViews } from './registerDeploymentViews';
import { createDeploymentActions, createDeploymentEffects, type DeploymentEffectsDeps } from './deploymentEffects';
import type { DeploymentEffects } from '../services/flexDeployment/deploymentEffectsPort';
import type { SecretStore } from '../services/flexDeployment/secretStore';
import type { ProviderRegistrar } from '../azure/providerRegistration';
import type { DeploymentDetails } from './deploymentDetails';
import type { DeploymentTrackerPort } from './deploymentTrackerPort';
import type { Notifier } from '../notifications/notifier';

export interface DeploymentsDeps {
  azure: AzureServices;
  connections: ConnectionsRegistration;
  portal: AzurePortal;
  serverChecks: ServerChecks;
  settings: SettingsReader;
  log: vscode.LogOutputChannel;
}

export interface DeploymentsRegistration extends vscode.Disposable {
  readonly tracker: FlexDeploymentTracker;
  /** What a deployment's buttons do, shared with the progress panel. */
  readonly actions: DeploymentNotificationActions;
  /** A failed deployment's Retry: the create form listens and opens prefilled. */
  readonly retryForms$: Observable<Readonly<DeploymentContext>>;
  /** Rehydrates the deployments (spec: on activation); the settled history's count is logged once read. */
  activate(): Promise<void>;
}

/**
 * The deployments feature: the tracker and its effects, the notifications' actions, View Details,
 * telemetry and the log, the Deployments view, status bar and commands. The effects' buttons act on
 * the tracker built from them, so they read it when pressed.
 */
export function registerDeployments(context: vscode.ExtensionContext, deps: DeploymentsDeps): DeploymentsRegistration {
  const { azure, connections, portal, settings, log } = deps;
  const detailsChannel = createDeploymentDetailsChannel();
  const details = createDeploymentDetails(detailsChannel, (deployment) => azure.catalog.listDeploymentOperations(deploymentRefOf(deployment)), Date.now);
  const { effects, actions } = createVscodeDeploymentEffects(connections, context.secrets, details, portal, azure.providerRegistrar, () => tracker, log);
  const retryForms = new Subject<Readonly<DeploymentContext>>();
  const notices = createStoreNotices(createVscodeNotifier(), () => log.show(true), (error) => log.error(`Showing a notice failed: ${String(error)}`));
  const telemetry = createVscodeTelemetry(log, azure.environment);
  const lifecycle = tellEach([deploymentLog(log), deploymentTelemetry(telemetry, Date.now)], (error) => log.error(`Telling a deployment's progress failed: ${String(error)}`));
  const registration = createFlexDeploymentTracker(context, {
    reader: azure.reader,
    provisioner: azure.provisioner,
    canceller: azure.canceller,
    effects: { ...effects, openRetryForm: (deployment) => retryForms.next(deployment) },
    signIn: azure.signIn,
    settings,
    notices,
    lifecycle,
    log,
  });
  const { tracker } = registration;
  const servers = { checks: deps.serverChecks, actions: connections.servers, profileOf: (deployment: Readonly<DeploymentContext>) => findDeploymentProfile(deployment, connections.store) };
  const removals = connections.store.removed$.subscribe((profileId) => {
    tracker.noteProfileRemoved(profileId).catch((error: unknown) => log.warn(`Recording that profile ${profileId} was removed failed: ${String(error)}`));
  });
  const disposable = vscode.Disposable.from(
    detailsChannel,
    telemetry,
    registration,
    registerDeploymentViews(tracker, details, portal, settings, azure.leftovers, servers, log),
    { dispose: () => removals.unsubscribe() },
    { dispose: () => retryForms.complete() },
  );
  return {
    tracker,
    actions,
    retryForms$: retryForms.asObservable(),
    async activate() {
      await tracker.activate();
      // The settled history is validated after activation, off its path: counted once it is in.
      tracker.getStagedProfiles().then(
        (records) => log.info(`Activated; ${records.length} deployment record(s) tracked.`),
        (error: unknown) => log.error(`Reading the deployment history failed: ${String(error)}`),
      );
    },
    dispose() {
      disposable.dispose();
    },
  };
}

/** The output channel View Details appends to: plain lines, so each section reads as one report. */
function createDeploymentDetailsChannel(): vscode.OutputChannel {
  return vscode.window.createOutputChannel('PostgreSQL Flex Deployments');
}

/**
 * The deployment machine's effects on the real VS Code (all but openRetryForm), and the user's
 * actions on a deployment they share with the progress panel. The tracker is built from these
 * effects, so it is passed as a function and read when a button is pressed.
 */
function createVscodeDeploymentEffects(
  connections: ConnectionsRegistration,
  secrets: SecretStore,
  details: DeploymentDetails,
  portal: AzurePortal,
  registrar: ProviderRegistrar,
  tracker: () => Pick<DeploymentTrackerPort, 'retry' | 'dismiss' | 'reportDashboardOpened'>,
  log: vscode.LogOutputChannel,
  notifier: Notifier = createVscodeNotifier(),
): { effects: Omit<DeploymentEffects, 'openRetryForm'>; actions: DeploymentNotificationActions } {
  const deps: DeploymentEffectsDeps = {
    store: connections.store,
    secrets,
    connect: connections.connect,
    commands: createVscodeCommandRunner(),
    notifier,
    details,
    portal,
    registrar,
    openExternal: async (url) => {
      if (!(await vscode.env.openExternal(vscode.Uri.parse(url)))) log.warn(`The link was not opened: ${url}`);
    },
    tracker: { retry: (id) => tracker().retry(id), dismiss: (id) => tracker().dismiss(id), reportDashboardOpened: (id) => tracker().reportDashboardOpened(id) },
    log: (message) => log.error(message),
  };
  const actions = createDeploymentActions(deps);
  return { effects: createDeploymentEffects(deps, actions), actions };
}
