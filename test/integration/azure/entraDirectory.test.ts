import { describe, expect, it } from 'vitest';
import { SANDBOX_TENANT_ID } from '../../../sandbox';
import { SANDBOX_DIRECTORY } from '../../../sandbox/graph/directory';
import { createEntraDirectory, graphFor, graphScope } from '../../../src/azure/entraDirectory';
import { ARM_SCOPE, type ArmEnvironment } from '../../../src/azure/armEnvironment';
import { SANDBOX_PRINCIPAL } from '../../../src/azure/sandboxAccount';
import { useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();
const environment = (): ArmEnvironment => ({ kind: 'sandbox', endpoint: h.sandbox.url, ca: h.sandbox.ca });
const search = (text: string) => h.services.catalog.searchEntraPrincipals(SANDBOX_TENANT_ID, text);

describe("the Entra directory search, through the production catalog, against the sandbox's Microsoft Graph", () => {
  it('finds users by the start of a name or user principal name, and security groups by name', async () => {
    expect(await search('ada')).toEqual([{ objectId: SANDBOX_DIRECTORY.users[1].id, principalName: 'ada@contoso.onmicrosoft.com', principalType: 'User' }]);
    expect(await search('Lovelace')).toEqual(await search('ada'));
    expect(await search('sandbox')).toEqual([SANDBOX_PRINCIPAL]);
    // The newsletter is a group too, but not a security group: it cannot administer a server.
    expect(await search('postgresql')).toEqual([{ objectId: SANDBOX_DIRECTORY.groups[0].id, principalName: 'PostgreSQL Admins', principalType: 'Group' }]);
  });

  it('asks nothing for a blank search, and drops the quotes that would end Graph\'s search term', async () => {
    expect(await search('  ')).toEqual([]);
    expect(await search('"ada\\')).toEqual(await search('ada'));
    expect(await search('nobody')).toEqual([]);
  });

  it('says what Graph answered when it refuses the token (an ARM token, not a Graph one)', async () => {
    const armToken = createEntraDirectory(environment(), async (tenantId) => (await h.services.credentials.getToken(tenantId, [ARM_SCOPE])).token);
    await expect(armToken.search(SANDBOX_TENANT_ID, 'ada')).rejects.toThrow(
      "Microsoft Graph refused the directory search: Access token validation failure. Invalid audience 'https://management.azure.com'. (InvalidAuthenticationToken)",
    );
  });

  it("asks each cloud's own Graph", () => {
    expect(graphFor({ kind: 'azure', endpoint: 'https://management.azure.com' })).toBe('https://graph.microsoft.com');
    expect(graphFor({ kind: 'azure', endpoint: 'https://management.usgovcloudapi.net/' })).toBe('https://graph.microsoft.us');
    expect(graphFor({ kind: 'azure', endpoint: 'https://management.chinacloudapi.cn' })).toBe('https://microsoftgraph.chinacloudapi.cn');
    expect(graphScope({ kind: 'azure', endpoint: 'https://management.usgovcloudapi.net' })).toBe('https://graph.microsoft.us/.default');
    expect(graphScope(environment())).toBe('https://graph.microsoft.com/.default');
  });
});
