import type { JournalRecovery } from './journalRecovery';
import type { ArmErrorSummary, DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';

/**
 * The small ports through which the tracker reaches the outside world. Azure implements the
 * reader and the provisioner (src/azure), connections and notifications implement the effects
 * (src/connections, src/notifications); tests implement them in memory.
 */

/** Everything needed to find one deployment in ARM. */
export interface DeploymentRef {
  stagingId: string;
  tenantId: string;
  subscriptionId: string;
  resourceGroupName: string;
  deploymentName: string;
  /** The time the record was staged: a list call may skip deployments started before it. */
  createdAt: number;
  /**
   * The server the deployment creates. ARM deletes old deployments from a resource group's history
   * (above 700 of them), so on a 404 the reader looks for the server itself before saying notFound.
   */
  serverName?: string;
}

export function deploymentRefOf(d: Readonly<DeploymentContext>): DeploymentRef {
  const { stagingId, tenantId, subscriptionId, resourceGroupName, deploymentName, createdAt, serverName } = d;
  return { stagingId, tenantId, subscriptionId, resourceGroupName, deploymentName, createdAt, serverName };
}

/** What one read of ARM said about one deployment. */
export type DeploymentObservation =
  /** `durationMs`: ARM's own running time of the deployment, when it reports one. */
  | { kind: 'running'; provisioningState: string; durationMs?: number }
  | { kind: 'succeeded'; serverResourceId: string; outputs?: Record<string, unknown> }
  | { kind: 'failed'; error: ArmErrorSummary }
  | { kind: 'canceled' }
  /** ARM has no such deployment (never started, or deleted from history). */
  | { kind: 'notFound' }
  /** Could not tell this time (throttled, 5xx, network): try again next cycle. */
  | { kind: 'unavailable'; reason: string }
  /** No usable Azure session for the deployment's tenant. */
  | { kind: 'signedOut' };

export interface DeploymentReadBatch {
  /** One observation per stagingId asked for; a missing one counts as 'unavailable'. */
  observations: ReadonlyMap<string, DeploymentObservation>;
  /** ARM asked us to wait at least this long before the next read (Retry-After). */
  retryAfterMs?: number;
}

/** Reads all deployments of one poll cycle at once, so the implementation can batch. */
export interface DeploymentReader {
  read(refs: readonly DeploymentRef[]): Promise<DeploymentReadBatch>;
}

/** A field-specific reason the request cannot be deployed, found before anything is staged. */
export class PreflightError extends Error {
  constructor(
    /** The form field the message belongs next to; undefined for the request as a whole (an Azure Policy denial). */
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'PreflightError';
  }
}

export interface StartedDeployment {
  deploymentName: string;
}

/** Builds the template and starts the ARM deployment; returns once ARM has accepted it. */
export interface ServerProvisioner {
  /** Throws PreflightError (name taken, version/SKU/storage not offered in the location). */
  preflight(request: CreateServerRequest): Promise<void>;
  /** Throws an ArmStartError when ARM rejects the deployment. */
  startDeployment(request: CreateServerRequest, deploymentName: string): Promise<StartedDeployment>;
}

/** What ARM answered a cancel request. */
export type CancelAnswer =
  | { kind: 'accepted' }
  /** ARM's refusal, verbatim: 409 DeploymentCannotBeCancelled when it is not running any more. */
  | { kind: 'refused'; error: ArmErrorSummary }
  /** No answer (signed out, unreachable, throttled): it may or may not have reached ARM. */
  | { kind: 'unanswered'; reason: string };

/** Asks ARM to cancel a running deployment. Sending it twice is harmless: ARM refuses the second. */
export interface DeploymentCanceller {
  cancel(ref: DeploymentRef): Promise<CancelAnswer>;
}

/** The PUT was sent and no answer came back (5xx after retries, reset, timeout): ARM may have it. */
export class StartOutcomeUnknownError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'StartOutcomeUnknownError';
  }
}

/** ARM refused to start the deployment; the error is ARM's, verbatim. */
export class ArmStartError extends Error {
  constructor(readonly error: ArmErrorSummary) {
    super(error.message);
    this.name = 'ArmStartError';
  }
}

/**
 * The side effects the deployment machine asks for. Every one may run again after a restart
 * (XState re-enters states on resume), so each must be idempotent.
 */
export interface DeploymentEffects {
  /** Save the connection profile (stable id from stagingId) and move the staged password into it. */
  saveProfile(deployment: Readonly<DeploymentContext>): Promise<{ profileId: string }>;
  /** The ids of the saved connection profiles now, read afresh: activation gives a lost one back. */
  savedProfileIds(): Promise<ReadonlySet<string>>;
  /** Connect and open the server dashboard (active provisioning session only). */
  openDashboard(deployment: Readonly<DeploymentContext>): Promise<void>;
  /** "Server '{name}' is ready" with Connect / Open Dashboard. */
  notifyReady(deployment: Readonly<DeploymentContext>): void;
  /** The spec's failure notification with View Details / Retry / Dismiss. */
  notifyFailed(deployment: Readonly<DeploymentContext>): void;
  /** "Deployment of '{name}' was canceled", distinct from a failure. */
  notifyCanceled(deployment: Readonly<DeploymentContext>): void;
  /** Re-open the create form prefilled from the record. */
  openRetryForm(deployment: Readonly<DeploymentContext>): void;
}

/** Where staged passwords live until the profile is saved. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** What the user is told about the stored records themselves: once, each time it happens. */
export interface StoreNotices {
  /** The journal was damaged and repaired: what came back, from where, and what could not. */
  journalRecovered(recovery: JournalRecovery): void;
  /** Stored records that failed validation were set aside (the reasons, one per record). */
  recordsQuarantined(reasons: readonly string[]): void;
  /** A change could not be written: tracked in this window, but not safe from a restart. */
  recordsNotSaved(reason: string): void;
}

/** The subset of vscode.Memento the tracker uses. */
export interface GlobalStateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
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
