import { describe, expect, it } from 'vitest';
import { SEEDED_RESOURCE_GROUPS } from '../../sandbox';
import { armRequest } from '../integration/sandbox/sandboxTestKit';
import { chooseOption, confirmCreate, CREATE_FORM_HEADING, createServer, fillCreateForm, findCreateForm, openCreateForm, reviewCreateForm } from './flows/createServerForm';
import { clickNotificationButton } from './harness/notifications';
import { findWebview } from './harness/webview';
import { useScenario } from './flows/scenario';

// Issue 14: the subscription is not registered for Microsoft.DBforPostgreSQL. The form shows ARM's
// reason and offers to register it; the user registers from the form, the form reads Azure's
// choices again, and the server is created. A deployment refused for the same reason offers
// Register Provider on its failure notification, then Retry.
describe('scenario 13: provider registration from the create form and the failure notification', () => {
  const serverName = 'pgflex-registers';
  const RESOURCE_GROUP = 'rg-pgflex-dev';
  const subscriptionId = SEEDED_RESOURCE_GROUPS.find((g) => g.name === RESOURCE_GROUP)!.subscriptionId;
  const provider = `/subscriptions/${subscriptionId}/providers/Microsoft.DBforPostgreSQL?api-version=2025-04-01`;
  const scenario = useScenario('scenario-13-provider-registration');
  const registrationState = async () => ((await armRequest(scenario.sandbox, 'GET', provider)).body as { registrationState: string }).registrationState;

  it('unregistered: the form says why and offers Register; after it the location’s choices load and the server is created', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.setProviderRegistration(subscriptionId, { registered: false });
    expect(await registrationState()).toBe('NotRegistered');

    const form = await openCreateForm(vscode.page);
    await chooseOption(form, 'resourceGroupName', RESOURCE_GROUP);
    await chooseOption(form, 'location', 'East US');
    const failure = form.locator('p.form-failure');
    await failure.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await failure.innerText()).toContain("The subscription is not registered to use namespace 'Microsoft.DBforPostgreSQL'");
    const register = form.locator('vscode-button#registerProvider');
    expect(await register.innerText()).toContain('Register Microsoft.DBforPostgreSQL');
    // Nothing to choose from: Azure did not say what East US offers.
    expect(await form.locator('vscode-single-select#version vscode-option').count()).toBe(0);
    await vscode.shot('not-registered');

    await register.click();
    // Once registered, the form asks again: East US's versions arrive, and the offer is gone.
    await form.locator('vscode-single-select#version vscode-option').first().waitFor({ state: 'attached', timeout: 60_000 });
    await register.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await failure.count()).toBe(0);
    expect(await registrationState()).toBe('Registered');
    expect(sandbox.requests.count('providers.register')).toBe(1);
    await vscode.shot('registered');

    await fillCreateForm(vscode, form, { serverName, resourceGroup: RESOURCE_GROUP, location: 'East US' });
    await reviewCreateForm(form);
    await confirmCreate(form);
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName}")`);
    await vscode.shot('deploying');
    // Meanwhile the user starts on the next server. The deployment's dashboard opens by itself when
    // it ends: beside that form, never over it.
    const next = await openCreateForm(vscode.page);
    await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 120_000);
    await vscode.shot('ready-beside-the-next-form');
    expect(await next.locator(CREATE_FORM_HEADING).isVisible()).toBe(true);
    const server = await armRequest(sandbox, 'GET', `/subscriptions/${subscriptionId}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}?api-version=2025-08-01`);
    expect(server.status).toBe(200);
  });

  it('a deployment refused for the unregistered subscription: Register Provider on its failure notification registers it, then Retry reopens the form', async () => {
    const { vscode, sandbox } = scenario;
    const serverName = 'pgflex-registers-later';
    // ARM refuses such a deployment at its PUT, but the form's preflight reads the provider's own
    // routes first, which an unregistered subscription is refused: the refusal is scripted with
    // ARM's code and words, and the subscription unregistered once the deployment failed.
    const refusal = "The subscription is not registered to use namespace 'Microsoft.DBforPostgreSQL'. See https://aka.ms/rps-not-found for how to register subscriptions.";
    sandbox.control.scriptOutcome(serverName, { outcome: 'fail', error: { code: 'MissingSubscriptionRegistration', message: refusal } });
    await createServer(vscode, { serverName, resourceGroup: RESOURCE_GROUP, location: 'East US' });
    await findWebview(vscode.page, `h1:text("Provisioning ${serverName} failed")`, 120_000);
    sandbox.control.setProviderRegistration(subscriptionId, { registered: false });
    expect(await registrationState()).toBe('NotRegistered');
    const registeredBefore = sandbox.requests.count('providers.register');

    await clickNotificationButton(vscode.page, `provisioning failed for '${serverName}'`, 'Register Provider');
    await clickNotificationButton(vscode.page, `Microsoft.DBforPostgreSQL is registered for the subscription of '${serverName}'`, 'Retry', 120_000);
    expect(await registrationState()).toBe('Registered');
    expect(sandbox.requests.count('providers.register') - registeredBefore).toBe(1);
    await vscode.shot('registered-from-notification');
    await findCreateForm(vscode.page, serverName);
    await vscode.shot('retry-form');
  });
});
