import { describe, expect, it } from 'vitest';
import { waitForNotification } from './harness/notifications';
import { countWebviewsWith, findWebview } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { fqdn, savedConnections, savedConnectionsOf } from './flows/savedProfiles';
import { OUTLASTING_SERVER_SECONDS, FAST_FORWARD, useScenario } from './flows/scenario';

// Spec scenario 2: reload the window while deploying; after completion the profile exists, the
// dashboard does not auto-open, "Server '…' is ready" is shown.
describe('scenario 2: restart during deployment', () => {
  const serverName = 'pgflex-reloaded';
  const scenario = useScenario('scenario-2-restart-during-deployment');

  it('finishes in the background after a reload: profile saved, ready notification, no dashboard', async () => {
    const { vscode, sandbox } = scenario;
    // Half an hour of server creation at speed 20, whatever the machine's pace: the reload lands
    // inside it, and a fast-forward then ends it within seconds.
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: OUTLASTING_SERVER_SECONDS } });
    await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });

    await vscode.reload();
    // The open progress panel comes back on its deployment (registerWebviewPanelSerializer).
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName}")`, 60_000);
    await vscode.shot('reloaded-while-deploying');
    expect(savedConnections(vscode.dirs)).toHaveLength(0);
    sandbox.control.setSpeed(FAST_FORWARD);

    await waitForNotification(vscode.page, `Server '${serverName}' is ready`, 120_000);
    await vscode.shot('ready-notification');

    expect(await savedConnectionsOf(vscode.dirs, fqdn(serverName))).toHaveLength(1);
    expect(await countWebviewsWith(vscode.page, `header h1:text-is("${serverName}")`)).toBe(0);
    expect(sandbox.requests.count('deployments.put')).toBe(1);
  });
});
