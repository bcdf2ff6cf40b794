import { describe, expect, it } from 'vitest';
import { findWebview } from './harness/webview';
import { showView, waitForTreeItem } from './harness/tree';
import { createServer } from './flows/createServerForm';
import { fqdn, savedConnections } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Spec scenario 1: form → stages advance → profile saved → connected → dashboard open.
describe('scenario 1: happy path', () => {
  const serverName = 'pgflex-happy';
  const scenario = useScenario('scenario-1-happy-path');

  it('creates the server, saves one profile, connects and opens the dashboard', async () => {
    const { vscode, sandbox } = scenario;
    const progress = await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    await progress.locator('ol.stages li').first().waitFor({ state: 'visible' });

    await findWebview(vscode.page, `h1:text("${serverName} is ready")`, 120_000);
    await vscode.shot('ready');

    const dashboard = await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    await expect.poll(async () => dashboard.locator('header p').innerText(), { timeout: 30_000 }).toContain(fqdn(serverName));
    // The live section is only filled over a working connection.
    await dashboard.locator('text=Server version').first().waitFor({ state: 'visible', timeout: 60_000 });
    await vscode.shot('dashboard');

    await showView(vscode.page, 'PostgreSQL', 'Connections');
    await waitForTreeItem(vscode.page, 'Connections', serverName);
    await vscode.shot('connections');

    const profiles = savedConnections(vscode.dirs).filter((p) => p.server === fqdn(serverName));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ authenticationType: 'SqlLogin', user: 'pgadmin', savePassword: true });
    expect(JSON.stringify(savedConnections(vscode.dirs))).not.toContain('Sandbox-Passw0rd!');
    expect(sandbox.requests.count('deployments.put')).toBe(1);
  });
});
