import { durationOf } from '../../machines/flexDeployment/deploymentClock';
import type { AuthenticationMode, RetryableRequest } from '../../machines/flexDeployment/retryableRequest';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';

/**
 * Every telemetry event the extension sends, with every property it may carry: nothing else is
 * sent. No name of a server, resource group, deployment, login or principal, no subscription or
 * tenant id, no address and no secret. `deploymentId` is the record's random staging id, which
 * only ties one deployment's events together. Strings are either chosen from fixed sets or
 * checked against a fixed pattern, so a free-text field cannot slip a name in.
 */
export interface TelemetryEvents {
  'deployment/staged': {
    properties: { deploymentId: string; tier: RetryableRequest['tier'] | 'unknown'; postgresVersion: string; authenticationMode: AuthenticationMode | 'unknown'; resourceGroup: 'new' | 'existing' };
    measurements: { storageSizeGB: number };
  };
  /** ARM took the PUT (or reads found the deployment after the answer was lost). */
  'deployment/accepted': { properties: { deploymentId: string }; measurements: { secondsSinceStaged: number } };
  /** ARM failed an attempt with a temporary error; the deployment is sent again after `secondsUntilRetry`. */
  'deployment/retryScheduled': { properties: { deploymentId: string; errorCode: string }; measurements: { failedAttempts: number; secondsUntilRetry: number } };
  /** `transientRetries`: how many attempts ARM failed with a temporary error before this end. */
  'deployment/ended': { properties: { deploymentId: string; status: string; errorCode: string }; measurements: { durationSeconds: number; transientRetries: number } };
  /** Background polling found no usable Azure session and asked the user to sign in. */
  'polling/signInNeeded': { properties: Record<string, never>; measurements: { deploymentsWaiting: number } };
}

export type TelemetryEventName = keyof TelemetryEvents;

export type EventOf<N extends TelemetryEventName> = { name: N } & TelemetryEvents[N];

export type TelemetryEvent = { [N in TelemetryEventName]: EventOf<N> }[TelemetryEventName];

/** ARM's codes are identifiers (`QuotaExceeded`, `RequestDisallowedByPolicy`); anything else is not sent. */
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9_.]{0,99}$/;
const POSTGRES_VERSION = /^\d{1,3}(\.\d{1,3})?$/;

export function stagedEvent(d: Readonly<DeploymentContext>): EventOf<'deployment/staged'> {
  const request = d.request;
  return {
    name: 'deployment/staged',
    properties: {
      deploymentId: d.stagingId,
      tier: request?.tier ?? 'unknown',
      postgresVersion: request && POSTGRES_VERSION.test(request.version) ? request.version : 'unknown',
      authenticationMode: request?.authenticationMode ?? 'unknown',
      resourceGroup: request?.resourceGroup.isNew ? 'new' : 'existing',
    },
    measurements: { storageSizeGB: request?.storageSizeGB ?? 0 },
  };
}

export function acceptedEvent(d: Readonly<DeploymentContext>, now: number): EventOf<'deployment/accepted'> {
  return { name: 'deployment/accepted', properties: { deploymentId: d.stagingId }, measurements: { secondsSinceStaged: seconds(now - d.createdAt) } };
}

export function retryScheduledEvent(d: Readonly<DeploymentContext>, now: number): EventOf<'deployment/retryScheduled'> {
  const retry = d.transientRetry;
  return {
    name: 'deployment/retryScheduled',
    properties: { deploymentId: d.stagingId, errorCode: errorCode(retry?.error.code) },
    measurements: { failedAttempts: retry?.failedAttempts ?? 0, secondsUntilRetry: seconds((retry?.retryAt ?? now) - now) },
  };
}

export function endedEvent(d: Readonly<DeploymentContext>): EventOf<'deployment/ended'> {
  return {
    name: 'deployment/ended',
    properties: { deploymentId: d.stagingId, status: d.status, errorCode: errorCode(d.armError?.code) },
    measurements: { durationSeconds: seconds(durationOf(d, d.terminalAt ?? d.createdAt)), transientRetries: d.transientRetry?.failedAttempts ?? 0 },
  };
}

function errorCode(code: string | undefined): string {
  return code === undefined ? '' : ERROR_CODE.test(code) ? code : 'Unrecognized';
}

export function signInNeededEvent(deploymentsWaiting: number): EventOf<'polling/signInNeeded'> {
  return { name: 'polling/signInNeeded', properties: {}, measurements: { deploymentsWaiting } };
}

function seconds(ms: number): number {
  return Math.max(0, Math.round(ms / 1000));
}
