import { join } from 'node:path';
import type * as vscode from 'vscode';
import { DeploymentJournal } from './deploymentJournal';
import type { DeploymentLifecycle } from './deploymentLifecycle';
import { LockFileLeases } from './deploymentLeases';
import type { SettingsReader } from '../../settings/settingsReader';
import { FlexDeploymentTracker } from './flexDeploymentTracker';
import type { DeploymentCanceller } from './deploymentCanceller';
import type { DeploymentEffects } from './deploymentEffectsPort';
import type { DeploymentReader } from './deploymentReader';
import type { StoreNotices } from './recordStorage';
import type { ServerProvisioner } from './serverProvisioner';
import type { AzureSignIn } from './trackerDependencies';

export interface TrackerPorts {
  reader: DeploymentReader;
  provisioner: ServerProvisioner;
  canceller: DeploymentCanceller;
  effects: DeploymentEffects;
  signIn: AzureSignIn;
  settings: SettingsReader;
  notices: StoreNotices;
  lifecycle: DeploymentLifecycle;
  log: vscode.LogOutputChannel;
}

/** The tracker and what stops it when the window closes (its deployments are left to the next window). */
export interface TrackerRegistration extends vscode.Disposable {
  tracker: FlexDeploymentTracker;
}

/** The tracker on VS Code: journal and leases in `globalStorageUri` (shared by windows), settings read live. */
export function createFlexDeploymentTracker(context: Pick<vscode.ExtensionContext, 'globalStorageUri' | 'globalState' | 'secrets'>, ports: TrackerPorts): TrackerRegistration {
  const storage = context.globalStorageUri.fsPath;
  const log = (message: string) => ports.log.info(message);
  const tracker = new FlexDeploymentTracker({
    journal: new DeploymentJournal(storage, context.globalState, { log, notices: ports.notices }),
    // Stryker disable next-line StringLiteral: only keeps lock files out of the journal's folder; every window names the same folder, so any name behaves alike
    leases: new LockFileLeases(join(storage, 'leases')),
    reader: ports.reader,
    provisioner: ports.provisioner,
    canceller: ports.canceller,
    effects: ports.effects,
    secrets: context.secrets,
    signIn: ports.signIn,
    settings: {
      retentionDays: () => ports.settings.get('deploymentRetentionDays'),
      pollIntervalMs: () => ports.settings.get('pollIntervalSeconds') * 1000,
    },
    clock: { now: Date.now },
    lifecycle: ports.lifecycle,
    log,
  });
  return { tracker, dispose: () => tracker.dispose().catch((error: unknown) => log(`Stopping the tracker failed: ${String(error)}`)) };
}
