import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { shapeDifferences } from './jsonShape';
import { armRequest, deploymentPath, eventually, RESOURCE_GROUP, serverDeployment, SERVER_TYPE, SUBSCRIPTION_ID } from './sandboxTestKit';

/** The sandbox's answers against the official azure-rest-api-specs examples: same keys, same value types, enums in range. */

interface Example {
  responses: Record<string, { body?: unknown }>;
}

function example(file: string, status = '200'): unknown {
  const parsed = JSON.parse(readFileSync(new URL(`../../fixtures/arm-examples/${file}`, import.meta.url), 'utf8')) as Example;
  return parsed.responses[status].body;
}

const SERVER_STATES = ['Ready', 'Provisioning', 'Updating', 'Starting', 'Stopping', 'Stopped', 'Restarting', 'Dropping', 'Disabled', 'Inaccessible'];
const TIERS = ['Burstable', 'GeneralPurpose', 'MemoryOptimized'];
const PROVISIONING_STATES = ['NotSpecified', 'Accepted', 'Running', 'Ready', 'Creating', 'Created', 'Deleting', 'Deleted', 'Canceled', 'Failed', 'Succeeded', 'Updating'];
const ENABLED = ['Enabled', 'Disabled'];
const ISO_DURATION = /^PT(\d+H)?(\d+M)?(\d+(\.\d+)?S)?$/;

const PG = '/providers/Microsoft.DBforPostgreSQL';
const API = 'api-version=2025-08-01';

describe('sandbox fidelity to the official ARM examples', () => {
  let sandbox: Sandbox;
  let accepted: Record<string, unknown>;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 1000, postgres: 'none' });
    const put = await armRequest(sandbox, 'PUT', `${deploymentPath('pgflex-fid-1')}?api-version=2025-04-01`, { body: serverDeployment('fid-one', 'S3cret!pass', { entraAdmin: true }) });
    accepted = put.body as Record<string, unknown>;
    sandbox.control.scriptOutcome('fid-broken', { outcome: 'fail', error: 'QuotaExceeded' });
    await armRequest(sandbox, 'PUT', `${deploymentPath('pgflex-fid-2')}?api-version=2025-04-01`, { body: serverDeployment('fid-broken', 'S3cret!pass') });
    await eventually(
      () => armRequest(sandbox, 'GET', `${deploymentPath('pgflex-fid-1')}?api-version=2025-04-01`),
      (r) => (r.body as { properties: { provisioningState: string } }).properties.provisioningState === 'Succeeded',
    );
  });
  afterAll(() => sandbox.stop());

  const get = async (path: string): Promise<Record<string, unknown>> => {
    const response = await armRequest(sandbox, 'GET', path);
    expect(response.status).toBe(200);
    return response.body as Record<string, unknown>;
  };

  it('servers.get matches ServersGet.json', async () => {
    const server = await get(`/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}${PG}/flexibleServers/fid-one?${API}`);
    // The example's server has Entra off and so no tenantId; ours has it on.
    expect(shapeDifferences(example('postgresql-2025-08-01/ServersGet.json'), server, { extra: ['$.properties.authConfig.tenantId'] })).toEqual([]);
    const p = server.properties as Record<string, Record<string, unknown> & { state: string }>;
    expect(SERVER_STATES).toContain(p.state);
    expect(TIERS).toContain((server.sku as { tier: string }).tier);
    expect(ENABLED).toContain(p.authConfig.activeDirectoryAuth);
    expect(ENABLED).toContain(p.authConfig.passwordAuth);
    expect(['Disabled', 'SameZone', 'ZoneRedundant']).toContain(p.highAvailability.mode);
  });

  it('servers.listByResourceGroup matches ServersListByResourceGroup.json', async () => {
    const list = await get(`/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}${PG}/flexibleServers?${API}`);
    const differences = shapeDifferences(example('postgresql-2025-08-01/ServersListByResourceGroup.json'), list, {
      // One page only; the example's servers live in a virtual network with zone-redundant HA and tags.
      missing: ['$.nextLink', '$.value[].tags', '$.value[].properties.network.delegatedSubnetResourceId', '$.value[].properties.network.privateDnsZoneArmResourceId', '$.value[].properties.highAvailability.standbyAvailabilityZone'],
      extra: ['$.value[].properties.privateEndpointConnections'],
    });
    expect(differences).toEqual([]);
    expect((list.value as unknown[]).length).toBe(1);
  });

  it('name availability matches NameAvailabilityCheckGlobally.json and …WithLocation.json', async () => {
    const body = { name: 'fid-free', type: SERVER_TYPE };
    const global = await armRequest(sandbox, 'POST', `/subscriptions/${SUBSCRIPTION_ID}${PG}/checkNameAvailability?${API}`, { body });
    expect(shapeDifferences(example('postgresql-2025-08-01/NameAvailabilityCheckGlobally.json'), global.body)).toEqual([]);
    const local = await armRequest(sandbox, 'POST', `/subscriptions/${SUBSCRIPTION_ID}${PG}/locations/eastus/checkNameAvailability?${API}`, { body });
    expect(shapeDifferences(example('postgresql-2025-08-01/NameAvailabilityCheckWithLocation.json'), local.body)).toEqual([]);
    const taken = await armRequest(sandbox, 'POST', `/subscriptions/${SUBSCRIPTION_ID}${PG}/checkNameAvailability?${API}`, { body: { name: 'fid-one', type: SERVER_TYPE } });
    expect(shapeDifferences(example('postgresql-2025-08-01/NameAvailabilityCheckGlobally.json'), taken.body, { extra: ['$.reason'] })).toEqual([]);
    expect(['Invalid', 'AlreadyExists']).toContain((taken.body as { reason: string }).reason);
  });

  it('capabilities match CapabilitiesByLocationList.json', async () => {
    const capabilities = await get(`/subscriptions/${SUBSCRIPTION_ID}${PG}/locations/eastus/capabilities?${API}`);
    expect(shapeDifferences(example('postgresql-2025-08-01/CapabilitiesByLocationList.json'), capabilities)).toEqual([]);
    const editions = (capabilities.value as { supportedServerEditions: { name: string }[] }[])[0].supportedServerEditions;
    for (const e of editions) expect(TIERS).toContain(e.name);
  });

  it("capabilities list each storage size's performance tiers with the example's values: default, offered tiers and their IOPS", async () => {
    type Edition = { name: string; supportedStorageEditions: { name: string; supportedStorageMb: unknown[] }[] };
    const managedDisk = (body: unknown) => {
      const [flex] = (body as { value: { supportedServerEditions: Edition[] }[] }).value;
      return flex.supportedServerEditions.map((e) => ({ edition: e.name, sizes: e.supportedStorageEditions.find((s) => s.name === 'ManagedDisk')?.supportedStorageMb }));
    };
    const sandboxDisks = managedDisk(await get(`/subscriptions/${SUBSCRIPTION_ID}${PG}/locations/eastus/capabilities?${API}`));
    const exampleDisks = managedDisk(example('postgresql-2025-08-01/CapabilitiesByLocationList.json'));
    expect(sandboxDisks.map((d) => d.edition)).toEqual(exampleDisks.map((d) => d.edition));
    for (const [i, disks] of sandboxDisks.entries()) expect(disks.sizes).toEqual(exampleDisks[i].sizes);
  });

  it('firewall rules and Entra administrators match FirewallRulesGet.json and AdministratorsMicrosoftEntraGet.json', async () => {
    const server = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}${PG}/flexibleServers/fid-one`;
    const rule = await get(`${server}/firewallRules/AllowAllAzureServicesAndResourcesWithinAzureIps?${API}`);
    expect(shapeDifferences(example('postgresql-2025-08-01/FirewallRulesGet.json'), rule)).toEqual([]);
    const admins = await get(`${server}/administrators?${API}`);
    const [admin] = admins.value as unknown[];
    expect(shapeDifferences(example('postgresql-2025-08-01/AdministratorsMicrosoftEntraGet.json'), admin)).toEqual([]);
  });

  it('subscriptions and resource groups match GetSubscriptions.json and CreateResourceGroup.json', async () => {
    const subscriptions = await get('/subscriptions?api-version=2022-12-01');
    expect(shapeDifferences(example('resources-subscriptions-2019-11-01/GetSubscriptions.json'), subscriptions, { missing: ['$.nextLink'], maps: ['$.value[].tags'] })).toEqual([]);
    const created = await armRequest(sandbox, 'PUT', `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/rg-fidelity?api-version=2024-11-01`, { body: { location: 'eastus' } });
    expect(created.status).toBe(201);
    // ARM's answers carry the type although the example leaves it out.
    expect(shapeDifferences(example('resources-groups-2024-11-01/CreateResourceGroup.json', '201'), created.body, { extra: ['$.type'] })).toEqual([]);
  });

  it('the deployment PUT answer and the final GET match PutDeploymentResourceGroup.json', async () => {
    // The example deploys from a templateLink; the sandbox runs inline templates, as pgflex sends them.
    const options = { missing: ['$.properties.templateLink'], maps: ['$.properties.parameters'] };
    expect(shapeDifferences(example('resources-deployments-2026-09-01/PutDeploymentResourceGroup.json', '201'), accepted, options)).toEqual([]);
    expect((accepted.properties as { provisioningState: string }).provisioningState).toBe('Accepted');
    const done = await get(`${deploymentPath('pgflex-fid-1')}?api-version=2025-04-01`);
    const differences = shapeDifferences(example('resources-deployments-2026-09-01/PutDeploymentResourceGroup.json', '200'), done, {
      ...options,
      extra: ['$.properties.outputs'],
    });
    expect(differences).toEqual([]);
    const p = done.properties as { provisioningState: string; duration: string; timestamp: string };
    expect(PROVISIONING_STATES).toContain(p.provisioningState);
    expect(p.duration).toMatch(ISO_DURATION);
    expect(Number.isNaN(Date.parse(p.timestamp))).toBe(false);
  });

  it("a failure has the error shape of ARM's examples and the DeploymentFailed → ResourceDeploymentFailure → provider chain", async () => {
    const failed = await eventually(
      () => get(`${deploymentPath('pgflex-fid-2')}?api-version=2025-04-01`),
      (d) => (d.properties as { provisioningState: string }).provisioningState === 'Failed',
    );
    const error = (failed.properties as { error: unknown }).error;
    const published = (example('resources-deployments-2026-09-01/PostDeploymentValidateOnResourceGroup.json', '400') as { error: unknown }).error;
    // Same nesting and fields; ARM names the failing resource as `target` one level up in a deployment failure.
    expect(shapeDifferences(published, error, { extra: ['$.target', '$.details[].target'], missing: ['$.details[].details[].target'] })).toEqual([]);
    expect(error).toMatchObject({
      code: 'DeploymentFailed',
      details: [
        {
          code: 'ResourceDeploymentFailure',
          target: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/fid-broken`,
          details: [{ code: 'QuotaExceeded' }],
        },
      ],
    });
  });

  it('refuses a server Azure does not offer at PUT time, in the shape of the Deployments_Validate 400 example', async () => {
    const body = serverDeployment('fid-old', 'S3cret!pass', { version: '10' });
    const refused = await armRequest(sandbox, 'PUT', `${deploymentPath('pgflex-fid-3')}?api-version=2025-04-01`, { body });
    expect(refused.status).toBe(400);
    const published = (example('resources-deployments-2026-09-01/PostDeploymentValidateOnResourceGroup.json', '400') as { error: unknown }).error;
    const error = (refused.body as { error: unknown }).error;
    expect(shapeDifferences(published, error)).toEqual([]);
    expect(error).toMatchObject({ code: 'InvalidTemplateDeployment', details: [{ code: 'PreflightValidationCheckFailed', details: [{ target: 'fid-old', message: expect.stringContaining("version '10'") }] }] });
    expect((await armRequest(sandbox, 'GET', `${deploymentPath('pgflex-fid-3')}?api-version=2025-04-01`)).status).toBe(404);
  });

  it('validation answers in the shape of the Deployments_Validate 200 example, and keeps nothing', async () => {
    const body = serverDeployment('fid-checked', 'S3cret!pass');
    const validated = await armRequest(sandbox, 'POST', `${deploymentPath('pgflex-fid-4')}/validate?api-version=2025-04-01`, { body });
    expect(validated.status).toBe(200);
    const published = example('resources-deployments-2026-09-01/PostDeploymentValidateOnResourceGroup.json');
    // The example was linked from a template spec, took no parameters and had nested deployments to warn about.
    const differences = shapeDifferences(published, validated.body, {
      missing: ['$.properties.templateLink', '$.properties.diagnostics'],
      extra: ['$.properties.parameters.serverName', '$.properties.parameters.location', '$.properties.parameters.administratorLoginPassword'],
    });
    expect(differences).toEqual([]);
    expect((validated.body as { properties: { parameters: Record<string, unknown> } }).properties.parameters.administratorLoginPassword).toEqual({ type: 'SecureString' });
    expect(JSON.stringify(validated.body)).not.toContain('S3cret!pass');
    expect((await armRequest(sandbox, 'GET', `${deploymentPath('pgflex-fid-4')}?api-version=2025-04-01`)).status).toBe(404);
  });

  it('deployment operations carry the per-resource fields the portal shows', async () => {
    const operations = await get(`/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}/deployments/pgflex-fid-2/operations?api-version=2025-04-01`);
    const [failed] = operations.value as { properties: Record<string, unknown> }[];
    expect(failed.properties).toMatchObject({
      provisioningOperation: 'Create',
      provisioningState: 'Failed',
      statusCode: 'BadRequest',
      statusMessage: { status: 'Failed', error: { code: 'QuotaExceeded' } },
      targetResource: { resourceType: SERVER_TYPE, resourceName: 'fid-broken' },
    });
    expect(String(failed.properties.duration)).toMatch(ISO_DURATION);
  });
});
