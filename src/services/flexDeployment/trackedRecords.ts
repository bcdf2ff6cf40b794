import { BehaviorSubject, distinctUntilChanged, filter, map, type Observable } from 'rxjs';
import { stateValueOf } from '../../../machines/flexDeployment/deploymentStates';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import { isUnfinished, needsArmRead } from './activationPlan';
import { sameRecord, toContext, type DeploymentRecord } from './deploymentRecord';

/**
 * Every deployment record this window knows (its own and other windows'), and the views derived
 * from them. Views are published once per tick, however many records changed in it, and a record
 * stored again unchanged (another window's write read back) publishes nothing: a view that emits is
 * a view that changed, which is what paces the progress panel's ARM reads.
 */
export class TrackedRecords {
  private readonly records = new Map<string, DeploymentRecord>();
  /** The records still owing work, kept apart so a poll cycle's cost follows them, not the history. */
  private readonly unfinishedRecords = new Map<string, DeploymentRecord>();
  private readonly views = new WeakMap<DeploymentRecord, DeploymentView>();
  private readonly views$ = new BehaviorSubject<readonly DeploymentView[]>([]);
  private readonly active = new BehaviorSubject(false);
  private publishQueued = false;
  private settledChanges = 0;

  readonly deployments$: Observable<readonly DeploymentView[]> = this.views$.asObservable();
  /** Whether anything needs ARM read: what keeps the poll stream alive. */
  readonly active$: Observable<boolean> = this.active.asObservable();

  get(stagingId: string): DeploymentRecord | undefined {
    return this.records.get(stagingId);
  }

  has(stagingId: string): boolean {
    return this.records.has(stagingId);
  }

  ids(): string[] {
    return [...this.records.keys()];
  }

  all(): DeploymentRecord[] {
    return [...this.records.values()];
  }

  /** Changes whenever the settled history may have: what derived from it can be kept until then. */
  historyVersion(): number {
    return this.settledChanges;
  }

  /** The records still owing work (reading ARM, or saving a profile). */
  unfinished(): DeploymentRecord[] {
    return [...this.unfinishedRecords.values()];
  }

  /** Returns whether the record changed; one stored again unchanged is left as it was. */
  set(record: DeploymentRecord): boolean {
    const known = this.records.get(record.stagingId);
    if (known && sameRecord(known, record)) return false;
    this.records.set(record.stagingId, record);
    if (isUnfinished(record)) {
      this.unfinishedRecords.set(record.stagingId, record);
      // A settled record stored again unfinished (another window's copy of it) leaves the history.
      if (known && !isUnfinished(known)) this.settledChanges++;
    } else {
      this.unfinishedRecords.delete(record.stagingId);
      this.settledChanges++;
    }
    this.publish();
    return true;
  }

  delete(stagingId: string): void {
    this.unfinishedRecords.delete(stagingId);
    if (this.records.delete(stagingId)) {
      this.settledChanges++;
      this.publish();
    }
  }

  clear(): void {
    this.settledChanges++;
    this.records.clear();
    this.unfinishedRecords.clear();
    this.publish();
  }

  view(stagingId: string): DeploymentView | undefined {
    const record = this.records.get(stagingId);
    return record && this.viewOf(record);
  }

  view$(stagingId: string): Observable<DeploymentView> {
    return this.views$.pipe(
      map((views) => views.find((v) => v.context.stagingId === stagingId)),
      filter((v): v is DeploymentView => v !== undefined),
      distinctUntilChanged(),
    );
  }

  private publish(): void {
    if (this.publishQueued) return;
    this.publishQueued = true;
    queueMicrotask(() => {
      this.publishQueued = false;
      this.active.next([...this.unfinishedRecords.values()].some(needsArmRead));
      this.views$.next([...this.records.values()].map((r) => this.viewOf(r)));
    });
  }

  /** One view object per record object, so an unchanged record keeps an identical view. */
  private viewOf(record: DeploymentRecord): DeploymentView {
    let view = this.views.get(record);
    if (!view) {
      view = { value: stateValueOf(record.state), context: toContext(record) };
      this.views.set(record, view);
    }
    return view;
  }
}
