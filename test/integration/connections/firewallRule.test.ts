import { describe, expect, it } from 'vitest';
import { SANDBOX_TENANT_ID } from '../../../sandbox';
import { createArmFirewallRuleCreator } from '../../../src/connections/armFirewallRuleCreator';
import { clientFirewallRuleName } from '../../../src/connections/firewallRules';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from '../azure/azureSandboxHarness';
import { armRequest } from '../sandbox/sandboxTestKit';

/**
 * "Add firewall rule for {client IP}": the real flexible-server client's long-running PUT against the
 * sandbox, which answers it as the official FirewallRulesCreateOrUpdate example does (202 with
 * Azure-AsyncOperation and Location), then reads the rule back.
 */
describe('adding a client firewall rule through ARM', () => {
  const harness = useAzureSandbox();
  const target = { tenantId: SANDBOX_TENANT_ID, subscriptionId: SUBSCRIPTION_ID, resourceGroup: RESOURCE_GROUP, serverName: 'pg-fw' };
  const rulePath = (name: string) =>
    `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-fw/firewallRules/${name}?api-version=2025-08-01`;
  const deployServer = async () => {
    const ref = await startDeployment(harness.services, createRequest('pg-fw'));
    expect((await readUntilEnded(harness.services, ref)).observation.kind).toBe('succeeded');
  };

  it('creates the rule and waits for the operation to finish, the same rule again being an update', async () => {
    await deployServer();
    const creator = createArmFirewallRuleCreator((tenantId, subscriptionId) => harness.services.flexibleServers(tenantId, subscriptionId));
    await creator.allowClientIp(target, '203.0.113.7');
    await creator.allowClientIp(target, '203.0.113.7');

    const rule = await armRequest(harness.sandbox, 'GET', rulePath(clientFirewallRuleName('203.0.113.7')));
    expect(rule.body).toMatchObject({ properties: { startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' } });
    expect(harness.sandbox.requests.count('firewallRules.put')).toBe(2);
    expect(harness.sandbox.requests.count('flexibleServers.operationStatus')).toBeGreaterThanOrEqual(2);
  });

  it('answers the PUT like the official example and refuses an address that is not IPv4', async () => {
    await deployServer();
    const accepted = await armRequest(harness.sandbox, 'PUT', rulePath('examplefirewallrule'), {
      body: { properties: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' } },
    });
    expect(accepted.status).toBe(202);
    expect(accepted.headers['azure-asyncoperation']).toMatch(/\/providers\/Microsoft\.DBforPostgreSQL\/locations\/eastus\/azureAsyncOperation\/[0-9a-f-]+\?api-version=/);
    expect(accepted.headers.location).toMatch(/\/locations\/eastus\/operationResults\/[0-9a-f-]+\?api-version=/);

    const refused = await armRequest(harness.sandbox, 'PUT', rulePath('bad'), { body: { properties: { startIpAddress: 'my-laptop', endIpAddress: '10.0.0.1' } } });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'InvalidParameterValue' } } });
    const reversed = await armRequest(harness.sandbox, 'PUT', rulePath('bad'), { body: { properties: { startIpAddress: '10.0.0.9', endIpAddress: '10.0.0.1' } } });
    expect(reversed).toMatchObject({ status: 400, body: { error: { code: 'FirewallRuleStartIpAddressGreaterThanEndIpAddress' } } });
  });
});
