import { describe, expect, it } from 'vitest';
import { findWebview } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { fqdn, savedConnectionsOf } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Spec scenario 4: with PostgreSQL and Microsoft Entra authentication, the profile uses Entra
// (AzureMFA), not the password.
describe('scenario 4: hybrid authentication', () => {
  const serverName = 'pgflex-hybrid';
  const password = 'Hybrid-Passw0rd!';
  const scenario = useScenario('scenario-4-hybrid-authentication');

  it('saves an Entra profile without a password and connects with it', async () => {
    const { vscode } = scenario;
    await createServer(vscode, {
      serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US',
      authentication: 'PostgreSQL and Microsoft Entra authentication', adminLogin: 'pgadmin', password,
    });
    const dashboard = await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    await dashboard.locator('text=Server version').first().waitFor({ state: 'visible', timeout: 60_000 });
    await vscode.shot('dashboard-connected-with-entra');

    const profiles = await savedConnectionsOf(vscode.dirs, fqdn(serverName));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ authenticationType: 'AzureMFA', savePassword: false });
    expect(profiles[0].user).not.toBe('pgadmin');
    expect(profiles[0].user).toContain('@');
    expect(JSON.stringify(profiles)).not.toContain(password);
    expect(await dashboard.locator('header p').innerText()).toContain(`${profiles[0].user}@${fqdn(serverName)}`);
  });
});
