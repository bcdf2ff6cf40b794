import { describe, expect, it } from 'vitest';
import { clickNotificationButton, waitForNotification } from './harness/notifications';
import { outputChannelText } from './harness/outputChannel';
import { clickContextMenuItem, contextMenuItems, showView, treeItems, waitForTreeItem } from './harness/tree';
import { clickDialogButton, waitForDialog } from './harness/dialogs';
import { countWebviewsWith, findWebview } from './harness/webview';
import { waitFor } from './harness/waitFor';
import { runCommand } from './harness/palette';
import { CREATE_FORM_HEADING, createServer, findCreateForm } from './flows/createServerForm';
import { savedConnections } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Spec scenario 3: a deployment fails (scripted), reload; the notification shows; View Details shows
// the ARM error; Retry opens the form prefilled; Dismiss removes the record. Two failed servers,
// because answering with Retry (rightly) stops the notification from coming back. VS Code's
// telemetry is on here: the extension's telemetry lines reach its log, and name no server.
describe('scenario 3: failure notification', () => {
  const retried = 'pgflex-fails-a';
  const dismissed = 'pgflex-fails-b';
  const scenario = useScenario('scenario-3-failure-notification', { telemetry: true, settings: { 'telemetry.telemetryLevel': 'all' } });
  const notice = (serverName: string) => `provisioning failed for '${serverName}'`;
  // What a progress tab says once its deployment's record is dismissed: its text, and its title after a reload.
  const NO_LONGER_TRACKED = 'This deployment is no longer tracked';
  const UNTRACKED_TITLE = 'Deployment no longer tracked';
  const deploymentsShown = async (serverName: string) =>
    (await treeItems(scenario.vscode.page, 'Deployments')).some((label) => label.includes(serverName));

  it('shows the failure, then after a reload offers View Details, Retry and Dismiss', async () => {
    const { vscode, sandbox } = scenario;
    for (const serverName of [retried, dismissed]) {
      sandbox.control.scriptOutcome(serverName, { outcome: 'fail', error: 'QuotaExceeded' });
      await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
      await findWebview(vscode.page, `h1:text("Provisioning ${serverName} failed")`, 120_000);
      await vscode.shot(`failed-in-progress-view-${serverName}`);
    }

    await vscode.reload();
    const notification = await waitForNotification(vscode.page, notice(retried));
    expect(await notification.innerText()).toContain('exceeding approved vCore quota');
    await waitForNotification(vscode.page, notice(dismissed));
    await vscode.shot('notifications-after-reload');

    await clickNotificationButton(vscode.page, notice(retried), 'View Details');
    await waitFor('the details in the output channel', () => outputChannelText(vscode.dirs, 'PostgreSQL Flex Deployments').includes('QuotaExceeded'), 30_000);
    const details = outputChannelText(vscode.dirs, 'PostgreSQL Flex Deployments');
    expect(details).toContain(`Deployment of '${retried}' (failed)`);
    expect(details).toContain('DeploymentFailed');
    await vscode.shot('view-details');

    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    // The view shows its welcome text until the tracker's records reach it.
    await waitForTreeItem(vscode.page, 'Deployments', dismissed);
    await clickNotificationButton(vscode.page, notice(dismissed), 'Dismiss');
    await expect.poll(() => deploymentsShown(dismissed), { timeout: 30_000 }).toBe(false);
    expect(await deploymentsShown(retried)).toBe(true);
    // Its progress tab stays, saying that the record is gone, with no Retry left to press.
    await expect.poll(() => countWebviewsWith(vscode.page, `text=${NO_LONGER_TRACKED}`), { timeout: 30_000 }).toBe(1);
    await vscode.shot('dismissed');

    // After this reload the dismissed deployment's tab is titled so, never an empty create form;
    // Retry opens one form.
    await vscode.reload();
    await clickNotificationButton(vscode.page, notice(retried), 'Retry');
    const form = await findCreateForm(vscode.page, retried);
    expect(await countWebviewsWith(vscode.page, CREATE_FORM_HEADING)).toBe(1);
    expect(await vscode.page.locator('.tab', { hasText: UNTRACKED_TITLE }).count()).toBe(1);
    // Refilled, it has Azure's choices again for the subscription it kept.
    await form.locator('vscode-single-select#resourceGroupName vscode-option', { hasText: 'rg-pgflex-dev' }).waitFor({ state: 'attached', timeout: 30_000 });
    await vscode.shot('retry-form-prefilled');

    // A restored tab loads its webview once shown: the retried deployment's says it was retried,
    // with no Retry left to press.
    await vscode.page.locator('.tab', { hasText: `Provisioning ${retried} failed` }).click();
    const retriedTab = await findWebview(vscode.page, 'p.retried', 30_000);
    expect(await retriedTab.locator('vscode-button:text-is("Retry")').count()).toBe(0);
    await vscode.shot('retried-tab');

    expect(savedConnections(vscode.dirs)).toHaveLength(0);
  });

  it("offers Open in Azure Portal on a deployment's row, and logs telemetry that names no server", async () => {
    const { vscode } = scenario;
    const log = () => outputChannelText(vscode.dirs, 'PostgreSQL Flexible Server');
    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    const row = await waitForTreeItem(vscode.page, 'Deployments', retried);
    expect(await contextMenuItems(vscode.page, row)).toContain('Open Deployment in Azure Portal');
    await vscode.shot('portal-in-context-menu');
    await clickContextMenuItem(vscode.page, 'Open Deployment in Azure Portal');
    // VS Code asks before it opens a site outside its trusted domains: the link is the deployment's overview blade.
    const dialog = await waitForDialog(vscode.page);
    expect(dialog.message).toContain('portal.azure.com');
    await vscode.shot('portal-link-confirmation');
    await clickDialogButton(vscode.page, 'Cancel');
    await waitFor('the portal link in the log', () => /Opening the Azure portal: https:\/\/portal\.azure\.com\/#@[^/]+\/resource\/subscriptions\/[^/]+\/resourceGroups\/rg-pgflex-dev\/providers\/Microsoft\.Resources\/deployments\/pgflex-pgflex-fails-a-\d+\/overview/.test(log()), 30_000);

    const telemetry = log().split('\n').filter((line) => line.includes('telemetry: '));
    const sent = (name: string) => telemetry.filter((line) => line.includes(`telemetry: pgflex.pgflex/${name} `));
    expect(sent('deployment/staged')).toHaveLength(2);
    expect(sent('deployment/accepted')).toHaveLength(2);
    expect(sent('deployment/ended')).toHaveLength(2);
    for (const line of sent('deployment/ended')) expect(line).toMatch(/"status":"failed","errorCode":"QuotaExceeded"/);
    for (const name of [retried, dismissed, 'rg-pgflex-dev']) expect(telemetry.join('\n')).not.toContain(name);
  });

  it('Clear removes every record after a confirmation; the open progress tab then says its deployment is no longer tracked, with no Retry', async () => {
    const { vscode } = scenario;
    await vscode.page.locator('.tab', { hasText: `Provisioning ${retried} failed` }).click();
    await findWebview(vscode.page, 'p.retried', 30_000);
    await runCommand(vscode.page, 'PostgreSQL: Clear Staged Flex Profiles');
    const dialog = await waitForDialog(vscode.page);
    expect(dialog.message).toContain('Clear all staged Flex profiles and deployment history?');
    await clickDialogButton(vscode.page, 'Clear');
    await expect.poll(() => deploymentsShown(retried), { timeout: 30_000 }).toBe(false);
    const cleared = await findWebview(vscode.page, `text=${NO_LONGER_TRACKED}`, 30_000);
    expect(await cleared.locator('vscode-button:text-is("Retry")').count()).toBe(0);
    await vscode.shot('cleared');
  });
});
