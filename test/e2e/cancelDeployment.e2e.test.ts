import { describe, expect, it } from 'vitest';
import { clickDialogButton, waitForDialog } from './harness/dialogs';
import { shownNotifications, waitForNotification } from './harness/notifications';
import { chooseTreeItemAction, showView, treeItemDescription } from './harness/tree';
import { outputChannelText } from './harness/outputChannel';
import { findWebview } from './harness/webview';
import { waitFor } from './harness/waitFor';
import { createServer } from './flows/createServerForm';
import { savedConnections } from './flows/savedProfiles';
import { OUTLASTING_SERVER_SECONDS, useScenario } from './flows/scenario';

// Cancel from the Deployments view after a reload: confirm, ARM's cancel, cancelling → canceled,
// told as canceled (not failed) in the tree, the notification and the progress panel; no profile.
describe('scenario 12: cancel a deployment', () => {
  const serverName = 'pgflex-canceled';
  const scenario = useScenario('scenario-12-cancel-deployment');
  const DETAILS = 'PostgreSQL Flex Deployments';

  it('cancels a running deployment from the Deployments view after a reload and shows it canceled, with no profile', async () => {
    const { vscode, sandbox } = scenario;
    // Still creating when the cancel comes, however slow the machine: half an hour at speed 20.
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: OUTLASTING_SERVER_SECONDS } });
    await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName}")`, 60_000);
    // Canceled after a reload: the window that cancels is not the session that pressed Create.
    await vscode.reload();

    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    await expect.poll(() => treeItemDescription(vscode.page, 'Deployments', serverName), { timeout: 60_000 }).toMatch(/^Deploying/);
    await chooseTreeItemAction(vscode.page, 'Deployments', serverName, 'Cancel Deployment', () => waitForDialog(vscode.page, 20_000));
    const dialog = await waitForDialog(vscode.page);
    expect(dialog.message).toContain(`Cancel the deployment of '${serverName}'?`);
    await vscode.shot('cancel-confirmation');
    await clickDialogButton(vscode.page, 'Cancel Deployment');

    await waitForNotification(vscode.page, `The deployment of '${serverName}' was canceled`, 120_000);
    await expect.poll(() => treeItemDescription(vscode.page, 'Deployments', serverName), { timeout: 30_000 }).toMatch(/^Canceled after/);
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName} canceled")`, 30_000);
    await vscode.shot('canceled');

    // The audit View Details shows: it went through cancelling, and ARM's Canceled ended it.
    await chooseTreeItemAction(vscode.page, 'Deployments', serverName, 'View Deployment Details', () =>
      waitFor('the details in the output channel', () => outputChannelText(vscode.dirs, DETAILS).includes('→ canceled'), 10_000),
    );
    const details = outputChannelText(vscode.dirs, DETAILS);
    expect(details).toContain(`Deployment of '${serverName}' (canceled)`);
    expect(details).toMatch(/user\.cancel → cancelling[\s\S]*poll\.canceled → canceled/);

    expect(sandbox.requests.count('deployments.cancel')).toBe(1);
    expect((await shownNotifications(vscode.page)).some((n) => n.message.includes('provisioning failed'))).toBe(false);
    expect(savedConnections(vscode.dirs)).toHaveLength(0);
  });
});
