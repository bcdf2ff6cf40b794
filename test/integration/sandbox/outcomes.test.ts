import { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type KnownFailure, type Sandbox } from '../../../sandbox';
import { armRequest, clientOptions, deploymentPath, eventually, RESOURCE_GROUP, serverDeployment, staticCredential, SUBSCRIPTION_ID, type RawResponse } from './sandboxTestKit';

/** Scripted outcomes per server name and the deployment lifecycle around them. */
describe('sandbox scripted outcomes', () => {
  let sandbox: Sandbox;
  let client: DeploymentsClient;
  const api = 'api-version=2025-04-01';
  const serverPath = (name: string, group = RESOURCE_GROUP): string =>
    `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${group}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}?api-version=2025-08-01`;
  const put = (deployment: string, server: string, group = RESOURCE_GROUP): Promise<RawResponse> =>
    armRequest(sandbox, 'PUT', `${deploymentPath(deployment, group)}?${api}`, { body: serverDeployment(server, 'S3cret!pass') });
  const state = async (deployment: string, group = RESOURCE_GROUP): Promise<string> => {
    const r = await armRequest(sandbox, 'GET', `${deploymentPath(deployment, group)}?${api}`);
    return r.status === 404 ? 'NotFound' : (r.body as { properties: { provisioningState: string } }).properties.provisioningState;
  };
  const settled = (deployment: string, group = RESOURCE_GROUP): Promise<string> =>
    eventually(() => state(deployment, group), (s) => ['Succeeded', 'Failed', 'Canceled', 'NotFound'].includes(s));

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 1000, postgres: 'none' });
    client = new DeploymentsClient(staticCredential(), SUBSCRIPTION_ID, clientOptions(sandbox));
  });
  beforeEach(() => sandbox.control.reset());
  afterAll(() => sandbox.stop());

  it.each<[KnownFailure, string]>([
    ['ServerNameAlreadyExists', 'Specified server name is already used by another server.'],
    ['QuotaExceeded', 'quota'],
    ['InvalidParameterValue', "Invalid value given for parameter 'storageSizeGB'"],
    ['InternalServerError', 'An unexpected error occured'],
    ['RequestDisallowedByPolicy', "Resource 'out-fail' was disallowed by policy."],
  ])('fails with %s at the innermost level of the chain, and the SDK poller rejects', async (code, text) => {
    sandbox.control.scriptOutcome('out-fail', { outcome: 'fail', error: code });
    const poller = await client.deployments.beginCreateOrUpdate(RESOURCE_GROUP, `d-${code}`, serverDeployment('out-fail', 'S3cret!pass'), { updateIntervalInMs: 10 });
    await expect(poller.pollUntilDone()).rejects.toThrow();
    const deployment = await client.deployments.get(RESOURCE_GROUP, `d-${code}`);
    expect(deployment.properties?.provisioningState).toBe('Failed');
    const inner = deployment.properties?.error?.details?.[0]?.details?.[0];
    expect(inner?.code).toBe(code);
    expect(inner?.message).toContain(text);
    // The server was never created.
    expect((await armRequest(sandbox, 'GET', serverPath('out-fail'))).status).toBe(404);
  });

  it("a policy denial names the policy in ARM's additionalInfo, in the deployment's error and its operation alike", async () => {
    sandbox.control.scriptOutcome('out-policy', { outcome: 'fail', error: 'RequestDisallowedByPolicy' });
    await put('d-policy', 'out-policy');
    expect(await settled('d-policy')).toBe('Failed');
    const named = { type: 'PolicyViolation', info: expect.objectContaining({ policyAssignmentDisplayName: 'No public PostgreSQL servers', policyDefinitionEffect: 'deny' }) };
    const deployment = await client.deployments.get(RESOURCE_GROUP, 'd-policy');
    expect(deployment.properties?.error?.details?.[0]?.details?.[0]?.additionalInfo).toEqual([named]);
    const operations = [];
    for await (const operation of client.deploymentOperations.list(RESOURCE_GROUP, 'd-policy')) operations.push(operation);
    const failed = operations.find((o) => o.properties?.provisioningState === 'Failed');
    expect(failed?.properties?.statusCode).toBe('Forbidden');
    expect((failed?.properties?.statusMessage as { error: { additionalInfo: unknown } }).error.additionalInfo).toEqual([named]);
  });

  it('fails at a chosen resource with a custom ARM code, after the server exists', async () => {
    sandbox.control.scriptOutcome('out-rule', { outcome: 'fail', error: { code: 'RegionIsOfferRestricted', message: 'Subscriptions are restricted from provisioning in this region.' }, resource: 'firewallRules' });
    await put('d-rule', 'out-rule');
    expect(await settled('d-rule')).toBe('Failed');
    const status = await armRequest(sandbox, 'GET', `${deploymentPath('d-rule')}?${api}`);
    const error = (status.body as { properties: { error: { details: { target: string; details: { code: string; message: string }[] }[] } } }).properties.error;
    expect(error.details[0].target).toMatch(/flexibleServers\/out-rule\/firewallRules\/AllowAllAzureServicesAndResourcesWithinAzureIps$/);
    expect(error.details[0].details[0]).toEqual({ code: 'RegionIsOfferRestricted', message: 'Subscriptions are restricted from provisioning in this region.' });
    expect((await armRequest(sandbox, 'GET', serverPath('out-rule'))).status).toBe(200);
  });

  it('fails only the first N times a deployment of the server is PUT, with the same chain, then succeeds: the same deployment PUT again included', async () => {
    sandbox.control.scriptOutcome('out-flaky', { outcome: 'fail', error: 'InternalServerError', times: 2 });
    const inner = async () => (await client.deployments.get(RESOURCE_GROUP, 'd-flaky')).properties?.error?.details?.[0]?.details?.[0];
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect((await put('d-flaky', 'out-flaky')).status).toBe(attempt === 1 ? 201 : 200);
      expect(await settled('d-flaky')).toBe('Failed');
      expect(await inner()).toMatchObject({ code: 'InternalServerError', message: expect.stringContaining('An unexpected error occured') });
    }
    await put('d-flaky', 'out-flaky');
    expect(await settled('d-flaky')).toBe('Succeeded');
    expect((await armRequest(sandbox, 'GET', serverPath('out-flaky'))).status).toBe(200);
    expect(sandbox.requests.count('deployments.put')).toBe(3);
    expect(() => sandbox.control.scriptOutcome('out-flaky', { outcome: 'fail', error: 'InternalServerError', times: 0 })).toThrow();
  });

  it('hangs: the server stays Running while an unscripted deployment of the same length finishes', async () => {
    sandbox.control.scriptOutcome('out-hang', { outcome: 'hang' });
    const accepted = await put('d-hang', 'out-hang');
    await put('d-normal', 'out-normal');
    expect(await settled('d-normal')).toBe('Succeeded');
    expect(await state('d-hang')).toBe('Running');
    const operations = await armRequest(sandbox, 'GET', `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}/deployments/d-hang/operations?${api}`);
    const ops = (operations.body as { value: { properties: { provisioningState: string; targetResource: { resourceName: string } } }[] }).value;
    expect(ops.map((o) => [o.properties.targetResource.resourceName, o.properties.provisioningState])).toEqual([['out-hang', 'Running']]);
    const status = await armRequest(sandbox, 'GET', String(accepted.headers['azure-asyncoperation']));
    expect(status.body).toEqual({ status: 'Running' });
  });

  it('vanishes: the deployment answers 404 afterwards, with or without the server left behind', async () => {
    sandbox.control.scriptOutcome('out-gone', { outcome: 'vanish' });
    sandbox.control.scriptOutcome('out-kept', { outcome: 'vanish', keepServer: true });
    const accepted = await put('d-gone', 'out-gone');
    expect(accepted.status).toBe(201);
    await put('d-kept', 'out-kept');
    expect(await settled('d-gone')).toBe('NotFound');
    expect(await settled('d-kept')).toBe('NotFound');
    const gone = await armRequest(sandbox, 'GET', `${deploymentPath('d-gone')}?${api}`);
    expect(gone.body).toEqual({ error: { code: 'DeploymentNotFound', message: "Deployment 'd-gone' could not be found." } });
    expect((await armRequest(sandbox, 'GET', serverPath('out-gone'))).status).toBe(404);
    expect((await armRequest(sandbox, 'GET', serverPath('out-kept'))).status).toBe(200);
    const listed = await armRequest(sandbox, 'GET', `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}/providers/Microsoft.Resources/deployments?${api}`);
    expect((listed.body as { value: unknown[] }).value).toEqual([]);
  });

  it('refuses a server name already used in another resource group with ServerNameAlreadyExists', async () => {
    await put('d-first', 'out-shared');
    expect(await settled('d-first')).toBe('Succeeded');
    await armRequest(sandbox, 'PUT', `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/rg-other?api-version=2024-11-01`, { body: { location: 'eastus' } });
    await put('d-second', 'out-shared', 'rg-other');
    expect(await settled('d-second', 'rg-other')).toBe('Failed');
    const failed = await client.deployments.get('rg-other', 'd-second');
    expect(failed.properties?.error?.details?.[0]?.details?.[0]?.code).toBe('ServerNameAlreadyExists');
    // Deploying again where it lives is an update, and succeeds.
    await put('d-again', 'out-shared');
    expect(await settled('d-again')).toBe('Succeeded');
  });

  it('a scripted ServerNameAlreadyExists leaves the name taken, as a server in another tenant holds it: the name check says so, a retry is refused, until reset', async () => {
    const check = async (name: string) =>
      (await armRequest(sandbox, 'POST', `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.DBforPostgreSQL/checkNameAvailability?api-version=2025-08-01`, { body: { name, type: 'Microsoft.DBforPostgreSQL/flexibleServers' } })).body;
    const inner = async (deployment: string) => (await client.deployments.get(RESOURCE_GROUP, deployment)).properties?.error?.details?.[0]?.details?.[0]?.code;
    expect(await check('out-taken')).toMatchObject({ nameAvailable: true });
    sandbox.control.scriptOutcome('out-taken', { outcome: 'fail', error: 'ServerNameAlreadyExists' });
    await put('d-taken', 'out-taken');
    expect(await settled('d-taken')).toBe('Failed');
    expect(await check('out-taken')).toMatchObject({ nameAvailable: false, reason: 'AlreadyExists' });
    // The script gone, the other tenant's server is still there: Retry with the name fails the same way.
    sandbox.control.clearOutcome('out-taken');
    await put('d-taken-again', 'out-taken');
    expect(await settled('d-taken-again')).toBe('Failed');
    expect(await inner('d-taken-again')).toBe('ServerNameAlreadyExists');
    expect((await armRequest(sandbox, 'GET', serverPath('out-taken'))).status).toBe(404);
    // Another scripted failure takes no name.
    sandbox.control.scriptOutcome('out-quota', { outcome: 'fail', error: 'QuotaExceeded' });
    await put('d-quota', 'out-quota');
    expect(await settled('d-quota')).toBe('Failed');
    expect(await check('out-quota')).toMatchObject({ nameAvailable: true });
    sandbox.control.reset();
    expect(await check('out-taken')).toMatchObject({ nameAvailable: true });
  });

  it('refuses to overwrite an active deployment, and cancels one on request', async () => {
    sandbox.control.scriptOutcome('out-busy', { outcome: 'hang' });
    await put('d-busy', 'out-busy');
    const again = await put('d-busy', 'out-busy');
    expect(again.status).toBe(409);
    expect((again.body as { error: { code: string } }).error.code).toBe('DeploymentActive');
    await client.deployments.cancel(RESOURCE_GROUP, 'd-busy');
    expect(await state('d-busy')).toBe('Canceled');
  });

  it('cancels as ARM does: 204 while it runs, Canceled afterwards, 409 DeploymentCannotBeCancelled once it is not running, and what was created stays', async () => {
    sandbox.control.scriptOutcome('out-cancel', { outcome: 'succeed', durations: { firewallRules: 1_000_000 } });
    await put('d-cancel', 'out-cancel');
    await eventually(async () => (await armRequest(sandbox, 'GET', serverPath('out-cancel'))).status, (status) => status === 200);
    const cancel = () => armRequest(sandbox, 'POST', `${deploymentPath('d-cancel')}/cancel?${api}`);
    const accepted = await cancel();
    expect(accepted.status).toBe(204);
    expect(await state('d-cancel')).toBe('Canceled');
    const refused = await cancel();
    expect(refused.status).toBe(409);
    expect((refused.body as { error: { code: string; message: string } }).error).toEqual({
      code: 'DeploymentCannotBeCancelled',
      message: "The deployment 'd-cancel' cannot be cancelled because it is in a terminal state 'Canceled'.",
    });
    // The server finished before the cancel: it stays, as ARM leaves what it created.
    expect((await armRequest(sandbox, 'GET', serverPath('out-cancel'))).status).toBe(200);
    // The SDK's cancel throws ARM's code for the 409.
    await expect(client.deployments.cancel(RESOURCE_GROUP, 'd-cancel')).rejects.toMatchObject({ statusCode: 409, code: 'DeploymentCannotBeCancelled' });
    await put('d-done', 'out-done');
    expect(await settled('d-done')).toBe('Succeeded');
    expect((await armRequest(sandbox, 'POST', `${deploymentPath('d-done')}/cancel?${api}`)).status).toBe(409);
  });

  it('runs resources in order with per-server durations, and a listing filtered on Running shows only running ones', async () => {
    sandbox.control.scriptOutcome('out-slow', { outcome: 'succeed', durations: { flexibleServers: 100_000 } });
    await put('d-slow', 'out-slow');
    await put('d-fast', 'out-fast');
    expect(await settled('d-fast')).toBe('Succeeded');
    const running = await armRequest(sandbox, 'GET', `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}/providers/Microsoft.Resources/deployments?${api}&%24filter=provisioningState%20eq%20'Running'`);
    expect((running.body as { value: { name: string }[] }).value.map((d) => d.name)).toEqual(['d-slow']);
  });

  it('applies a new speed factor to what remains of a running deployment', async () => {
    sandbox.control.setSpeed(0.001);
    await put('d-frozen', 'out-frozen');
    expect(await state('d-frozen')).toBe('Accepted');
    sandbox.control.setSpeed(1000);
    expect(await settled('d-frozen')).toBe('Succeeded');
    expect(sandbox.control.speed()).toBe(1000);
  });
});
