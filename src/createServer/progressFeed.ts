import type { Subscription } from 'rxjs';
import type { DeploymentOperationView } from '../../machines/flexDeployment/catalog';
import { estimateDuration, pastDeploymentOf, tierOf } from '../../machines/flexDeployment/deploymentDurations';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { progressHeadline } from '../../machines/webview/progressHeadline';
import type { AzureCatalog } from '../azure/azureCatalog';
import { deploymentRefOf } from '../services/flexDeployment/deploymentRef';
import type { CreateServerLog, CreatePanelTracker, Listener, PanelPort } from './ports';
import { errorMessage } from '../../machines/errorMessage';

export interface ProgressFeedDeps {
  tracker: CreatePanelTracker;
  catalog: Pick<AzureCatalog, 'listDeploymentOperations'>;
  log: CreateServerLog;
}

/**
 * Mirrors one deployment into its panel, the tab's title included. ARM's deployment operations
 * (the stepper's detail) are read only while the panel is visible and at most once per tracker
 * update — the tracker's own poll paces them, so the stepper never adds a poll loop of its own —
 * plus one last read once the deployment has ended, for the final timestamps. When the tracker
 * lets go of the deployment (dismissed, cleared, here or in another window), the panel is told,
 * so it offers nothing the host would refuse.
 */
export class ProgressFeed implements Listener {
  private view: DeploymentView | undefined;
  private operations: DeploymentOperationView[] = [];
  private history: readonly DeploymentView[] = [];
  private reading = false;
  private readAgain = false;
  private finalReadDone = false;
  private disposed = false;
  private untracked = false;
  private readonly subscription: Subscription;
  private readonly visibility: Listener;

  constructor(
    private readonly stagingId: string,
    private readonly panel: PanelPort,
    private readonly deps: ProgressFeedDeps,
  ) {
    this.subscription = deps.tracker.deployments$.subscribe((all) => this.onDeployments(all));
    this.subscription.add(
      deps.tracker.deployment$(stagingId).subscribe({
        next: (view) => this.onUpdate(view),
        error: (err: unknown) => deps.log.error(`Progress of ${stagingId} stopped: ${errorMessage(err)}`),
      }),
    );
    this.visibility = panel.onDidChangeVisibility((visible) => {
      if (visible && this.view && !this.untracked) this.onUpdate(this.view);
    });
  }

  /** The webview (re)loaded: give it the latest without asking ARM again. */
  repost(): void {
    if (this.view) this.post(this.view);
    if (this.untracked) this.postUntracked();
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.unsubscribe();
    this.visibility.dispose();
  }

  private onDeployments(all: readonly DeploymentView[]): void {
    this.history = all;
    // The tracker's stream of one deployment falls silent when its record goes: the list it left
    // is the only word of that. Until the first view, the list may not have caught up yet.
    const gone = this.view && !all.some((v) => v.context.stagingId === this.stagingId) && !this.deps.tracker.getDeployment(this.stagingId);
    if (!gone || this.untracked) return;
    this.untracked = true;
    this.postUntracked();
  }

  private postUntracked(): void {
    if (this.disposed || !this.view) return;
    this.panel.setTitle(progressHeadline(this.view, false));
    void this.panel.postMessage({ type: 'progress.unknown', stagingId: this.stagingId });
  }

  private onUpdate(view: DeploymentView): void {
    this.view = view;
    // Back after all (another window's record read again): live again.
    this.untracked = false;
    this.post(view);
    // readOperations logs its own failures; the stepper keeps what it showed.
    if (this.panel.visible && this.needsOperations(view)) this.readOperations().catch(() => undefined);
  }

  /** ARM lists operations once it has accepted the deployment: while it builds, then once more after. */
  private needsOperations(view: DeploymentView): boolean {
    if (stateHasTag(view.value, 'building')) return true;
    return !stateHasTag(view.value, 'running') && !this.finalReadDone;
  }

  private async readOperations(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    const view = this.view;
    if (!view) return;
    this.reading = true;
    try {
      const terminal = !stateHasTag(view.value, 'building');
      this.operations = await this.deps.catalog.listDeploymentOperations(deploymentRefOf(view.context));
      if (terminal) this.finalReadDone = true;
      // A read that outlived the deployment's record must not bring its buttons back.
      if (!this.disposed && this.view && !this.untracked) this.post(this.view);
    } catch (err) {
      this.deps.log.warn(`Could not read the deployment operations of ${this.stagingId}: ${errorMessage(err)}`);
    } finally {
      this.reading = false;
    }
    if (this.readAgain && !this.disposed && this.panel.visible && this.view && this.needsOperations(this.view)) {
      this.readAgain = false;
      await this.readOperations();
    }
  }

  private post(view: DeploymentView): void {
    if (this.disposed) return;
    this.panel.setTitle(progressHeadline(view));
    const { context } = view;
    const estimate = estimateDuration(
      this.history.filter((h) => h.context.stagingId !== this.stagingId).map((h) => pastDeploymentOf(h.context)),
      { location: context.location, tier: tierOf(context) },
    );
    void this.panel.postMessage({
      type: 'progress.update',
      stagingId: this.stagingId,
      deployment: view,
      operations: this.operations,
      ...(estimate ? { estimate } : {}),
    });
  }
}
