import { describe, expect, it } from 'vitest';
import { SANDBOX_TENANT_ID } from '../../../sandbox';
import { createArmFirewallRules } from '../../../src/connections/armFirewallRules';
import { clientFirewallRuleName } from '../../../machines/flexDeployment/networking';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from '../azure/azureSandboxHarness';
import { armRequest } from '../sandbox/sandboxTestKit';

/**
 * "Add firewall rule for {client IP}" and the dashboard's list and remove: the real flexible-server
 * client against the sandbox, which answers the long-running PUT and DELETE as the official
 * FirewallRulesCreateOrUpdate and FirewallRulesDelete examples do (202 with Azure-AsyncOperation and
 * Location), then reads the rules back.
 */
describe('a server firewall rule through ARM', () => {
  const harness = useAzureSandbox();
  const target = { tenantId: SANDBOX_TENANT_ID, subscriptionId: SUBSCRIPTION_ID, resourceGroup: RESOURCE_GROUP, serverName: 'pg-fw' };
  const rulePath = (name: string) =>
    `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-fw/firewallRules/${name}?api-version=2025-08-01`;
  const rulesClient = () => createArmFirewallRules((tenantId, subscriptionId) => harness.services.flexibleServers(tenantId, subscriptionId));
  const deployServer = async () => {
    const ref = await startDeployment(harness.services, createRequest('pg-fw'));
    expect((await readUntilEnded(harness.services, ref)).observation.kind).toBe('succeeded');
  };

  it('creates the rule and waits for the operation to finish, the same rule again being an update', async () => {
    await deployServer();
    const creator = rulesClient();
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

  it('lists the rules, and removes one by waiting for the DELETE operation to finish', async () => {
    await deployServer();
    const rules = rulesClient();
    await rules.allowClientIp(target, '203.0.113.7');
    const clientRule = clientFirewallRuleName('203.0.113.7');
    const listed = await rules.list(target);
    expect(listed).toContainEqual({ name: clientRule, startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' });
    expect(listed.map((r) => r.name)).toEqual([...listed.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));

    const polledBefore = harness.sandbox.requests.count('flexibleServers.operationStatus');
    await rules.remove(target, clientRule);
    expect(harness.sandbox.requests.count('firewallRules.delete')).toBe(1);
    // beginDeleteAndWait followed Azure-AsyncOperation until Succeeded, not just the 202.
    expect(harness.sandbox.requests.count('flexibleServers.operationStatus')).toBeGreaterThan(polledBefore);
    expect((await rules.list(target)).map((r) => r.name)).not.toContain(clientRule);
    expect(await armRequest(harness.sandbox, 'GET', rulePath(clientRule))).toMatchObject({ status: 404 });
  });

  it('answers the DELETE like the official example, and 204 for a rule that is not there', async () => {
    await deployServer();
    await rulesClient().allowClientIp(target, '203.0.113.9');
    const accepted = await armRequest(harness.sandbox, 'DELETE', rulePath(clientFirewallRuleName('203.0.113.9')));
    expect(accepted.status).toBe(202);
    expect(accepted.headers['azure-asyncoperation']).toMatch(/\/providers\/Microsoft\.DBforPostgreSQL\/locations\/eastus\/azureAsyncOperation\/[0-9a-f-]+\?api-version=/);
    expect(accepted.headers.location).toMatch(/\/locations\/eastus\/operationResults\/[0-9a-f-]+\?api-version=/);
    expect(await armRequest(harness.sandbox, 'DELETE', rulePath('no-such-rule'))).toMatchObject({ status: 204 });
    // The SDK removes a rule that is already gone without complaint, as ARM lets it.
    await expect(rulesClient().remove(target, 'no-such-rule')).resolves.toBeUndefined();
  });

  it("refuses a rule name outside the specification's pattern, as ARM refuses a bad parameter", async () => {
    await deployServer();
    const refusal = await rulesClient().remove(target, 'ends-with-dash-').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'RestError', statusCode: 400, code: 'InvalidParameterValue' });
    expect(harness.sandbox.requests.count('firewallRules.delete')).toBe(1);
    expect(await armRequest(harness.sandbox, 'PUT', rulePath('has.dot'), { body: { properties: { startIpAddress: '10.0.0.1', endIpAddress: '10.0.0.1' } } })).toMatchObject({
      status: 400,
      body: { error: { code: 'InvalidParameterValue' } },
    });
  });
});
