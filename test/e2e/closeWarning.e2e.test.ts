import { describe, expect, it } from 'vitest';
import { clickDialogButton, waitForDialog } from './harness/dialogs';
import { runCommand } from './harness/palette';
import { countWebviewsWith, findWebview } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { OUTLASTING_SERVER_SECONDS, useScenario } from './flows/scenario';

// Spec scenario 5: close the panel while deploying; the warning offers both buttons; Show Progress
// reopens the panel.
describe('scenario 5: close warning', () => {
  const serverName = 'pgflex-closed';
  const scenario = useScenario('scenario-5-close-warning');
  const progressHeading = `h1:text("Provisioning ${serverName}")`;

  it('warns after the panel closes mid-deployment and Show Progress brings it back', async () => {
    const { vscode, sandbox } = scenario;
    // Still creating when the panel closes, however slow the machine: half an hour at speed 20.
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: OUTLASTING_SERVER_SECONDS } });
    await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });

    await runCommand(vscode.page, 'View: Close Editor');
    const dialog = await waitForDialog(vscode.page);
    await vscode.shot('close-warning');
    expect(dialog.message).toContain('Server provisioning is still in progress');
    expect(dialog.buttons).toEqual(expect.arrayContaining(['Continue in Background', 'Show Progress']));
    expect(await countWebviewsWith(vscode.page, progressHeading)).toBe(0);

    await clickDialogButton(vscode.page, 'Show Progress');
    await findWebview(vscode.page, progressHeading, 30_000);
    await vscode.shot('progress-reopened');
  });
});
