import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import type { ConnectionProfile } from '../connections/connectionProfile';
import type { ServerActions } from '../reconcile/serverActions';
import type { ServerChecks } from '../reconcile/serverReconciler';
import { serverOfDeployment } from '../reconcile/serverStateShown';
import { builtServer, shownDeployments } from './deploymentItems';

/** What the Deployments view uses to reconcile succeeded deployments with Azure. */
export interface DeploymentServers {
  checks: ServerChecks;
  actions: ServerActions;
  /** The saved connection of a deployment, if it is still there. */
  profileOf(deployment: Readonly<DeploymentContext>): ConnectionProfile | undefined;
}

/**
 * Asks Azure about the server of each succeeded deployment the view shows (the retention window's),
 * one GET per server however many rows or asks: the reconciler joins a GET already under way.
 */
export async function checkShownServers(views: readonly DeploymentView[], checks: ServerChecks, now: number, retentionDays: number): Promise<void> {
  const built = shownDeployments(views, now, retentionDays).filter(builtServer);
  await Promise.all(built.map((v) => checks.check(serverOfDeployment(v.context))));
}
