/**
 * The staged deployment record of the specification (§1). It is the deployment machine's context,
 * the item stored under `pgsql.flexProvisioning.stagedProfiles`, and what the webview mirrors, so
 * it holds plain JSON only and never a password: `passwordSecretId` names a SecretStorage entry.
 */

import type { ConnectionProfileFields } from '../connections/connectionProfileFields';
import type { RetryableRequest } from './retryableRequest';

export const DEPLOYMENT_STATUSES = ['pending', 'deploying', 'retryingTransient', 'cancelling', 'succeeded', 'failed', 'canceled'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/**
 * The connection-profile fields the spec stages before ARM is called: a profile to save, whose id
 * is derived from the staging id (so saving twice gives one profile), always for an Azure server.
 */
export type ConnectionProfileDraft = Omit<ConnectionProfileFields, 'id'> &
  Partial<Pick<ConnectionProfileFields, 'id'>> &
  Required<Pick<ConnectionProfileFields, 'azureSubscriptionId' | 'azureResourceGroup' | 'azureTenantId'>>;

/** An ARM error as Azure returned it; `message` is the innermost useful one. */
export interface ArmErrorSummary {
  code: string;
  message: string;
  /** The whole chain, outermost first, for "View Details". */
  chain?: readonly { code: string; message: string; target?: string }[];
  /** The policy that denied the request, as ARM names it in the error's `PolicyViolation` additional info. */
  policyViolation?: PolicyViolation;
}

export interface PolicyViolation {
  /** The policy assignment's display name (else its name). */
  assignment?: string;
  /** The policy definition's display name (else its name). */
  definition?: string;
}

export interface AuditEntry {
  at: number;
  event: string;
  to: string;
}

export interface StagedFlexProfile {
  stagingId: string;

  deploymentName: string;
  resourceGroupName: string;
  subscriptionId: string;
  tenantId: string;

  connectionProfile: Partial<ConnectionProfileDraft>;

  status: DeploymentStatus;
  createdAt: number;
  lastCheckedAt?: number;

  profileCreated?: boolean;
  dashboardOpened?: boolean;

  error?: string;
  serverResourceId?: string;
  passwordSecretId?: string;
}

/** What the deployment machine keeps beyond the spec's fields. */
export interface DeploymentContext extends StagedFlexProfile {
  serverName: string;
  location: string;
  /** The retry form is prefilled from this (no password: it is typed again). Absent in migrated records. */
  request?: RetryableRequest;
  /** ARM's provisioningState at the last read, for the progress view. */
  provisioningState?: string;
  armError?: ArmErrorSummary;
  /** When the record reached succeeded, failed or canceled: the retention clock starts here. */
  terminalAt?: number;
  /** True only in the extension-host session that pressed Create; cleared on rehydration. */
  inActiveSession: boolean;
  /** A side effect that failed (profile save, connection): shown, and retried on the next resume. */
  effectError?: string;
  /** The saved connection profile's id. */
  profileId?: string;
  /** The user asked to retry this failure: no more failure notifications for it. */
  retryRequestedAt?: number;
  /** When it started on this machine's clock: `createdAt`, clamped to no later than any sighting (see deploymentClock.ts). */
  startedAt?: number;
  /** When it started by ARM's reported running time (the latest read's `at − duration`): preferred once known. */
  armStartedAt?: number;
  /** ARM could not be read (signed out, unreachable, throttled) since this time; cleared by ARM's next answer. */
  unchecked?: { since: number; reason: string };
  /** The profile went missing (another window's stale write) and was saved again: done once only. */
  profileRestoredAt?: number;
  /** The user removed the profile: it is not brought back. */
  profileRemovedAt?: number;
  /** The PUT got no answer (5xx after retries, reset, timeout): ARM may have it; reads decide. */
  startOutcomeUnknown?: { at: number; reason: string };
  /** The user asked ARM to cancel the deployment, and what ARM answered so far. */
  cancellation?: Cancellation;
  /** ARM failed an attempt with a temporary error, and the deployment is sent again (transientRetry.ts). */
  transientRetry?: TransientRetry;
  audit: AuditEntry[];
}

/**
 * The attempts ARM failed with a temporary error, and the next one. Kept once the deployment ends,
 * so its failure can say how often it was tried.
 */
export interface TransientRetry {
  /** How many attempts ARM failed with a temporary error. */
  failedAttempts: number;
  /** ARM's error of the last of them. */
  error: ArmErrorSummary;
  /** When the next attempt is sent: at the first read of ARM from then on. */
  retryAt: number;
  /**
   * When the next attempt was sent (or ARM was first seen running it): its start on this machine's
   * clock, until ARM reports its running time. Unset while the deployment waits to send it.
   */
  resubmittedAt?: number;
  /** This session sent the next attempt and waits for ARM's answer to its PUT: reads do not decide meanwhile. */
  answerAwaited?: boolean;
}

/**
 * A cancel request: ARM's answer decides whether it is sent again (no answer yet), and a refusal
 * is kept to be shown. It never ends the deployment itself: only a read saying Canceled does.
 */
export interface Cancellation {
  requestedAt: number;
  acceptedAt?: number;
  refused?: ArmErrorSummary;
  unanswered?: { at: number; reason: string };
}

export const AUDIT_LIMIT = 50;
export const DEPLOYMENT_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const FAILURE_NOTIFICATION_WINDOW_MS = 24 * 60 * 60 * 1000;
