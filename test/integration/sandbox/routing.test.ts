import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { armRequest, deploymentPath, eventually, RESOURCE_GROUP, serverDeployment, SUBSCRIPTION_ID } from './sandboxTestKit';

/** Wire details different clients rely on: path spelling, paging, LRO headers, request validation. */
describe('sandbox routing and wire details', () => {
  let sandbox: Sandbox;
  const api = 'api-version=2025-04-01';
  const groupPath = `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 1000, postgres: 'none' });
  });
  beforeEach(() => sandbox.control.reset());
  afterAll(() => sandbox.stop());

  it('matches paths case-insensitively, with resourceGroups or resourcegroups and a trailing slash', async () => {
    // Slow enough that the deployment is still Accepted when listed.
    sandbox.control.setSpeed(0.01);
    await armRequest(sandbox, 'PUT', `${deploymentPath('d-case')}?${api}`, { body: serverDeployment('route-case', 'S3cret!pass') });
    const spellings = [
      `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Resources/deployments/d-case?${api}`,
      `/SUBSCRIPTIONS/${SUBSCRIPTION_ID}/RESOURCEGROUPS/${RESOURCE_GROUP.toUpperCase()}/PROVIDERS/microsoft.resources/DEPLOYMENTS/D-CASE?${api}`,
      `${groupPath}/providers/Microsoft.Resources/deployments/d-case/?${api}`,
    ];
    for (const path of spellings) expect((await armRequest(sandbox, 'GET', path)).status).toBe(200);
    expect(sandbox.requests.count('deployments.get')).toBe(3);
    const list = await armRequest(sandbox, 'GET', `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Resources/deployments/?%24filter=provisioningState%20eq%20'Accepted'&%24top=5&${api}`);
    expect((list.body as { value: { name: string }[] }).value.map((d) => d.name)).toEqual(['d-case']);
  });

  it('pages long lists with a nextLink on its own base and honours $top', async () => {
    for (let i = 0; i < 120; i++) {
      await armRequest(sandbox, 'PUT', `${deploymentPath(`d-page-${i}`)}?${api}`, { body: serverDeployment(`route-page-${i}`, 'S3cret!pass') });
    }
    const first = await armRequest(sandbox, 'GET', `${groupPath}/providers/Microsoft.Resources/deployments?${api}`);
    const page1 = first.body as { value: unknown[]; nextLink: string };
    expect(page1.value).toHaveLength(100);
    expect(page1.nextLink.startsWith(`${sandbox.url}/`)).toBe(true);
    const second = await armRequest(sandbox, 'GET', page1.nextLink);
    expect(second.body).not.toHaveProperty('nextLink');
    expect((second.body as { value: unknown[] }).value).toHaveLength(20);
    const top = await armRequest(sandbox, 'GET', `${groupPath}/providers/Microsoft.Resources/deployments?${api}&$top=7`);
    expect((top.body as { value: unknown[] }).value).toHaveLength(7);
  });

  it("deletes the oldest finished deployments above 700 per resource group, as ARM's history limit does", async () => {
    for (let i = 0; i < 701; i++) {
      await armRequest(sandbox, 'PUT', `${deploymentPath(`d-history-${i}`)}?${api}`, { body: serverDeployment(`route-history-${i}`, 'S3cret!pass', { firewallRule: false }) });
      // Let the oldest ones finish before the limit is reached.
      if (i === 9) await eventually(() => armRequest(sandbox, 'GET', `${deploymentPath('d-history-9')}?${api}`), (r) => (r.body as { properties: { provisioningState: string } }).properties.provisioningState === 'Succeeded');
    }
    expect((await armRequest(sandbox, 'GET', `${deploymentPath('d-history-0')}?${api}`)).status).toBe(404);
    expect((await armRequest(sandbox, 'GET', `${deploymentPath('d-history-700')}?${api}`)).status).toBe(200);
    // The server of a deleted deployment is still there.
    expect((await armRequest(sandbox, 'GET', `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/route-history-0?api-version=2025-08-01`)).status).toBe(200);
  });

  it('accepts a PUT with 201, LRO headers on its own https base, and a status that runs to Succeeded', async () => {
    const put = await armRequest(sandbox, 'PUT', `${deploymentPath('d-lro')}?${api}`, { body: serverDeployment('route-lro', 'S3cret!pass') });
    expect(put.status).toBe(201);
    const asyncOperation = String(put.headers['azure-asyncoperation']);
    expect(asyncOperation).toMatch(new RegExp(`^${sandbox.url}/subscriptions/.+/deployments/d-lro/operationStatuses/\\w+\\?api-version=`));
    expect(String(put.headers.location).startsWith(`${sandbox.url}/`)).toBe(true);
    const statuses = new Set<string>();
    await eventually(
      async () => (await armRequest(sandbox, 'GET', asyncOperation)).body as { status: string },
      (s) => (statuses.add(s.status), s.status === 'Succeeded'),
    );
    expect([...statuses]).toEqual(expect.arrayContaining(['Running', 'Succeeded']));
    const result = await armRequest(sandbox, 'GET', String(put.headers.location));
    expect((result.body as { properties: { provisioningState: string } }).properties.provisioningState).toBe('Succeeded');
  });

  it('reports each resource Running, then Succeeded, one after another', async () => {
    sandbox.control.setSpeed(200);
    await armRequest(sandbox, 'PUT', `${deploymentPath('d-steps')}?${api}`, { body: serverDeployment('route-steps', 'S3cret!pass', { database: 'app' }) });
    const seen = new Set<string>();
    let mostInFlight = 0;
    await eventually(
      async () => {
        const r = await armRequest(sandbox, 'GET', `${groupPath}/deployments/d-steps/operations?${api}`);
        const ops = (r.body as { value: { properties: { provisioningState: string; targetResource?: { resourceType: string } } }[] }).value;
        for (const o of ops) if (o.properties.targetResource) seen.add(`${o.properties.targetResource.resourceType.split('/').pop()}:${o.properties.provisioningState}`);
        mostInFlight = Math.max(mostInFlight, ops.filter((o) => ['Accepted', 'Running'].includes(o.properties.provisioningState)).length);
        return ops;
      },
      (ops) => ops.some((o) => !o.properties.targetResource),
      2000,
    );
    expect(seen).toContain('flexibleServers:Running');
    expect(seen).toContain('flexibleServers:Succeeded');
    expect(seen).toContain('databases:Succeeded');
    expect(mostInFlight).toBe(1);
  });

  it('answers template and request errors at once, as ARM does', async () => {
    const missing = serverDeployment('route-bad', 'S3cret!pass');
    delete missing.properties.parameters.administratorLoginPassword;
    const noParameter = await armRequest(sandbox, 'PUT', `${deploymentPath('d-bad')}?${api}`, { body: missing });
    expect(noParameter.status).toBe(400);
    expect((noParameter.body as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'InvalidTemplate',
      message: expect.stringContaining("'administratorLoginPassword'"),
    });

    const unknownFunction = serverDeployment('route-bad', 'S3cret!pass');
    (unknownFunction.properties.template.resources as { location: string }[])[0].location = "[noSuchFunction('x')]";
    const badExpression = await armRequest(sandbox, 'PUT', `${deploymentPath('d-bad')}?${api}`, { body: unknownFunction });
    expect((badExpression.body as { error: { code: string } }).error.code).toBe('InvalidTemplate');

    const noGroup = await armRequest(sandbox, 'PUT', `${deploymentPath('d-bad', 'rg-absent')}?${api}`, { body: serverDeployment('route-bad', 'S3cret!pass') });
    expect([noGroup.status, (noGroup.body as { error: { code: string } }).error.code]).toEqual([404, 'ResourceGroupNotFound']);

    const noVersion = await armRequest(sandbox, 'GET', deploymentPath('d-bad'));
    expect([noVersion.status, (noVersion.body as { error: { code: string } }).error.code]).toEqual([400, 'MissingApiVersionParameter']);

    const unknown = await armRequest(sandbox, 'GET', `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Compute/virtualMachines?${api}`);
    expect([unknown.status, (unknown.body as { error: { code: string } }).error.code]).toEqual([404, 'NotFound']);
    expect(sandbox.requests.count('unknown')).toBe(1);
    expect(sandbox.requests.count('deployments.put')).toBe(3);
  });
});
