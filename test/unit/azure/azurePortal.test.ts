import { describe, expect, it } from 'vitest';
import { AZURE_CLOUDS, createAzurePortal, portalDeploymentUrl, portalFor, portalResourceUrl } from '../../../src/azure/azurePortal';

const deployment = { tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroupName: 'rg-data', deploymentName: 'pgflex-contoso-1' };
const server = '/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso';

describe('the Azure portal of the cloud in use', () => {
  it.each([
    ['https://management.azure.com', 'https://portal.azure.com'],
    ['https://management.azure.com/', 'https://portal.azure.com'],
    ['https://management.chinacloudapi.cn', 'https://portal.azure.cn'],
    ['https://management.usgovcloudapi.net', 'https://portal.azure.us'],
    // A cloud this table does not know: the public portal, rather than no link at all.
    ['https://management.example.internal', 'https://portal.azure.com'],
  ])('ARM at %s → %s', (endpoint, portal) => {
    expect(portalFor({ kind: 'azure', endpoint })).toBe(portal);
  });

  it("the sandbox's links take the public portal's form, whatever its own address", () => {
    expect(portalFor({ kind: 'sandbox', endpoint: 'https://localhost:7443', ca: 'PEM' })).toBe('https://portal.azure.com');
  });

  it('each cloud has its own portal', () => {
    expect(new Set(AZURE_CLOUDS.map((c) => c.portal)).size).toBe(AZURE_CLOUDS.length);
  });
});

describe('portal links', () => {
  it.each(AZURE_CLOUDS.map((c) => [c.name, c.portal]))("a resource, in %s, names the resource's tenant", (_name, portal) => {
    expect(portalResourceUrl(portal, 'tenant-1', server)).toBe(`${portal}/#@tenant-1/resource${server}`);
  });

  it.each(AZURE_CLOUDS.map((c) => [c.name, c.portal]))("a deployment, in %s, opens on its overview blade", (_name, portal) => {
    expect(portalDeploymentUrl(portal, deployment)).toBe(
      `${portal}/#@tenant-1/resource/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.Resources/deployments/pgflex-contoso-1/overview`,
    );
  });

  it("a deployment's server before ARM reported its id is the one its name gives", async () => {
    const opened: string[] = [];
    const portal = createAzurePortal('https://portal.azure.us', async (url) => opened.push(url) > 0, () => undefined);
    await portal.openServer({ tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroupName: 'rg-data', serverName: 'contoso' });
    expect(opened).toEqual([`https://portal.azure.us/#@tenant-1/resource${server}`]);
  });

  it('logs the link it opens, and says so when it could not be opened', async () => {
    const log: string[] = [];
    const portal = createAzurePortal('https://portal.azure.com', async () => false, (line) => log.push(line));
    await portal.openResource('tenant-1', server);
    expect(log).toEqual([
      `Opening the Azure portal: https://portal.azure.com/#@tenant-1/resource${server}`,
      `The Azure portal link was not opened: https://portal.azure.com/#@tenant-1/resource${server}`,
    ]);
  });
});
