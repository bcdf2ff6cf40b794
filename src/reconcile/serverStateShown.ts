import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { groupShown, sameSubscription } from '../../machines/connections/serverLocation';
import { isStopped, type ServerCheck } from './serverCheck';
import { serverKey, type ServerTarget } from './serverReconciler';

/** The server a succeeded deployment created, as ARM names it. */
export function serverOfDeployment(d: Pick<DeploymentContext, 'tenantId' | 'subscriptionId' | 'resourceGroupName' | 'serverName'>): ServerTarget {
  return { tenantId: d.tenantId, subscriptionId: d.subscriptionId, resourceGroup: d.resourceGroupName, serverName: d.serverName };
}

/** How a succeeded deployment's row shows what Azure last said about its server. */
export interface ServerStateShown {
  /** Leads the row's description, where a narrow side bar still shows it: "Server deleted in Azure". */
  description: string;
  tooltip: string;
  icon: 'warning' | 'debug-pause' | 'arrow-swap';
  /** Appended to the row's contextValue, for the menus: Remove Saved Connection, Start Server, Update Saved Connection. */
  context: '.serverGone' | '.serverStopped' | '.serverMoved';
}

/**
 * Nothing is shown for a server found running (the row stays "Succeeded") or never checked; a
 * server gone, moved or stopped says so, with when Azure said it.
 */
export function serverStateShown(d: Pick<DeploymentContext, 'serverName' | 'resourceGroupName' | 'subscriptionId'>, check: ServerCheck | undefined): ServerStateShown | undefined {
  if (check?.kind === 'deleted') {
    return {
      description: 'Server deleted in Azure',
      tooltip: `Azure has no server '${d.serverName}' in resource group '${d.resourceGroupName}' any more (${check.code}, checked ${new Date(check.at).toLocaleString()}): it was deleted or moved outside VS Code. Remove its saved connection, or look for it in the Azure Portal.`,
      icon: 'warning',
      context: '.serverGone',
    };
  }
  if (check?.kind === 'moved') {
    const otherSubscription = !sameSubscription(check, d);
    const before = { subscriptionId: d.subscriptionId, resourceGroup: d.resourceGroupName };
    return {
      description: `Server moved to '${check.resourceGroup}'${otherSubscription ? ` in '${check.subscriptionName ?? check.subscriptionId}'` : ''}`,
      tooltip: `Azure has '${d.serverName}' in ${groupShown(check, before)} now, no longer in ${groupShown(before, check)} (checked ${new Date(check.at).toLocaleString()}): it was moved outside VS Code. Its saved connection still connects (the name is the same); Update Saved Connection makes its dashboard and firewall rules follow the move.`,
      icon: 'arrow-swap',
      context: '.serverMoved',
    };
  }
  if (check && isStopped(check)) {
    return {
      description: 'Server stopped',
      tooltip: `The server '${d.serverName}' is stopped in Azure (checked ${new Date(check.at).toLocaleString()}): nothing can connect to it until it is started.`,
      icon: 'debug-pause',
      context: '.serverStopped',
    };
  }
  return undefined;
}

/** The last answer about a deployment's server, from the reconciler's map. */
export function checkOfDeployment(known: ReadonlyMap<string, ServerCheck>, d: Parameters<typeof serverOfDeployment>[0]): ServerCheck | undefined {
  return known.get(serverKey(serverOfDeployment(d)));
}
