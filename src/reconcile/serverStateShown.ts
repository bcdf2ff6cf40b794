import * as l10n from '../../machines/l10n';
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
      description: l10n.t('Server deleted in Azure'),
      tooltip: l10n.t(
        "Azure has no server '{0}' in resource group '{1}' any more ({2}, checked {3}): it was deleted or moved outside VS Code. Remove its saved connection, or look for it in the Azure Portal.",
        d.serverName,
        d.resourceGroupName,
        check.code,
        l10n.formatDateTime(check.at),
      ),
      icon: 'warning',
      context: '.serverGone',
    };
  }
  if (check?.kind === 'moved') {
    const otherSubscription = !sameSubscription(check, d);
    const before = { subscriptionId: d.subscriptionId, resourceGroup: d.resourceGroupName };
    return {
      description: otherSubscription
        ? l10n.t("Server moved to '{0}' in '{1}'", check.resourceGroup, check.subscriptionName ?? check.subscriptionId)
        : l10n.t("Server moved to '{0}'", check.resourceGroup),
      tooltip: l10n.t(
        "Azure has '{0}' in {1} now, no longer in {2} (checked {3}): it was moved outside VS Code. Its saved connection still connects (the name is the same); Update Saved Connection makes its dashboard and firewall rules follow the move.",
        d.serverName,
        groupShown(check, before),
        groupShown(before, check),
        l10n.formatDateTime(check.at),
      ),
      icon: 'arrow-swap',
      context: '.serverMoved',
    };
  }
  if (check && isStopped(check)) {
    return {
      description: l10n.t('Server stopped'),
      tooltip: l10n.t("The server '{0}' is stopped in Azure (checked {1}): nothing can connect to it until it is started.", d.serverName, l10n.formatDateTime(check.at)),
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
