import { describe, expect, it } from 'vitest';
import { findWebview } from './harness/webview';
import { showView, waitForTreeItem } from './harness/tree';
import { createServer } from './flows/createServerForm';
import { fqdn, savedConnections } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Spec scenario 1: form → stages advance → profile saved → connected → dashboard open (and back
// after a reload).
describe('scenario 1: happy path', () => {
  const serverName = 'pgflex-happy';
  // The stepper moves with the tracker's poll: polls every 5 s (the least allowed), stages of 20 s
  // and 15 s (at speed 20), so each stage is current for several polls however slow the machine.
  const scenario = useScenario('scenario-1-happy-path', {
    settings: { 'pgsql.flexProvisioning.pollIntervalSeconds': 5 },
  });

  it('creates the server, saves one profile, connects and opens the dashboard', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: 400, firewallRules: 300 } });
    const progress = await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });

    // Watch the stepper until the panel says ready: each stage in turn is the current one.
    const currentStages: string[] = [];
    let finalStages: { status: string | null; time: number }[] = [];
    await expect.poll(async () => {
      const current = await progress.locator('ol.stages li[data-status="current"] .stage-label').allInnerTexts().catch(() => []);
      for (const label of current) if (currentStages.at(-1) !== label) currentStages.push(label);
      const heading = await progress.locator('h1').innerText().catch(() => '');
      if (heading.endsWith('is ready')) {
        finalStages = await Promise.all((await progress.locator('ol.stages li').all()).map(async (li) => ({
          status: await li.getAttribute('data-status'), time: await li.locator('time').count(),
        })));
      }
      return heading;
    }, { timeout: 120_000, interval: 200 }).toBe(`${serverName} is ready`);
    await vscode.shot('ready');
    console.log(`scenario 1, stages seen as current: ${currentStages.join(' → ')}`);
    expect(currentStages).toContain('Creating server');
    expect(currentStages).toEqual(['Queued', 'Creating server', 'Firewall rules', 'Ready'].filter((s) => currentStages.includes(s)));
    expect(currentStages).toContain('Firewall rules');
    expect(finalStages.length).toBeGreaterThanOrEqual(4);
    expect(finalStages.every((s) => s.status === 'done')).toBe(true);
    expect(finalStages.every((s) => s.time === 1)).toBe(true); // each finished stage carries its time

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
    await restored.locator('button', { hasText: 'Connect' }).click();
    await restored.locator('text=Server version').first().waitFor({ state: 'visible', timeout: 60_000 });
    await vscode.shot('dashboard-after-reload');

    const profiles = savedConnections(vscode.dirs).filter((p) => p.server === fqdn(serverName));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ authenticationType: 'SqlLogin', user: 'pgadmin', savePassword: true });
    expect(JSON.stringify(savedConnections(vscode.dirs))).not.toContain('Sandbox-Passw0rd!');
    expect(sandbox.requests.count('deployments.put')).toBe(1);
  });
});
