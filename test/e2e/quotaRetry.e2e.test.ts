import { describe, expect, it } from 'vitest';
import { SEEDED_RESOURCE_GROUPS } from '../../sandbox';
import { armRequest } from '../integration/sandbox/sandboxTestKit';
import { createServer, findCreateForm, pauseBeforeSubmit, selectedValue, submitCreateForm, typePassword } from './flows/createServerForm';
import { clickNotificationButton, waitForNotification } from './harness/notifications';
import { countWebviewsWith, findWebview } from './harness/webview';
import { useScenario } from './flows/scenario';

// Issue 14: the vCore quota in East US holds 3 vCores, so General Purpose's default size (4 vCores)
// fails with QuotaExceeded. The failure notification's Retry opens the form with the next smaller
// size chosen and a notice saying why; the user types the password, creates, and it succeeds.
describe('scenario 15: quota exceeded, Retry with a smaller size', () => {
  const serverName = 'pgflex-quota';
  const RESOURCE_GROUP = 'rg-pgflex-dev';
  const scenario = useScenario('scenario-15-quota-retry');
  const failed = `provisioning failed for '${serverName}'`;

  it('a quota failure whose Retry with the suggested smaller size succeeds', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.setQuota({ location: 'eastus', vCores: 3 });
    await createServer(vscode, { serverName, resourceGroup: RESOURCE_GROUP, location: 'East US', options: { tier: 'General Purpose' } });
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName} failed")`, 120_000);
    const notification = await waitForNotification(vscode.page, failed);
    expect(await notification.innerText()).toContain('exceeding approved vCore quota');
    await vscode.shot('quota-failure');

    await clickNotificationButton(vscode.page, failed, 'Retry');
    const form = await findCreateForm(vscode.page, serverName);
    const notice = form.locator('#skuName-notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.innerText()).toContain(
      "Azure's vCore quota in eastus was used up: Standard_D2ads_v5 (2 vCores) is suggested instead of Standard_D4ads_v5 (4 vCores). Request more quota to keep the larger size.",
    );
    expect(await notice.locator('a', { hasText: 'Request More Quota' }).getAttribute('href')).toMatch(/^https:\/\/learn\.microsoft\.com\/.*quota/);
    expect(await selectedValue(form, 'skuName')).toBe('Standard_D2ads_v5');
    expect(await selectedValue(form, 'tier')).toBe('GeneralPurpose');
    // The rest is the failed request's: the group's option is there once Azure's choices came again.
    await form.locator('vscode-single-select#resourceGroupName vscode-option', { hasText: RESOURCE_GROUP }).waitFor({ state: 'attached', timeout: 30_000 });
    await vscode.shot('retry-form-smaller-size');

    await typePassword(vscode, form);
    await pauseBeforeSubmit(vscode);
    await submitCreateForm(form);
    // The deployment ends with its dashboard, opened over the panel (which may say "ready" for less
    // than a look): the dashboard is awaited, then the panel, kept behind it, is read.
    await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    await vscode.shot('retry-ready');
    expect(await countWebviewsWith(vscode.page, `h1:text-is("${serverName} is ready")`)).toBe(1);

    const group = SEEDED_RESOURCE_GROUPS.find((g) => g.name === RESOURCE_GROUP)!;
    const server = await armRequest(sandbox, 'GET', `/subscriptions/${group.subscriptionId}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}?api-version=2025-08-01`);
    expect(server.status).toBe(200);
    expect(server.body).toMatchObject({ sku: { name: 'Standard_D2ads_v5', tier: 'GeneralPurpose' } });
    expect(sandbox.requests.count('deployments.put')).toBe(2);
  });
});
