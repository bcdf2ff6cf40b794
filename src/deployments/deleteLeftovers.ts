import { leftoverPlan, mayDeleteGroup, type LeftoverPlan } from '../../machines/flexDeployment/leftoverResources';
import { offersRetry, type DeploymentView } from '../../machines/webview/deploymentView';
import type { LeftoverResources } from '../azure/armLeftoverResources';
import { classifyArmError } from '../azure/armErrors';
import { describeArmFailure } from '../dashboard/armActionFailure';
import type { Notifier } from '../notifications/notifier';
import { deploymentRefOf } from '../services/flexDeployment/deploymentRef';

/** The confirmation's button: nothing is deleted unless the user picks it. */
export const DELETE_LEFTOVERS = 'Delete';

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

const RIGHT = 'delete resources in that group';

/**
 * "Delete Leftover Resources…": finds what the deployment created and is still there, names it in a
 * modal confirmation, deletes the server, then the group if Create made it and it is empty, and
 * says what happened. Nothing else is touched; a second run finds nothing left.
 */
export async function deleteLeftovers(view: DeploymentView, deps: DeleteLeftoversDeps): Promise<void> {
  const { notifier } = deps;
  const d = view.context;
  if (!offersLeftoverDeletion(view)) {
    void notifier.info(`Leftover resources are deleted only after a failed or canceled deployment that was not retried; the deployment of '${d.serverName}' is not one.`);
    return;
  }
  const scope = { tenantId: d.tenantId, subscriptionId: d.subscriptionId, resourceGroupName: d.resourceGroupName };
  let found: { plan: LeftoverPlan; groupEmptyNow: boolean };
  try {
    found = await notifier.withProgress(`Looking for what the deployment of '${d.serverName}' left…`, async () => {
      const [evidence, serverExists] = await Promise.all([deps.leftovers.createdEvidence(deploymentRefOf(d)), deps.leftovers.serverExists(scope, d.serverName)]);
      const plan = leftoverPlan(d, evidence, serverExists);
      // Without a server to delete first, the group is offered only if it is already empty.
      const resources = plan.createdGroup && !plan.server ? await groupResources(deps.leftovers, scope) : undefined;
      return { plan, groupEmptyNow: resources !== undefined && mayDeleteGroup(plan, resources) };
    });
  } catch (error) {
    const failure = describeArmFailure(error, `read what the deployment of '${d.serverName}' created`, d.serverName, RIGHT);
    void notifier.error(`${failure.message} ${failure.nextStep}`);
    return;
  }
  const { plan, groupEmptyNow } = found;
  if (!plan.server && !groupEmptyNow) {
    void notifier.info(`Nothing the deployment of '${d.serverName}' created is left in Azure: there is nothing to delete.`);
    return;
  }
  if (!(await notifier.confirm(`Delete what the deployment of '${d.serverName}' left in Azure?`, confirmationDetail(plan), DELETE_LEFTOVERS))) return;

  const done: string[] = [];
  let step = '';
  try {
    const keptGroup = await notifier.withProgress(`Deleting the leftover resources of '${d.serverName}'…`, async () => {
      if (plan.server) {
        step = `delete the flexible server '${plan.server.name}'`;
        await deps.leftovers.deleteServer(scope, plan.server);
        done.push(`the flexible server '${plan.server.name}'`);
        deps.log(`Leftovers: deleted the flexible server '${plan.server.name}' (resource group '${plan.server.resourceGroupName}') that the failed deployment '${d.deploymentName}' created.`);
      }
      if (!plan.createdGroup) return undefined;
      step = `delete the resource group '${plan.createdGroup}'`;
      const remaining = await groupResources(deps.leftovers, scope);
      if (remaining === undefined) return undefined;
      if (!mayDeleteGroup(plan, remaining)) return remaining.length;
      await deps.leftovers.deleteGroup(scope);
      done.push(`the resource group '${plan.createdGroup}'`);
      deps.log(`Leftovers: deleted the resource group '${plan.createdGroup}' that the deployment '${d.deploymentName}' created, empty once its server was gone.`);
      return undefined;
    });
    const kept = keptGroup === undefined ? '' : ` The resource group '${plan.createdGroup}' was kept: ${keptGroup} other resource${keptGroup === 1 ? ' is' : 's are'} in it.`;
    void notifier.info(`Deleted ${done.join(' and ')}.${kept}`);
  } catch (error) {
    const failure = describeArmFailure(error, step, d.serverName, RIGHT);
    const before = done.length ? ` (${done.join(' and ')} ${done.length === 1 ? 'was' : 'were'} deleted)` : '';
    void notifier.error(`${failure.message.replace(/\.$/, '')}${before}. ${failure.nextStep}`);
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

function confirmationDetail(plan: LeftoverPlan): string {
  const lines = [];
  if (plan.server) lines.push(`• the flexible server '${plan.server.name}' in resource group '${plan.server.resourceGroupName}', with its firewall rules and databases`);
  if (plan.createdGroup) lines.push(`• the resource group '${plan.createdGroup}', which this deployment created${plan.server ? ', if nothing else is in it then' : ' (it is empty)'}`);
  return `This deletes:\n${lines.join(';\n')}.\nNothing else is touched. This cannot be undone.`;
}
