import { BehaviorSubject } from 'rxjs';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import type { DeploymentTrackerPort } from '../../src/deployments/deploymentTrackerPort';

/** The tracker's public surface in memory, recording what the views ask of it. */
export class FakeDeploymentTracker implements DeploymentTrackerPort {
  readonly subject: BehaviorSubject<readonly DeploymentView[]>;
  readonly deployments$;
  readonly retried: string[] = [];
  readonly dismissed: string[] = [];
  readonly dashboardsOpened: string[] = [];
  cleared = 0;

  constructor(contexts: DeploymentContext[] = []) {
    this.subject = new BehaviorSubject<readonly DeploymentView[]>(contexts.map(view));
    this.deployments$ = this.subject.asObservable();
  }

  set(contexts: DeploymentContext[]): void {
    this.subject.next(contexts.map(view));
  }

  getDeployment(stagingId: string): DeploymentView | undefined {
    return this.subject.value.find((v) => v.context.stagingId === stagingId);
  }

  async dismiss(stagingId: string): Promise<void> {
    this.dismissed.push(stagingId);
    this.subject.next(this.subject.value.filter((v) => v.context.stagingId !== stagingId));
  }

  /** When set, Retry is refused with this error, as when another window works on the deployment. */
  retryRefusal: Error | undefined;

  async retry(stagingId: string): Promise<void> {
    if (this.retryRefusal) throw this.retryRefusal;
    this.retried.push(stagingId);
  }

  readonly canceled: string[] = [];
  /** When set, Cancel fails with this error (the journal could not be written, say). */
  cancelRefusal: Error | undefined;
  /** When set, another window owns the deployment and is asked instead. */
  ownedElsewhere = false;

  async cancel(stagingId: string): Promise<'sent' | 'askedOwner'> {
    if (this.cancelRefusal) throw this.cancelRefusal;
    if (this.ownedElsewhere) return 'askedOwner';
    this.canceled.push(stagingId);
    return 'sent';
  }

  async reportDashboardOpened(stagingId: string): Promise<void> {
    this.dashboardsOpened.push(stagingId);
  }

  async clearAll(): Promise<void> {
    this.cleared++;
    this.subject.next([]);
  }
}

function view(context: DeploymentContext): DeploymentView {
  return { value: context.status === 'succeeded' ? { succeeded: 'profileCreated' } : context.status, context };
}
