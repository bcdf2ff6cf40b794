import { describe, expect, it } from 'vitest';
import { findWebview } from './harness/webview';
import { clickDialogButton, waitForDialog } from './harness/dialogs';
import { outputChannelText } from './harness/outputChannel';
import { waitFor } from './harness/waitFor';
import { createServer } from './flows/createServerForm';
import { connectFromDashboard, disconnectFromDashboard } from './flows/dashboardConnection';
import { clientIpLine, listedRules, pressAddMyIp, pressRemove, shownClientIp, waitForNotice, waitUntilIdle } from './flows/dashboardFirewall';
import { fqdn } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Issue 13, the dashboard: a created server's dashboard shows Azure's facts in the portal's words,
// lists the firewall rules, removes one (after a modal confirmation) and adds this machine's address
// back through ARM's long-running operations, copies a connection string without a password,
// disconnects and connects again.
describe('scenario 14: the server dashboard', () => {
  const serverName = 'pgflex-dash';
  const adminLogin = 'flexadmin';
  const scenario = useScenario('scenario-14-dashboard-actions');

  it('shows display names, changes the firewall, copies the connection string, disconnects and connects again', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: 200, firewallRules: 60 } });
    await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US', adminLogin });

    const dashboard = await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    await dashboard.locator('text=Server version').first().waitFor({ state: 'visible', timeout: 60_000 });
    await waitUntilIdle(dashboard);
    const fact = (term: string) => dashboard.locator(`section[aria-label="Azure"] dt:text-is("${term}") + dd`).innerText();
    expect(await fact('Region')).toBe('East US');
    expect(await fact('PostgreSQL version')).toMatch(/^PostgreSQL \d+$/);
    expect(await fact('Compute')).toMatch(/^Burstable · Standard_B/);
    expect(await fact('Authentication')).toBe('PostgreSQL authentication only');
    await vscode.shot('dashboard');

    // The form added this machine's address; the dashboard says so and lists that rule.
    const ip = await shownClientIp(dashboard);
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const clientRule = `pgflex-client-${ip!.replace(/\./g, '-')}`;
    expect(await listedRules(dashboard)).toContainEqual([clientRule, ip, ip]);
    expect(await clientIpLine(dashboard).innerText()).toContain(`is allowed by '${clientRule}'`);

    // Remove, confirmed in VS Code's modal dialog: ARM's long-running DELETE, then the list again.
    await pressRemove(dashboard, clientRule);
    const dialog = await waitForDialog(vscode.page);
    expect(dialog.message).toContain(`Remove the firewall rule '${clientRule}' from '${serverName}'?`);
    expect(dialog.buttons).toContain('Remove Rule');
    await vscode.shot('remove-confirmation');
    await clickDialogButton(vscode.page, 'Remove Rule');
    await waitForNotice(dashboard, `Removed the firewall rule '${clientRule}'.`);
    await waitUntilIdle(dashboard);
    expect((await listedRules(dashboard)).map(([name]) => name)).not.toContain(clientRule);
    expect(await clientIpLine(dashboard).innerText()).toContain('is not allowed by any rule');
    expect(sandbox.requests.count('firewallRules.delete')).toBe(1);
    await vscode.shot('rule-removed');

    // Add my IP: the same rule back, through ARM's long-running PUT.
    await pressAddMyIp(dashboard);
    await waitForNotice(dashboard, `Added the firewall rule '${clientRule}': connections from ${ip} are allowed.`);
    await waitUntilIdle(dashboard);
    expect(await listedRules(dashboard)).toContainEqual([clientRule, ip, ip]);
    expect(sandbox.requests.count('firewallRules.put')).toBe(1);
    await vscode.shot('client-ip-added');
    const log = () => outputChannelText(vscode.dirs, 'PostgreSQL Flexible Server');
    await waitFor('both firewall changes in the log', () => log().includes(`removed the firewall rule '${clientRule}'`) && log().includes(`added the firewall rule '${clientRule}'`), 30_000);

    // Copy Connection String: the dashboard shows what went to the clipboard, and the clipboard holds it.
    const expected = `host=${fqdn(serverName)} port=5432 dbname=postgres user=${adminLogin} sslmode=require`;
    await vscode.browser.grantPermissions(['clipboard-read', 'clipboard-write']);
    await dashboard.locator('header vscode-button', { hasText: 'Copy Connection String' }).click();
    const copied = await waitForNotice(dashboard, 'Copied the connection string');
    expect(await copied.locator('code').innerText()).toBe(expected);
    await expect.poll(() => vscode.page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(expected);
    await vscode.shot('connection-string-copied');

    await disconnectFromDashboard(dashboard);
    await vscode.shot('disconnected');
    // Connect again, with the password kept in SecretStorage: the same buttons scenario 1 drives.
    expect(await connectFromDashboard(vscode, dashboard)).toMatchObject({ connected: true });
    await vscode.shot('connected-again');
    await disconnectFromDashboard(dashboard);

    // The ready panel (the form's tab) offers the same next steps, whether or not the dashboard
    // opened by itself: Connect, Copy Connection String, Open in Azure Portal, Open Dashboard.
    await vscode.page.locator('.tab', { hasText: `${serverName} is ready` }).click();
    const ready = await findWebview(vscode.page, `h1:text-is("${serverName} is ready")`);
    const step = (label: string) => ready.locator('section[aria-label="Next steps"] vscode-button', { hasText: new RegExp(`^\\s*${label}\\s*$`) });
    const connects = () => log().split('\n').filter((line) => line.includes(`Connected to '${serverName}'`)).length;
    const connectedBefore = connects();
    await step('Connect').click();
    await waitFor('a connection from the ready panel in the log', () => connects() === connectedBefore + 1, 30_000);

    await vscode.page.evaluate(() => navigator.clipboard.writeText(''));
    await step('Copy Connection String').click();
    const copiedHere = ready.locator('section[aria-label="Next steps"] p[role="status"] code');
    await copiedHere.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await copiedHere.innerText()).toBe(expected);
    await expect.poll(() => vscode.page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(expected);
    await vscode.shot('ready-panel-copied');

    // VS Code asks before it opens a site outside its trusted domains: the link is the server's page.
    await step('Open in Azure Portal').click();
    expect((await waitForDialog(vscode.page)).message).toContain('portal.azure.com');
    await vscode.shot('ready-panel-portal-link');
    await clickDialogButton(vscode.page, 'Cancel');
    const serverPage = new RegExp(`Opening the Azure portal: https://portal\\.azure\\.com/#@[^/]+/resource/subscriptions/[^/]+/resourceGroups/rg-pgflex-dev/providers/Microsoft\\.DBforPostgreSQL/flexibleServers/${serverName}\\b`);
    await waitFor("the server's portal link in the log", () => serverPage.test(log()), 30_000);

    await step('Open Dashboard').click();
    const shownAgain = await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 60_000);
    await shownAgain.locator('section[aria-label="Connection"] dt', { hasText: 'Server version' }).waitFor({ state: 'visible', timeout: 60_000 });
    await vscode.shot('dashboard-from-ready-panel');
  });
});
