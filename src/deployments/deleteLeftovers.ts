import * as l10n from '../../machines/l10n';
import { leftoverPlan, mayDeleteGroup, type LeftoverPlan } from '../../machines/flexDeployment/leftoverResources';
import { offersRetry, type DeploymentView } from '../../machines/webview/deploymentView';
import type { LeftoverResources } from '../azure/armLeftoverResources';
import { classifyArmError } from '../azure/armErrors';
import { describeArmFailure } from '../dashboard/armActionFailure';
import type { Notifier } from '../notifications/notifier';
import { deploymentRefOf } from '../services/flexDeployment/deploymentRef';

/** The confirmation's button: nothing is deleted unless the user picks it. */
export const DELETE_LEFTOVERS = l10n.t('Delete');

export interface DeleteLeftoversDeps {
  leftovers: LeftoverResources;
  notifier: Pick<Notifier, 'confirm' | 'info' | 'error' | 'withProgress'>;
  /** What was deleted, for the log. */
  log(message: string): void;
}

/**
 * Offered where Retry is (a failed or canceled deployment not retried yet), and for the same
 * reason it stops there: a retry may create a server of the same name in the same group, which
 * this deployment's operations would then seem to name.
 */
export function offersLeftoverDeletion(view: DeploymentView): boolean {
  return offersRetry(view);
}

/** The next step of a denied deletion: the role to ask for. */
function askForDeleteRole(): string {
  return l10n.t('Ask an owner of the server or its resource group for a role that may delete resources in that group (such as Contributor), then try again.');
}

/**
 * "Delete Leftover Resources…": finds what the deployment created and is still there, names it in a
 * modal confirmation, deletes the server, then the group if Create made it and it is empty, and
 * says what happened. Nothing else is touched; a second run finds nothing left.
 */
export async function deleteLeftovers(view: DeploymentView, deps: DeleteLeftoversDeps): Promise<void> {
  const { notifier } = deps;
  const d = view.context;
  if (!offersLeftoverDeletion(view)) {
    void notifier.info(l10n.t("Leftover resources are deleted only after a failed or canceled deployment that was not retried; the deployment of '{0}' is not one.", d.serverName));
    return;
  }
  const scope = { tenantId: d.tenantId, subscriptionId: d.subscriptionId, resourceGroupName: d.resourceGroupName };
  let found: { plan: LeftoverPlan; groupEmptyNow: boolean };
  try {
    found = await notifier.withProgress(l10n.t("Looking for what the deployment of '{0}' left…", d.serverName), async () => {
      const [evidence, serverExists] = await Promise.all([deps.leftovers.createdEvidence(deploymentRefOf(d)), deps.leftovers.serverExists(scope, d.serverName)]);
      const plan = leftoverPlan(d, evidence, serverExists);
      // Without a server to delete first, the group is offered only if it is already empty.
      const resources = plan.createdGroup && !plan.server ? await groupResources(deps.leftovers, scope) : undefined;
      return { plan, groupEmptyNow: resources !== undefined && mayDeleteGroup(plan, resources) };
    });
  } catch (error) {
    const failure = describeArmFailure(error, l10n.t("Could not read what the deployment of '{0}' created", d.serverName), d.serverName, askForDeleteRole());
    void notifier.error(`${failure.message} ${failure.nextStep}`);
    return;
  }
  const { plan, groupEmptyNow } = found;
  if (!plan.server && !groupEmptyNow) {
    void notifier.info(l10n.t("Nothing the deployment of '{0}' created is left in Azure: there is nothing to delete.", d.serverName));
    return;
  }
  if (!(await notifier.confirm(l10n.t("Delete what the deployment of '{0}' left in Azure?", d.serverName), confirmationDetail(plan), DELETE_LEFTOVERS))) return;

  let deletedServer: string | undefined;
  let deletedGroup: string | undefined;
  let couldNot = '';
  try {
    const keptGroup = await notifier.withProgress(l10n.t("Deleting the leftover resources of '{0}'…", d.serverName), async () => {
      if (plan.server) {
        couldNot = l10n.t("Could not delete the flexible server '{0}'", plan.server.name);
        await deps.leftovers.deleteServer(scope, plan.server);
        deletedServer = plan.server.name;
        deps.log(`Leftovers: deleted the flexible server '${plan.server.name}' (resource group '${plan.server.resourceGroupName}') that the failed deployment '${d.deploymentName}' created.`);
      }
      if (!plan.createdGroup) return undefined;
      couldNot = l10n.t("Could not delete the resource group '{0}'", plan.createdGroup);
      const remaining = await groupResources(deps.leftovers, scope);
      if (remaining === undefined) return undefined;
      if (!mayDeleteGroup(plan, remaining)) return remaining.length;
      await deps.leftovers.deleteGroup(scope);
      deletedGroup = plan.createdGroup;
      deps.log(`Leftovers: deleted the resource group '${plan.createdGroup}' that the deployment '${d.deploymentName}' created, empty once its server was gone.`);
      return undefined;
    });
    void notifier.info([deletedMessage(deletedServer, deletedGroup), keptMessage(plan.createdGroup, keptGroup)].filter(Boolean).join(' '));
  } catch (error) {
    const failure = describeArmFailure(error, couldNot, d.serverName, askForDeleteRole());
    // Only the server can have gone before a failure: the group is deleted last.
    const message = deletedServer ? l10n.t("{0} The flexible server '{1}' was deleted.", failure.message, deletedServer) : failure.message;
    void notifier.error(`${message} ${failure.nextStep}`);
  }
}

/** The ids of what is in the group, or undefined when the group is gone already. */
async function groupResources(leftovers: LeftoverResources, scope: Parameters<LeftoverResources['resourcesInGroup']>[0]): Promise<string[] | undefined> {
  try {
    return await leftovers.resourcesInGroup(scope);
  } catch (error) {
    if (classifyArmError(error).kind === 'notFound') return undefined;
    throw error;
  }
}

function deletedMessage(server: string | undefined, group: string | undefined): string {
  if (server && group) return l10n.t("Deleted the flexible server '{0}' and the resource group '{1}'.", server, group);
  if (server) return l10n.t("Deleted the flexible server '{0}'.", server);
  // The empty group offered went away meanwhile (deleted in the portal): nothing was left to do here.
  return group ? l10n.t("Deleted the resource group '{0}'.", group) : l10n.t('Nothing was deleted: what the deployment left is gone from Azure already.');
}

function keptMessage(group: string | undefined, others: number | undefined): string {
  if (others === undefined) return '';
  return others === 1 ? l10n.t("The resource group '{0}' was kept: 1 other resource is in it.", group ?? '') : l10n.t("The resource group '{0}' was kept: {1} other resources are in it.", group ?? '', others);
}

function confirmationDetail(plan: LeftoverPlan): string {
  const lines = [];
  if (plan.server) lines.push(l10n.t("• the flexible server '{0}' in resource group '{1}', with its firewall rules and databases", plan.server.name, plan.server.resourceGroupName));
  if (plan.createdGroup) {
    lines.push(plan.server
      ? l10n.t("• the resource group '{0}', which this deployment created, if nothing else is in it then", plan.createdGroup)
      : l10n.t("• the resource group '{0}', which this deployment created (it is empty)", plan.createdGroup));
  }
  return `${l10n.t('This deletes:')}\n${lines.join(';\n')}.\n${l10n.t('Nothing else is touched. This cannot be undone.')}`;
}
