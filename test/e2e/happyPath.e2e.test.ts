import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox';
import { startVsCode, type VsCodeSession } from './harness/vscodeSession';
import { findWebview } from './harness/webview';
import { showView, waitForTreeItem } from './harness/tree';
import { waitFor } from './harness/waitFor';
import { fillCreateForm, openCreateForm, submitCreateForm } from './flows/createServerForm';
import { fqdn, savedConnections } from './flows/savedProfiles';

// Spec scenario 1: form → stages advance → profile saved → connected → dashboard open.
describe('happy path', () => {
  const serverName = 'pgflex-happy';
  let sandbox: Sandbox;
  let vscode: VsCodeSession;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 20 });
    vscode = await startVsCode({ name: 'scenario-1-happy-path', sandbox });
  });

  afterAll(async () => {
    await vscode?.close();
    await sandbox?.stop();
  });

  it('creates the server, saves one profile, connects and opens the dashboard', async () => {
    const form = await openCreateForm(vscode.page);
    await vscode.shot('form');
    await fillCreateForm(form, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    await vscode.shot('filled');
    await submitCreateForm(form);

    const progress = await findWebview(vscode.page, `h1:text("Provisioning ${serverName}")`);
    await vscode.shot('deploying');
    await progress.locator('ol.stages li').first().waitFor({ state: 'visible' });

    await findWebview(vscode.page, `h1:text("${serverName} is ready")`, 120_000);
    await vscode.shot('ready');

    const dashboard = await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    await vscode.shot('dashboard');
    await expect.poll(async () => dashboard.locator('header p').innerText(), { timeout: 30_000 }).toContain(fqdn(serverName));
    // The live section is only filled over a working connection.
    await dashboard.locator('text=Server version').first().waitFor({ state: 'visible', timeout: 60_000 });

    await showView(vscode.page, 'PostgreSQL', 'Connections');
    await waitForTreeItem(vscode.page, 'Connections', serverName);
    await vscode.shot('connections');

    const profiles = savedConnections(vscode.dirs).filter((p) => p.server === fqdn(serverName));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ authenticationType: 'SqlLogin', user: 'pgadmin', savePassword: true });
    expect(JSON.stringify(savedConnections(vscode.dirs))).not.toContain('Sandbox-Passw0rd!');
    await waitFor('the deployment PUT', () => sandbox.requests.count('deployments.put') >= 1, 10_000);
    expect(sandbox.requests.count('deployments.put')).toBe(1);
  });
});
