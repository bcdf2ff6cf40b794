import { describe, expect, it } from 'vitest';
import { SEEDED_RESOURCE_GROUPS } from '../../sandbox';
import { armRequest } from '../integration/sandbox/sandboxTestKit';
import { clickDialogButton, waitForDialog } from './harness/dialogs';
import { clickNotificationButton, waitForNotification } from './harness/notifications';
import { outputChannelText } from './harness/outputChannel';
import { chooseTreeItemAction, showView, treeItemDescription } from './harness/tree';
import { waitFor } from './harness/waitFor';
import { findWebview } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { LASTING_FAILURE, useScenario } from './flows/scenario';

// Issue 14: a deployment into a new resource group fails after creating its server (its firewall
// rule fails); Delete Leftover Resources… from its Deployments row names the server and the group
// in a modal, deletes them under a progress notification, and the sandbox has neither any more.
// The same command is offered where the failure is shown: the failure notification and the
// progress panel, next to Retry; there, into an existing group, only the server goes.
describe('scenario 16: delete leftovers after a failure', () => {
  const serverName = 'pgflex-leftover';
  const resourceGroup = 'rg-pgflex-leftover';
  const scenario = useScenario('scenario-16-delete-leftovers');
  // The form's subscription: the one whose seeded group the other scenarios pick.
  const { subscriptionId } = SEEDED_RESOURCE_GROUPS.find((g) => g.name === 'rg-pgflex-dev')!;
  const groupPath = `/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}?api-version=2025-04-01`;
  const serverPath = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}?api-version=2025-08-01`;

  it('deletes the server and the group a failed deployment created, after a modal naming them, with progress', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(serverName, {
      outcome: 'fail',
      error: LASTING_FAILURE,
      resource: 'firewallRules',
    });
    await createServer(vscode, { serverName, resourceGroup, newResourceGroup: true, location: 'East US' });
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName} failed")`, 180_000);
    expect((await armRequest(sandbox, 'GET', serverPath)).status).toBe(200);
    await vscode.shot('failed-with-server-left');

    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    await expect.poll(() => treeItemDescription(vscode.page, 'Deployments', serverName), { timeout: 60_000 }).toMatch(/^Failed/);
    // Slower, so the deletion's progress is there to be seen (a server takes a simulated minute to drop).
    sandbox.control.setSpeed(2);
    await chooseTreeItemAction(vscode.page, 'Deployments', serverName, 'Delete Leftover Resources…', () => waitForDialog(vscode.page, 20_000));
    const dialog = await waitForDialog(vscode.page);
    expect(dialog.message).toContain(`Delete what the deployment of '${serverName}' left in Azure?`);
    expect(dialog.message).toContain(`the flexible server '${serverName}' in resource group '${resourceGroup}'`);
    expect(dialog.message).toContain(`the resource group '${resourceGroup}', which this deployment created`);
    expect(dialog.buttons).toContain('Delete');
    await vscode.shot('confirmation');
    await clickDialogButton(vscode.page, 'Delete');

    await waitForNotification(vscode.page, `Deleting the leftover resources of '${serverName}'`, 20_000);
    await vscode.shot('deleting');
    await waitForNotification(vscode.page, `Deleted the flexible server '${serverName}' and the resource group '${resourceGroup}'.`, 120_000);
    await vscode.shot('deleted');

    expect((await armRequest(sandbox, 'GET', serverPath)).status).toBe(404);
    expect((await armRequest(sandbox, 'GET', groupPath)).status).toBe(404);
    expect(sandbox.requests.count('flexibleServers.delete')).toBe(1);
    expect(sandbox.requests.count('resourceGroups.delete')).toBe(1);
    await waitFor('the deletion in the log', () => outputChannelText(vscode.dirs, 'PostgreSQL Flexible Server').includes(`deleted the flexible server '${serverName}'`), 10_000);
  });

  const seededGroup = 'rg-pgflex-dev';
  const seededServerPath = (name: string) => `/subscriptions/${subscriptionId}/resourceGroups/${seededGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}?api-version=2025-08-01`;

  /** A deployment into the seeded group that fails on its firewall rule, its server left; the progress panel showing the failure. */
  async function failAfterServer(name: string) {
    const { vscode, sandbox } = scenario;
    sandbox.control.setSpeed(20);
    sandbox.control.scriptOutcome(name, { outcome: 'fail', error: LASTING_FAILURE, resource: 'firewallRules' });
    await createServer(vscode, { serverName: name, resourceGroup: seededGroup, location: 'East US' });
    const panel = await findWebview(vscode.page, `h1:text("Provisioning ${name} failed")`, 180_000);
    expect((await armRequest(sandbox, 'GET', seededServerPath(name))).status).toBe(200);
    return panel;
  }

  /** The modal names the server alone (the group was there before), Delete, then the server is gone and the group stays. */
  async function confirmAndSeeServerDeleted(name: string) {
    const { vscode, sandbox } = scenario;
    const deletesBefore = sandbox.requests.count('flexibleServers.delete');
    const dialog = await waitForDialog(vscode.page);
    expect(dialog.message).toContain(`the flexible server '${name}' in resource group '${seededGroup}'`);
    expect(dialog.message).not.toContain('the resource group');
    await clickDialogButton(vscode.page, 'Delete');
    await waitForNotification(vscode.page, `Deleted the flexible server '${name}'.`, 120_000);
    expect((await armRequest(sandbox, 'GET', seededServerPath(name))).status).toBe(404);
    expect((await armRequest(sandbox, 'GET', `/subscriptions/${subscriptionId}/resourcegroups/${seededGroup}?api-version=2025-04-01`)).status).toBe(200);
    expect(sandbox.requests.count('flexibleServers.delete') - deletesBefore).toBe(1);
  }

  it("deletes the leftover server from the failure notification's button", async () => {
    const name = 'pgflex-leftover-note';
    await failAfterServer(name);
    await clickNotificationButton(scenario.vscode.page, `provisioning failed for '${name}'`, 'Delete Leftover Resources…');
    await scenario.vscode.shot('notification-button-pressed');
    await confirmAndSeeServerDeleted(name);
    await scenario.vscode.shot('deleted-from-notification');
  });

  it('deletes the leftover server from the progress panel, next to Retry', async () => {
    const name = 'pgflex-leftover-panel';
    const panel = await failAfterServer(name);
    await panel.locator('vscode-button', { hasText: 'Retry' }).waitFor();
    await panel.locator('vscode-button', { hasText: 'Delete Leftover Resources' }).click();
    await scenario.vscode.shot('panel-button-pressed');
    await confirmAndSeeServerDeleted(name);
    await scenario.vscode.shot('deleted-from-panel');
  });
});
