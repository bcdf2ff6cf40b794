import { describe, expect, it } from 'vitest';
import { SEEDED_RESOURCE_GROUPS } from '../../sandbox';
import { armRequest } from '../integration/sandbox/sandboxTestKit';
import { createServer, findCreateForm, pauseBeforeSubmit, SERVER_NAME_INPUT, submitCreateForm, typePassword } from './flows/createServerForm';
import { clickNotificationButton, waitForNotification } from './harness/notifications';
import { findWebview } from './harness/webview';
import { LASTING_FAILURE, useScenario } from './flows/scenario';

// Issue 14: a deployment fails after its server was created (the client's firewall rule is
// refused), so the server stays behind and its name is taken. Retry refills the form with that
// name: the form says it is taken and why, and offers free names, each checked with the sandbox's
// name availability; one is clicked, checked again, and created.
describe('scenario 16: a taken server name on Retry, a free name suggested', () => {
  const serverName = 'pgflex-leftover';
  const RESOURCE_GROUP = 'rg-pgflex-dev';
  const scenario = useScenario('scenario-16-taken-name');
  const failed = `provisioning failed for '${serverName}'`;

  it('the leftover server is named as a reason, a suggested name is free and is created', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(serverName, { outcome: 'fail', error: LASTING_FAILURE, resource: 'firewallRules' });
    await createServer(vscode, { serverName, resourceGroup: RESOURCE_GROUP, location: 'East US' });
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName} failed")`, 120_000);
    await waitForNotification(vscode.page, failed);

    await clickNotificationButton(vscode.page, failed, 'Retry');
    const form = await findCreateForm(vscode.page, serverName);
    const notice = form.locator('#serverName-notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.innerText()).toBe(
      `${serverName} is taken: server names are unique across all of Azure. It may be the server the failed deployment left behind in resource group ${RESOURCE_GROUP}; delete that server to use the name again, or choose a free name.`,
    );
    const suggestions = form.locator('.name-suggestions vscode-button');
    await suggestions.first().waitFor({ state: 'visible', timeout: 30_000 });
    const names = (await suggestions.allInnerTexts()).map((text) => text.trim());
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain(serverName);
    expect(names[0]).toBe(`${serverName}-2`);
    await vscode.shot('retry-form-name-taken');

    await suggestions.first().click();
    expect(await form.locator(SERVER_NAME_INPUT).inputValue()).toBe(names[0]);
    // Checked again like a typed name: the sandbox calls it free.
    await form.getByText(`${names[0]}.postgres.database.azure.com is available.`).waitFor({ state: 'visible', timeout: 30_000 });
    expect(await notice.count()).toBe(0);
    await vscode.shot('suggested-name-chosen');

    await typePassword(vscode, form);
    await pauseBeforeSubmit(vscode);
    await submitCreateForm(form);
    await findWebview(vscode.page, `h1:text-is("${names[0]} is ready")`, 120_000);
    await vscode.shot('suggested-name-ready');

    const group = SEEDED_RESOURCE_GROUPS.find((g) => g.name === RESOURCE_GROUP)!;
    const serverPath = (name: string) => `/subscriptions/${group.subscriptionId}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}?api-version=2025-08-01`;
    expect((await armRequest(sandbox, 'GET', serverPath(names[0]))).status).toBe(200);
    // The leftover is still there: nothing was deleted behind the user's back.
    expect((await armRequest(sandbox, 'GET', serverPath(serverName))).status).toBe(200);
  });
});
