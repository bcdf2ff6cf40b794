import * as l10n from '../../../machines/l10n';
import type { ValidationErrors } from '../../../machines/flexDeployment/createServerRequest';
import type { DeploymentJournal } from './deploymentJournal';
import type { DeploymentLifecycle } from './deploymentLifecycle';
import type { DeploymentLeases } from './deploymentLeases';
import type { DeploymentCanceller } from './deploymentCanceller';
import type { DeploymentEffects } from './deploymentEffectsPort';
import type { DeploymentReader } from './deploymentReader';
import type { SecretStore } from './secretStore';
import type { ServerProvisioner } from './serverProvisioner';

export class CreateRequestInvalidError extends Error {
  constructor(readonly errors: ValidationErrors) {
    super(Object.values(errors).flat()[0] ?? l10n.t('The create request is not valid.'));
    this.name = 'CreateRequestInvalidError';
  }
}

export interface Clock {
  now(): number;
}

/** Azure sign-in as the tracker needs it: one prompt per activation, a signal after sign-in. */
export interface AzureSignIn {
  /** Ask the user to sign in (a notification with a Sign In button); resolves when answered. */
  promptSignIn(): Promise<void>;
  onDidSignIn(listener: () => void): { dispose(): void };
}

export interface TrackerSettings {
  retentionDays(): number;
  pollIntervalMs(): number;
}

export interface TrackerDependencies {
  journal: DeploymentJournal;
  leases: DeploymentLeases;
  reader: DeploymentReader;
  provisioner: ServerProvisioner;
  canceller: DeploymentCanceller;
  effects: DeploymentEffects;
  secrets: SecretStore;
  signIn: AzureSignIn;
  settings: TrackerSettings;
  clock: Clock;
  /** Told each moment of an owned deployment's life (the log and telemetry listen). */
  lifecycle: DeploymentLifecycle;
  log: (message: string) => void;
}
