import { describe, expect, it } from 'vitest';
import { ALLOW_AZURE_SERVICES_RULE } from '../../../machines/flexDeployment/networking';
import { armRequest } from '../sandbox/sandboxTestKit';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

const serverPath = (serverName: string, below = '') =>
  `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}${below}?api-version=2025-08-01`;

/** What ARM answers a GET of the path with; the test fails on anything but 200. */
async function armGet<T>(path: string): Promise<T> {
  const response = await armRequest(h.sandbox, 'GET', path);
  expect(response.status).toBe(200);
  return response.body as T;
}

type RuleList = { value: { name: string; properties: { startIpAddress: string; endIpAddress: string } }[] };
const rulesOf = async (serverName: string) =>
  (await armGet<RuleList>(serverPath(serverName, '/firewallRules'))).value.map((rule) => [rule.name, rule.properties.startIpAddress, rule.properties.endIpAddress]);
const publicNetworkAccessOf = async (serverName: string) =>
  (await armGet<{ properties: { network: { publicNetworkAccess: string } } }>(serverPath(serverName))).properties.network.publicNetworkAccess;

async function create(serverName: string, overrides: Parameters<typeof createRequest>[1]): Promise<void> {
  const request = createRequest(serverName, overrides);
  await h.services.provisioner.preflight(request);
  const ref = await startDeployment(h.services, request);
  expect((await readUntilEnded(h.services, ref)).observation.kind).toBe('succeeded');
}

describe('networking, from the request to what the sandbox returns', () => {
  it('public access with custom ranges: the server GET says Enabled, and its rule list holds every rule, the ranges included', async () => {
    await create('pg-ranges', {
      firewall: {
        allowAzureServices: true,
        clientIp: '127.0.0.1',
        ranges: [
          { name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' },
          { name: 'vpn_gateway', startIpAddress: '192.0.2.10', endIpAddress: '192.0.2.10' },
        ],
      },
    });
    expect(await publicNetworkAccessOf('pg-ranges')).toBe('Enabled');
    expect(await rulesOf('pg-ranges')).toEqual([
      [ALLOW_AZURE_SERVICES_RULE, '0.0.0.0', '0.0.0.0'],
      ['pgflex-client-127-0-0-1', '127.0.0.1', '127.0.0.1'],
      ['office', '198.51.100.0', '198.51.100.255'],
      ['vpn_gateway', '192.0.2.10', '192.0.2.10'],
    ]);
    const office = await armGet<{ id: string; type: string }>(serverPath('pg-ranges', '/firewallRules/office'));
    expect(office.type).toBe('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules');
  });

  it('no public access: the server GET says Disabled, and it has no firewall rule', async () => {
    await create('pg-private', { networkAccess: 'None', firewall: { allowAzureServices: false, ranges: [] } });
    expect(await publicNetworkAccessOf('pg-private')).toBe('Disabled');
    expect(await rulesOf('pg-private')).toEqual([]);
  });

  it('no public access passes the deny policy on public servers that refuses the same server with public access', async () => {
    h.sandbox.control.setPolicy({ denyPublicServers: true });
    await expect(h.services.provisioner.preflight(createRequest('pg-policy'))).rejects.toThrow();
    await create('pg-policy', { networkAccess: 'None', firewall: { allowAzureServices: false, ranges: [] } });
    expect(await publicNetworkAccessOf('pg-policy')).toBe('Disabled');
  });
});
