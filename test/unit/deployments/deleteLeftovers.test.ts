import { describe, expect, it } from 'vitest';
import { FLEXIBLE_SERVER_TYPE, serverResourceId } from '../../../machines/flexDeployment/leftoverResources';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import { DEPLOYMENT_COMMANDS } from '../../../src/commandIds';
import { DELETE_LEFTOVERS, deleteLeftovers } from '../../../src/deployments/deleteLeftovers';
import { deploymentContext, ScriptedNotifier } from '../../support/connectionFakes';
import { treeItemCommands } from '../../support/contributedMenus';
import { FakeLeftoverResources } from '../../support/fakeLeftoverResources';

const failedIn = (isNew: boolean, overrides: Parameters<typeof deploymentContext>[0] = {}): DeploymentView => {
  const context = deploymentContext({ serverName: 'pg-left', resourceGroupName: 'rg-new', status: 'failed', deploymentName: 'pgflex-pg-left-1', ...overrides });
  return { value: 'failed', context: { ...context, request: context.request && { ...context.request, resourceGroup: { name: 'rg-new', isNew } } } };
};
const serverId = (view: DeploymentView) => serverResourceId(view.context);

/** Azure after the deployment failed past its server: the server exists, and its Create operation succeeded. */
function leftAfterFailure(view: DeploymentView, othersInGroup: string[] = []) {
  const azure = new FakeLeftoverResources();
  azure.servers.add('pg-left');
  azure.groups.set('rg-new', [serverId(view), ...othersInGroup]);
  azure.evidence = {
    kind: 'operations',
    operations: [
      { resourceType: `${FLEXIBLE_SERVER_TYPE}/firewallRules`, resourceName: 'pg-left/AllowAll', provisioningOperation: 'Create', provisioningState: 'Failed' },
      { resourceType: FLEXIBLE_SERVER_TYPE, resourceName: 'pg-left', resourceId: serverId(view), provisioningOperation: 'Create', provisioningState: 'Succeeded' },
    ],
  };
  return azure;
}

function run(view: DeploymentView, azure: FakeLeftoverResources, ...answers: string[]) {
  const notifier = new ScriptedNotifier().answerNext(...answers);
  const logged: string[] = [];
  return { notifier, logged, done: deleteLeftovers(view, { leftovers: azure, notifier, log: (m) => logged.push(m) }) };
}

describe('Delete Leftover Resources…', () => {
  it('is on the context menu of failed and canceled rows only, not of a retried one', () => {
    expect(treeItemCommands('deployment.failed')).toContain(DEPLOYMENT_COMMANDS.deleteLeftovers);
    expect(treeItemCommands('deployment.canceled')).toContain(DEPLOYMENT_COMMANDS.deleteLeftovers);
    for (const other of ['deployment.failed.retried', 'deployment.canceled.retried', 'deployment.succeeded', 'deployment.deploying']) {
      expect(treeItemCommands(other)).not.toContain(DEPLOYMENT_COMMANDS.deleteLeftovers);
    }
  });

  it('confirms with the server and the group it created named, deletes the server then the empty group, and says so', async () => {
    const view = failedIn(true);
    const azure = leftAfterFailure(view);
    const { notifier, logged, done } = run(view, azure, DELETE_LEFTOVERS);
    await done;
    const confirm = notifier.shown.find((s) => s.kind === 'confirm');
    expect(confirm?.message).toBe("Delete what the deployment of 'pg-left' left in Azure?");
    expect(confirm?.detail).toContain("the flexible server 'pg-left' in resource group 'rg-new'");
    expect(confirm?.detail).toContain("the resource group 'rg-new', which this deployment created, if nothing else is in it then");
    expect(notifier.shown.filter((s) => s.kind === 'progress').map((s) => s.message)).toContain("Deleting the leftover resources of 'pg-left'…");
    expect(azure.deleted).toEqual(['server pg-left', 'group rg-new']);
    expect(notifier.shown.at(-1)).toMatchObject({ kind: 'info', message: "Deleted the flexible server 'pg-left' and the resource group 'rg-new'." });
    expect(logged).toHaveLength(2);
  });

  it('says nothing was deleted when the empty group it offered is gone before the deletion starts', async () => {
    const view = failedIn(true);
    const azure = new FakeLeftoverResources();
    azure.groups.set('rg-new', []);
    // Deleted elsewhere (the portal) while the confirmation was open.
    class ConfirmWhileDeletedElsewhere extends ScriptedNotifier {
      override async confirm(message: string, detail: string, action: string): Promise<boolean> {
        const answer = await super.confirm(message, detail, action);
        azure.groups.delete('rg-new');
        return answer;
      }
    }
    const notifier = new ConfirmWhileDeletedElsewhere().answerNext(DELETE_LEFTOVERS);
    await deleteLeftovers(view, { leftovers: azure, notifier, log: () => undefined });
    expect(notifier.shown.find((s) => s.kind === 'confirm')?.detail).toContain("the resource group 'rg-new', which this deployment created (it is empty)");
    expect(azure.deleted).toEqual([]);
    expect(notifier.shown.at(-1)).toMatchObject({ kind: 'info', message: 'Nothing was deleted: what the deployment left is gone from Azure already.' });
  });

  it('says nothing is left on a second run, and deletes nothing more', async () => {
    const view = failedIn(true);
    const azure = leftAfterFailure(view);
    await run(view, azure, DELETE_LEFTOVERS).done;
    const second = run(view, azure, DELETE_LEFTOVERS);
    await second.done;
    expect(azure.deleted).toEqual(['server pg-left', 'group rg-new']);
    expect(second.notifier.shown.some((s) => s.kind === 'confirm')).toBe(false);
    expect(second.notifier.shown.at(-1)).toMatchObject({ kind: 'info', message: expect.stringContaining('there is nothing to delete') });
  });

  it('keeps a group it did not create, and a group it created that holds something else', async () => {
    const existing = failedIn(false);
    const inExisting = leftAfterFailure(existing);
    const first = run(existing, inExisting, DELETE_LEFTOVERS);
    await first.done;
    expect(inExisting.deleted).toEqual(['server pg-left']);
    expect(inExisting.groups.has('rg-new')).toBe(true);
    expect(first.notifier.shown.find((s) => s.kind === 'confirm')?.detail).not.toContain("the resource group 'rg-new'");

    const created = failedIn(true);
    const shared = leftAfterFailure(created, ['/subscriptions/sub-1/resourceGroups/rg-new/providers/Microsoft.Storage/storageAccounts/logs']);
    const second = run(created, shared, DELETE_LEFTOVERS);
    await second.done;
    expect(shared.deleted).toEqual(['server pg-left']);
    expect(second.notifier.shown.at(-1)?.message).toBe("Deleted the flexible server 'pg-left'. The resource group 'rg-new' was kept: 1 other resource is in it.");
  });

  it('deletes nothing when the user does not confirm, or when the server was not created by this deployment', async () => {
    const view = failedIn(true);
    const declined = leftAfterFailure(view);
    await run(view, declined, undefined as unknown as string).done;
    expect(declined.deleted).toEqual([]);

    const notOurs = leftAfterFailure(view);
    notOurs.evidence = { kind: 'operations', operations: [{ resourceType: FLEXIBLE_SERVER_TYPE, resourceName: 'pg-left', resourceId: serverId(view), provisioningOperation: 'Create', provisioningState: 'Failed' }] };
    const { notifier, done } = run(view, notOurs, DELETE_LEFTOVERS);
    await done;
    expect(notOurs.deleted).toEqual([]);
    expect(notifier.shown.at(-1)?.message).toContain('there is nothing to delete');
  });

  it("reports ARM's refusal with its message and a next step, and what was deleted before it", async () => {
    const view = failedIn(true);
    const azure = leftAfterFailure(view);
    azure.failNext = Object.assign(new Error('The client does not have authorization.'), { name: 'RestError', statusCode: 403, code: 'AuthorizationFailed' });
    const { notifier, done } = run(view, azure, DELETE_LEFTOVERS);
    await done;
    expect(azure.deleted).toEqual([]);
    const shown = notifier.shown.at(-1);
    expect(shown?.kind).toBe('error');
    expect(shown?.message).toContain("Could not delete the flexible server 'pg-left'");
    expect(shown?.message).toContain('AuthorizationFailed');
    expect(shown?.message).toContain('for a role that may delete resources in that group');
  });

  it('refuses a deployment that was retried or is not over', async () => {
    const azure = leftAfterFailure(failedIn(true));
    const retried = failedIn(true, { retryRequestedAt: Date.UTC(2026, 10, 22, 11) });
    const { notifier, done } = run(retried, azure, DELETE_LEFTOVERS);
    await done;
    const running: DeploymentView = { value: 'deploying', context: { ...retried.context, retryRequestedAt: undefined, status: 'deploying' } };
    await run(running, azure, DELETE_LEFTOVERS).done;
    expect(azure.deleted).toEqual([]);
    expect(notifier.shown).toEqual([expect.objectContaining({ kind: 'info', message: expect.stringContaining('not retried') })]);
  });
});
