import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';

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
