import { describe, expect, it } from 'vitest';
import { SEEDED_RESOURCE_GROUPS } from '../../sandbox';
import { armRequest } from '../integration/sandbox/sandboxTestKit';
import { estimateMonthlyCost } from '../../machines/flexDeployment/costEstimate';
import { NETWORK_ACCESS_LABELS } from '../../machines/webview/displayNames';
import { readPostgresPrices } from '../../src/azure/retailPrices';
import { chooseEntraAdministrator, confirmCreate, fillCreateForm, openCreateForm, reviewCreateForm } from './flows/createServerForm';
import { SANDBOX_DIRECTORY } from '../../sandbox/graph/directory';
import { findWebview } from './harness/webview';
import { useScenario } from './flows/scenario';
import { waitFor } from './harness/waitFor';

// Issue 13: the options chosen in the form reach Azure. HA, zone, backup, autogrow, tags, a
// custom firewall range and an Entra administrator found in the directory are picked as a person
// would, reviewed (with the cost estimate), created; the server the sandbox then returns carries them.
describe('scenario 11: server options', () => {
  const serverName = 'pgflex-options';
  const RESOURCE_GROUP = 'rg-pgflex-dev';
  const office = { name: 'e2e-office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' };
  const scenario = useScenario('scenario-11-server-options');

  it('HA + backup + tags + a firewall range chosen in the form → the review prices them as the stand-in price list does and lists the range → the sandbox’s server GET and firewall rules show them', async () => {
    const { vscode, sandbox } = scenario;
    const form = await openCreateForm(vscode.page);
    await fillCreateForm(vscode, form, {
      serverName,
      resourceGroup: RESOURCE_GROUP,
      location: 'East US',
      authentication: 'PostgreSQL and Microsoft Entra authentication',
      options: {
        tier: 'General Purpose',
        zone: '1',
        highAvailability: 'Zone redundant',
        standbyZone: '3',
        backupRetentionDays: 14,
        geoRedundantBackup: true,
        storageAutoGrow: true,
        tags: [{ name: 'env', value: 'e2e' }, { name: 'owner', value: 'pgflex' }],
        firewallRanges: [office],
      },
    });
    // The administrator: not the signed-in user, a security group found in the directory by name.
    await chooseEntraAdministrator(form, 'postgres', 'PostgreSQL Admins');
    await reviewCreateForm(form);
    await form.locator('dt', { hasText: 'Total per month' }).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await form.locator('dt', { hasText: 'Microsoft Entra administrator' }).locator('xpath=following-sibling::dd[1]').textContent()).toBe('PostgreSQL Admins');
    await vscode.shot('review');
    expect(await form.locator('dt', { hasText: 'Network access' }).locator('xpath=following-sibling::dd[1]').textContent()).toBe('Public access (allowed IP addresses)');
    expect(await form.locator('dt', { hasText: 'Firewall rules' }).locator('xpath=following-sibling::dd[1]').textContent()).toContain('e2e-office (198.51.100.0 to 198.51.100.255)');

    // The review's total is the stand-in price list's arithmetic for what the form chose.
    const prices = await readPostgresPrices({ kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca }, 'eastus');
    const storageSizeGB = Number((await form.locator('dt', { hasText: /^Storage$/ }).locator('xpath=following-sibling::dd[1]').textContent())?.replace(/\D/g, ''));
    const expected = estimateMonthlyCost(
      { tier: 'GeneralPurpose', skuName: 'Standard_D4ads_v5', storageSizeGB, highAvailability: { mode: 'ZoneRedundant' }, backup: { retentionDays: 14, geoRedundant: true } },
      4,
      prices,
    );
    if (expected.kind !== 'estimate') throw new Error(`the stand-in has no price for ${expected.missing.join(', ')}`);
    const total = await form.locator('dt', { hasText: 'Total per month' }).locator('xpath=following-sibling::dd[1]').textContent();
    expect(total).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(expected.total));

    await confirmCreate(form);
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName}")`);

    const group = SEEDED_RESOURCE_GROUPS.find((g) => g.name === RESOURCE_GROUP)!;
    const path = `/subscriptions/${group.subscriptionId}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}?api-version=2025-08-01`;
    let server: { tags?: unknown; sku?: unknown; properties?: Record<string, unknown> } = {};
    await waitFor('the sandbox to have created the server', async () => {
      const response = await armRequest(sandbox, 'GET', path);
      server = response.body as typeof server;
      return response.status === 200;
    }, 120_000, 1_000);
    await vscode.shot('server-created');

    expect(server.sku).toMatchObject({ tier: 'GeneralPurpose' });
    expect(server.tags).toEqual({ env: 'e2e', owner: 'pgflex' });
    expect(server.properties).toMatchObject({
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
      backup: { backupRetentionDays: 14, geoRedundantBackup: 'Enabled' },
      storage: { autoGrow: 'Enabled' },
      network: { publicNetworkAccess: 'Enabled' },
    });
    // The deployment ends with its dashboard: waited for here, so that it opens in this test and
    // not over the next test's form. By then every firewall rule of the template is made.
    await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    const rules = await armRequest(sandbox, 'GET', path.replace('?', '/firewallRules?'));
    const listed = (rules.body as { value: { name: string; properties: Record<string, string> }[] }).value;
    expect(listed.map((rule) => ({ name: rule.name, ...rule.properties }))).toContainEqual(office);
    const administrators = await armRequest(sandbox, 'GET', path.replace('?', '/administrators?'));
    expect((administrators.body as { value: { properties: Record<string, string> }[] }).value.map((a) => a.properties)).toEqual([
      expect.objectContaining({ principalName: 'PostgreSQL Admins', principalType: 'Group', objectId: SANDBOX_DIRECTORY.groups[0].id }),
    ]);
  });

  // Issue 14: ARM's validation runs before anything is staged, so a policy denial is read in the
  // form, with the policy's name, instead of minutes later as a failed deployment. The policy
  // allows a server without public access: chosen, Create goes through, and that server (out of
  // this machine's reach, as in Azure) gets its dashboard without a connect attempt.
  it('an Azure Policy denial shows above the form, names the policy, stages nothing; with no public access, Create goes through and the dashboard says how to reach the server', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.setPolicy({ denyPublicServers: true });
    sandbox.control.resetRequests();
    const denied = 'pgflex-denied';
    const form = await openCreateForm(vscode.page);
    await fillCreateForm(vscode, form, { serverName: denied, resourceGroup: RESOURCE_GROUP, location: 'East US' });
    await reviewCreateForm(form);
    await confirmCreate(form);
    const alert = form.locator('.form-failure[role="alert"]');
    await alert.waitFor({ state: 'visible', timeout: 60_000 });
    await vscode.shot('policy-denied');
    expect(await alert.textContent()).toContain("An Azure Policy assignment ('No public PostgreSQL servers'");
    expect(sandbox.control.requestCounts()['deployments.put'] ?? 0).toBe(0);

    // The form is back on its fields, the typed values kept: no public access, review, create.
    await form.locator(`vscode-radio[aria-label="${NETWORK_ACCESS_LABELS.None}"]`).click();
    await reviewCreateForm(form);
    await confirmCreate(form);
    await findWebview(vscode.page, `h1:text("Provisioning ${denied}")`);
    expect(sandbox.control.requestCounts()['deployments.validate']).toBe(2);

    const dashboard = await findWebview(vscode.page, `header h1:text-is("${denied}")`, 120_000);
    const firewall = dashboard.getByRole('region', { name: 'Firewall rules' });
    await firewall.getByText(/^Public access is disabled/).waitFor({ state: 'visible', timeout: 30_000 });
    await vscode.shot('no-public-access-dashboard');
    expect(await firewall.getByRole('button').count()).toBe(0);
    // A connect attempt would have left its failure here in place of these words.
    expect(await dashboard.getByRole('region', { name: 'Connection' }).getByText('Not connected.').isVisible()).toBe(true);
  });
});
