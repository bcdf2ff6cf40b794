import { describe, expect, it } from 'vitest';
import { findWebview } from './harness/webview';
import { showView, waitForTreeItem } from './harness/tree';
import { waitForNotification } from './harness/notifications';
import { createServer } from './flows/createServerForm';
import { connectFromDashboard, disconnect } from './flows/dashboardConnection';
import { fqdn, savedConnections, savedConnectionsOf } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Spec scenario 1: form → stages advance → profile saved → connected → dashboard open (and back
// after a reload). The server is a real PostgreSQL that checks passwords (SCRAM): the saved password
// is accepted; once the admin password is reset on the server it is refused, and so is a wrong one
// typed at the prompt, each with the reason shown; the right one connects.
describe('scenario 1: happy path', () => {
  const serverName = 'pgflex-happy';
  const adminLogin = 'flexadmin';
  // The stepper moves with the tracker's poll: polls every 5 s (useScenario's interval), stages of
  // 20 s and 15 s (at speed 20), so each stage is current for several polls however slow the machine.
  const scenario = useScenario('scenario-1-happy-path', { realPostgres: true });

  it('creates the server, saves one profile, connects and opens the dashboard', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: 400, firewallRules: 300 } });
    const progress = await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US', adminLogin });

    // Watch the stepper until the panel says ready: each stage in turn is the current one.
    const currentStages: string[] = [];
    await expect.poll(async () => {
      const current = await progress.locator('ol.stages li[data-status="current"] .stage-label').allInnerTexts().catch(() => []);
      for (const label of current) if (currentStages.at(-1) !== label) currentStages.push(label);
      return progress.locator('h1').innerText().catch(() => '');
    }, { timeout: 120_000, interval: 200 }).toBe(`${serverName} is ready`);
    console.log(`scenario 1, stages seen as current: ${currentStages.join(' → ')}`);
    expect(currentStages).toContain('Creating server');
    expect(currentStages).toEqual(['Queued', 'Creating server', 'Firewall rules', 'Ready'].filter((s) => currentStages.includes(s)));
    expect(currentStages).toContain('Firewall rules');
    // Each finished stage carries the time it finished. A stage's time comes from ARM's operations,
    // read after the status that made the heading say ready: it may show a poll later.
    const stages = async () =>
      Promise.all((await progress.locator('ol.stages li').all()).map(async (li) => `${await li.getAttribute('data-status')}, ${await li.locator('time').count()} time`));
    await expect.poll(stages, { timeout: 30_000 }).toEqual(['done, 1 time', 'done, 1 time', 'done, 1 time', 'done, 1 time']);
    await vscode.shot('ready');

    const dashboard = await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    await expect.poll(async () => dashboard.locator('header p').innerText(), { timeout: 30_000 }).toContain(fqdn(serverName));
    // The live section is only filled over a working connection.
    await dashboard.locator('text=Server version').first().waitFor({ state: 'visible', timeout: 60_000 });
    await vscode.shot('dashboard');

    await showView(vscode.page, 'PostgreSQL', 'Connections');
    await waitForTreeItem(vscode.page, 'Connections', serverName);
    await vscode.shot('connections');

    // "Reload Window": the dashboard comes back on its profile, not connected (it never connects on
    // its own); Connect reconnects with the password kept in SecretStorage.
    await vscode.reload();
    const restored = await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 60_000);
    expect(await connectFromDashboard(vscode, restored)).toMatchObject({ connected: true });
    await vscode.shot('dashboard-after-reload');

    const profiles = await savedConnectionsOf(vscode.dirs, fqdn(serverName));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ authenticationType: 'SqlLogin', user: adminLogin, savePassword: true });
    expect(JSON.stringify(savedConnections(vscode.dirs))).not.toContain('Sandbox-Passw0rd!');
    expect(sandbox.requests.count('deployments.put')).toBe(1);
  });

  it('refuses a password the server does not accept, says why, and connects with the right one', async () => {
    const { vscode, postgres } = scenario;
    const dashboard = await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 60_000);
    const refusal = `Password authentication failed for user '${adminLogin}'.`;
    // As when the admin password is reset in the Azure portal: the saved one no longer works.
    const resetPassword = 'Reset-Passw0rd-2!';
    await postgres.sql(`ALTER ROLE ${adminLogin} PASSWORD '${resetPassword}'`);
    await disconnect(vscode.page, dashboard, serverName);

    const withSaved = await connectFromDashboard(vscode, dashboard);
    expect(withSaved).toEqual({ connected: false, reason: expect.stringContaining(refusal) as string });
    await waitForNotification(vscode.page, `Could not connect to '${serverName}': ${refusal}`);
    await vscode.shot('saved-password-refused');

    const withWrong = await connectFromDashboard(vscode, dashboard, 'Wrong-Passw0rd-3!');
    expect(withWrong).toEqual({ connected: false, reason: expect.stringContaining(refusal) as string });
    await vscode.shot('typed-wrong-password-refused');

    // The version the real cluster reports: the connection reached it, not the embedded one.
    const [{ server_version: version }] = await postgres.sql('SHOW server_version');
    expect(await connectFromDashboard(vscode, dashboard, resetPassword)).toEqual({ connected: true, serverVersion: version });
    await vscode.shot('typed-right-password-connected');
  });
});
