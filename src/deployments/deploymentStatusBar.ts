import { distinctUntilChanged, map, type Observable, type Subscription } from 'rxjs';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { isActive, provisioningText } from './deploymentItems';
import { DEPLOYMENT_COMMANDS } from '../commandIds';

/** The part of vscode.StatusBarItem this uses. */
export interface StatusBarLike {
  text: string;
  tooltip: unknown;
  command: unknown;
  show(): void;
  hide(): void;
}

/** Shown only while something deploys; a click opens the Deployments view. */
export function bindDeploymentStatusBar(item: StatusBarLike, deployments$: Observable<readonly DeploymentView[]>): Subscription {
  item.command = DEPLOYMENT_COMMANDS.showDeployments;
  item.tooltip = 'Azure PostgreSQL Flexible Server deployments in progress — show them';
  return deployments$
    .pipe(
      map((views) => views.filter(isActive).length),
      distinctUntilChanged(),
    )
    .subscribe((active) => {
      if (active === 0) {
        item.hide();
        return;
      }
      item.text = `$(sync~spin) ${provisioningText(active)}`;
      item.show();
    });
}
