import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentRef } from './deploymentRef';

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
