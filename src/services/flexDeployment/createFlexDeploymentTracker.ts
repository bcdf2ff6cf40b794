import { join } from 'node:path';
import * as vscode from 'vscode';
import { DeploymentJournal } from './deploymentJournal';
import { LockFileLeases } from './deploymentLeases';
import { FlexDeploymentTracker, type TrackerSettings } from './flexDeploymentTracker';
import type { AzureSignIn, DeploymentEffects, DeploymentReader, ServerProvisioner } from './ports';

export const RETENTION_DAYS_SETTING = 'pgsql.flexProvisioning.deploymentRetentionDays';
export const POLL_INTERVAL_SETTING = 'pgsql.flexProvisioning.pollIntervalSeconds';
const MIN_POLL_SECONDS = 5;

export interface TrackerPorts {
  reader: DeploymentReader;
  provisioner: ServerProvisioner;
  effects: DeploymentEffects;
  signIn: AzureSignIn;
  log: vscode.LogOutputChannel;
}

/** The tracker on VS Code: journal and leases in `globalStorageUri` (shared by windows), settings read live. */
export function createFlexDeploymentTracker(context: vscode.ExtensionContext, ports: TrackerPorts): FlexDeploymentTracker {
  const storage = context.globalStorageUri.fsPath;
  const log = (message: string) => ports.log.info(message);
  const tracker = new FlexDeploymentTracker({
    journal: new DeploymentJournal(storage, context.globalState, log),
    leases: new LockFileLeases(join(storage, 'leases')),
    reader: ports.reader,
    provisioner: ports.provisioner,
    effects: ports.effects,
    secrets: context.secrets,
    signIn: ports.signIn,
    settings: readSettings(),
    clock: { now: Date.now },
    log,
  });
  context.subscriptions.push({ dispose: () => void tracker.dispose() });
  return tracker;
}

function readSettings(): TrackerSettings {
  const config = () => vscode.workspace.getConfiguration();
  return {
    retentionDays: () => config().get<number>(RETENTION_DAYS_SETTING, 30),
    // Never below 5 s, whatever the settings file says: ARM throttles per subscription.
    pollIntervalMs: () => Math.max(MIN_POLL_SECONDS, config().get<number>(POLL_INTERVAL_SETTING, 15)) * 1000,
  };
}
