import { describe, expect, it } from 'vitest';
import { SANDBOX_LOCATIONS, SEEDED_RESOURCE_GROUPS } from '../../sandbox';
import { armRequest } from '../integration/sandbox/sandboxTestKit';
import { createServer, findCreateForm, pauseBeforeSubmit, selectedValue, submitCreateForm, typePassword } from './flows/createServerForm';
import { clickNotificationButton, waitForNotification } from './harness/notifications';
import { findWebview } from './harness/webview';
import { useScenario } from './flows/scenario';

// Issue 14: East US is out of capacity for General Purpose's default size (its capabilities still
// list it), and East US 2 lists it Disabled for the subscription. The deployment fails with
// SkuNotAvailable; Retry's form lists the other locations that offer the size, East US 2 not among
// them; North Europe, clicked, becomes the location with the size kept, and the server is created there.
describe('scenario 20: a size refused in a region, Retry in a location that offers it', () => {
  const serverName = 'pgflex-sku';
  const RESOURCE_GROUP = 'rg-pgflex-dev';
  const SIZE = 'Standard_D4ads_v5';
  const scenario = useScenario('scenario-20-sku-retry');
  const failed = `provisioning failed for '${serverName}'`;

  it('SkuNotAvailable: the Retry form lists the locations that offer the size; one clicked, the server is created there', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.restrictSku({ location: 'eastus', skuName: SIZE, listed: true });
    sandbox.control.restrictSku({ location: 'eastus2', skuName: SIZE, listed: false });
    await createServer(vscode, { serverName, resourceGroup: RESOURCE_GROUP, location: 'East US', options: { tier: 'General Purpose' } });
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName} failed")`, 120_000);
    const notification = await waitForNotification(vscode.page, failed);
    expect(await notification.innerText()).toMatch(/not available in location 'eastus'[\s\S]*Retry: the form lists the other locations that offer it/);

    await clickNotificationButton(vscode.page, failed, 'Retry');
    const form = await findCreateForm(vscode.page, serverName);
    const offered = form.getByRole('group', { name: 'Locations that offer it' });
    await offered.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await form.locator('#location-regions').innerText()).toMatch(
      new RegExp(`^Azure did not offer ${SIZE} \\(General Purpose, PostgreSQL \\d+\\) in East US to this subscription\\. These locations offer it; or keep this one and choose another compute size\\.$`),
    );
    const others = SANDBOX_LOCATIONS.filter((l) => !['eastus', 'eastus2'].includes(l.name)).map((l) => l.displayName);
    expect((await offered.locator('vscode-button').allInnerTexts()).map((t) => t.trim()).sort()).toEqual(others.sort());
    await vscode.shot('retry-form-locations');

    await offered.locator('vscode-button', { hasText: 'North Europe' }).click();
    await expect.poll(() => selectedValue(form, 'location'), { timeout: 10_000 }).toBe('northeurope');
    // North Europe's capabilities come, and they offer the size: it stays.
    await form.locator('vscode-single-select#version vscode-option').first().waitFor({ state: 'attached', timeout: 30_000 });
    expect(await selectedValue(form, 'skuName')).toBe(SIZE);
    expect(await selectedValue(form, 'tier')).toBe('GeneralPurpose');
    await form.locator('vscode-single-select#resourceGroupName vscode-option', { hasText: RESOURCE_GROUP }).waitFor({ state: 'attached', timeout: 30_000 });

    await typePassword(vscode, form);
    await pauseBeforeSubmit(vscode);
    await submitCreateForm(form);
    await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    await vscode.shot('retry-ready');

    const group = SEEDED_RESOURCE_GROUPS.find((g) => g.name === RESOURCE_GROUP)!;
    const server = await armRequest(sandbox, 'GET', `/subscriptions/${group.subscriptionId}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}?api-version=2025-08-01`);
    expect(server.status).toBe(200);
    expect(server.body).toMatchObject({ sku: { name: SIZE, tier: 'GeneralPurpose' } });
    expect((server.body as { location: string }).location.replace(/\s+/g, '').toLowerCase()).toBe('northeurope');
    expect(sandbox.requests.count('deployments.put')).toBe(2);
  });
});
