import * as l10n from '../../machines/l10n';
import { distinctUntilChanged, map, type Observable, type Subscription } from 'rxjs';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { isActive, provisioningText, stillIf } from './deploymentItems';
import { DEPLOYMENT_COMMANDS } from '../commandIds';

/** The part of vscode.StatusBarItem this uses. */
export interface StatusBarLike {
  text: string;
  tooltip: unknown;
  command: unknown;
  show(): void;
  hide(): void;
}

/**
 * Shown only while something deploys; a click opens the Deployments view. `reducesMotion` is read
 * at each change, so a user who turns it on mid-deployment gets a still icon from the next one.
 */
export function bindDeploymentStatusBar(item: StatusBarLike, deployments$: Observable<readonly DeploymentView[]>, reducesMotion: () => boolean): Subscription {
  item.command = DEPLOYMENT_COMMANDS.showDeployments;
  item.tooltip = l10n.t('Azure PostgreSQL Flexible Server deployments in progress — show them');
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
      item.text = `$(${stillIf(reducesMotion(), 'sync~spin')}) ${provisioningText(active)}`;
      item.show();
    });
}
