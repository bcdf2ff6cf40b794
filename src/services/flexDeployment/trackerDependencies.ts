import type { ValidationErrors } from '../../../machines/flexDeployment/createServerRequest';
import type { DeploymentJournal } from './deploymentJournal';
import type { DeploymentLifecycle } from './deploymentLifecycle';
import type { DeploymentLeases } from './deploymentLeases';
import type { AzureSignIn, Clock, DeploymentCanceller, DeploymentEffects, DeploymentReader, SecretStore, ServerProvisioner } from './ports';

export class CreateRequestInvalidError extends Error {
  constructor(readonly errors: ValidationErrors) {
    super(Object.values(errors).flat()[0] ?? 'The create request is not valid.');
    this.name = 'CreateRequestInvalidError';
  }
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
