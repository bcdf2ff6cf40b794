import type { Observable } from 'rxjs';
import type { DeploymentView } from '../../machines/webview/deploymentView';

/** What the deployment views and commands use of FlexDeploymentTracker. */
export interface DeploymentTrackerPort {
  readonly deployments$: Observable<readonly DeploymentView[]>;
  getDeployment(stagingId: string): DeploymentView | undefined;
  dismiss(stagingId: string): Promise<void>;
  retry(stagingId: string): Promise<void>;
  /** Rejects when it cannot (another window works on it): the user is told why. */
  cancel(stagingId: string): Promise<void>;
  clearAll(): Promise<void>;
  reportDashboardOpened(stagingId: string): Promise<void>;
}
