import { map, of, switchMap, timer, type Observable } from 'rxjs';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { deploymentItems, isActive, type DeploymentItem } from './deploymentItems';

const TICK_MS = 1000;

/**
 * The Deployments view's rows as a stream: a new list whenever the tracker reports a change, and
 * once a second while anything is active so the elapsed time moves. No timer runs when all are done.
 */
export function deploymentItems$(deployments$: Observable<readonly DeploymentView[]>, now: () => number, retentionDays: () => number): Observable<DeploymentItem[]> {
  return deployments$.pipe(
    switchMap((views) => (views.some(isActive) ? timer(0, TICK_MS).pipe(map(() => views)) : of(views))),
    map((views) => deploymentItems(views, now(), retentionDays())),
  );
}
