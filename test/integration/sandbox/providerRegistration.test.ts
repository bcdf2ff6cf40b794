import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { ResourceManagementClient } from '@azure/arm-resources';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_SUBSCRIPTIONS, startSandbox, type Sandbox } from '../../../sandbox';
import { armRequest, clientOptions, deploymentPath, eventually, RESOURCE_GROUP, serverDeployment, staticCredential, SUBSCRIPTION_ID } from './sandboxTestKit';

const NAMESPACE = 'Microsoft.DBforPostgreSQL';
const NOT_REGISTERED = `The subscription is not registered to use namespace '${NAMESPACE}'. See https://aka.ms/rps-not-found for how to register subscriptions.`;

/** A subscription not registered for Microsoft.DBforPostgreSQL, as ARM answers it, and registering it. */
describe('sandbox provider registration', () => {
  let sandbox: Sandbox;
  let resources: ResourceManagementClient;
  const providerPath = (subscriptionId = SUBSCRIPTION_ID) => `/subscriptions/${subscriptionId}/providers/${NAMESPACE}`;
  const capabilitiesPath = (subscriptionId = SUBSCRIPTION_ID) => `${providerPath(subscriptionId)}/locations/eastus/capabilities?api-version=2025-08-01`;

  beforeAll(async () => {
    // Speed 600: the simulated minute of Registering takes 100 ms.
    sandbox = await startSandbox({ speed: 600, postgres: 'none' });
    resources = new ResourceManagementClient(staticCredential(), SUBSCRIPTION_ID, clientOptions(sandbox));
  });
  beforeEach(() => sandbox.control.reset());
  afterAll(() => sandbox.stop());

  it('is registered by default: the provider reads Registered and its routes answer', async () => {
    expect((await resources.providers.get(NAMESPACE)).registrationState).toBe('Registered');
    expect((await armRequest(sandbox, 'GET', capabilitiesPath())).status).toBe(200);
  });

  it("answers the provider's routes with ARM's 409 MissingSubscriptionRegistration while unregistered, in that subscription only", async () => {
    sandbox.control.setProviderRegistration(SUBSCRIPTION_ID, { registered: false });
    const refused = await armRequest(sandbox, 'GET', capabilitiesPath());
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: { code: 'MissingSubscriptionRegistration', message: NOT_REGISTERED, details: [{ code: 'MissingSubscriptionRegistration', target: NAMESPACE, message: NOT_REGISTERED }] },
    });
    const flex = new PostgreSQLManagementFlexibleServerClient(staticCredential(), SUBSCRIPTION_ID, clientOptions(sandbox));
    await expect(flex.nameAvailability.checkGlobally({ name: 'pg-unregistered', type: `${NAMESPACE}/flexibleServers` })).rejects.toMatchObject({ statusCode: 409, code: 'MissingSubscriptionRegistration' });
    await expect(flex.servers.get(RESOURCE_GROUP, 'pg-unregistered')).rejects.toMatchObject({ statusCode: 409 });
    expect((await armRequest(sandbox, 'GET', capabilitiesPath(SANDBOX_SUBSCRIPTIONS[1].subscriptionId))).status).toBe(200);
    expect((await resources.providers.get(NAMESPACE)).registrationState).toBe('NotRegistered');
  });

  it('registers through the SDK: Registering at first, Registered after the simulated minute, and the routes answer again', async () => {
    sandbox.control.setProviderRegistration(SUBSCRIPTION_ID, { registered: false });
    const answer = await resources.providers.register(NAMESPACE);
    expect(answer).toMatchObject({ namespace: NAMESPACE, registrationState: 'Registering', id: providerPath() });
    expect((await armRequest(sandbox, 'GET', capabilitiesPath())).status).toBe(409);
    await eventually(() => resources.providers.get(NAMESPACE), (p) => p.registrationState === 'Registered');
    expect((await armRequest(sandbox, 'GET', capabilitiesPath())).status).toBe(200);
    expect(sandbox.requests.count('providers.register')).toBe(1);
  });

  it("refuses to register for a caller without register/action: ARM's 403 AuthorizationFailed, and nothing changes", async () => {
    sandbox.control.setProviderRegistration(SUBSCRIPTION_ID, { registered: false, mayRegister: false });
    const error = await resources.providers.register(NAMESPACE).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
    expect((error as Error).message).toContain(`'${NAMESPACE}/register/action' over scope '/subscriptions/${SUBSCRIPTION_ID}'`);
    expect((await resources.providers.get(NAMESPACE)).registrationState).toBe('NotRegistered');
  });

  it('a deployment registers the provider itself when the caller may, and runs', async () => {
    sandbox.control.setProviderRegistration(SUBSCRIPTION_ID, { registered: false });
    await armRequest(sandbox, 'PUT', `${deploymentPath('d-registers')}?api-version=2025-04-01`, { body: serverDeployment('pg-registers', 'S3cret!pass') });
    expect((await resources.providers.get(NAMESPACE)).registrationState).toBe('Registering');
    const state = await eventually(
      async () => ((await armRequest(sandbox, 'GET', `${deploymentPath('d-registers')}?api-version=2025-04-01`)).body as { properties: { provisioningState: string } }).properties.provisioningState,
      (s) => s === 'Succeeded' || s === 'Failed',
    );
    expect(state).toBe('Succeeded');
  });

  it('a deployment fails with MissingSubscriptionRegistration when the caller may not register, before any resource starts', async () => {
    sandbox.control.setProviderRegistration(SUBSCRIPTION_ID, { registered: false, mayRegister: false });
    const put = await armRequest(sandbox, 'PUT', `${deploymentPath('d-refused')}?api-version=2025-04-01`, { body: serverDeployment('pg-refused', 'S3cret!pass') });
    expect(put.status).toBe(201);
    const read = () => armRequest(sandbox, 'GET', `${deploymentPath('d-refused')}?api-version=2025-04-01`);
    const deployment = await eventually(read, (r) => (r.body as { properties: { provisioningState: string } }).properties.provisioningState !== 'Accepted');
    const properties = (deployment.body as { properties: { provisioningState: string; error: unknown } }).properties;
    expect(properties.provisioningState).toBe('Failed');
    expect(properties.error).toMatchObject({ code: 'MissingSubscriptionRegistration', details: [{ target: NAMESPACE }] });
    const operations = await armRequest(sandbox, 'GET', `${deploymentPath('d-refused')}/operations?api-version=2025-04-01`);
    expect((operations.body as { value: unknown[] }).value).toEqual([]);
  });

  it('takes the control call over HTTP, validating its body', async () => {
    const control = (body: unknown) => armRequest(sandbox, 'PUT', `/_sandbox/providerRegistrations/${SUBSCRIPTION_ID}`, { body, token: null });
    expect((await control({ registered: 'no' })).status).toBe(400);
    expect((await control({ registered: false, mayRegister: false })).status).toBe(204);
    expect((await armRequest(sandbox, 'POST', `${providerPath()}/register?api-version=2025-04-01`)).status).toBe(403);
    sandbox.control.reset();
    expect((await armRequest(sandbox, 'GET', capabilitiesPath())).status).toBe(200);
  });
});
