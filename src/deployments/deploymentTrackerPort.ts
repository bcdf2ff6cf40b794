import type { Observable } from 'rxjs';
import type { DeploymentView } from '../../machines/webview/deploymentView';

/** What the deployment views and commands use of FlexDeploymentTracker. */
export interface DeploymentTrackerPort {
  readonly deployments$: Observable<readonly DeploymentView[]>;
  getDeployment(stagingId: string): DeploymentView | undefined;
  dismiss(stagingId: string): Promise<void>;
  retry(stagingId: string): Promise<void>;
  /** Cancels as the owner, or asks the window that owns the deployment to. */
  cancel(stagingId: string): Promise<'sent' | 'askedOwner'>;
  clearAll(): Promise<void>;
  reportDashboardOpened(stagingId: string): Promise<void>;
}
