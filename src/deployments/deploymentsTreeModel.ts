import { combineLatest, map, of, switchMap, timer, type Observable } from 'rxjs';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import type { ServerCheck } from '../reconcile/serverCheck';
import { deploymentItems, isActive, type DeploymentItem } from './deploymentItems';

const TICK_MS = 1000;

/**
 * The Deployments view's rows as a stream: a new list whenever the tracker reports a change or
 * Azure answers about a server, and once a second while anything is active so the elapsed time
 * moves. No timer runs when all are done.
 */
export function deploymentItems$(
  deployments$: Observable<readonly DeploymentView[]>,
  now: () => number,
  retentionDays: () => number,
  servers$: Observable<ReadonlyMap<string, ServerCheck>> = of(new Map()),
): Observable<DeploymentItem[]> {
  return combineLatest([deployments$, servers$]).pipe(
    switchMap(([views, servers]) => (views.some(isActive) ? timer(0, TICK_MS).pipe(map(() => [views, servers] as const)) : of([views, servers] as const))),
    map(([views, servers]) => deploymentItems(views, now(), retentionDays(), servers)),
  );
}
