import type { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { clientFirewallRuleName } from '../../machines/flexDeployment/networking';
import type { FirewallRules } from './firewallRules';

/** The composition root supplies the client (credential for the tenant, sandbox endpoint if any). */
export type FlexibleServerClientFactory = (tenantId: string, subscriptionId: string) => Promise<PostgreSQLManagementFlexibleServerClient>;

/**
 * A server's firewall rules on @azure/arm-postgresql-flexible. Adding and removing are ARM
 * long-running operations: each call returns once ARM says the change is done, so a list read
 * after it shows the change.
 */
export function createArmFirewallRules(clientFor: FlexibleServerClientFactory): FirewallRules {
  const client = (target: { tenantId: string; subscriptionId: string }) => clientFor(target.tenantId, target.subscriptionId);
  return {
    async allowClientIp(target, clientIp) {
      await (await client(target)).firewallRules.beginCreateOrUpdateAndWait(target.resourceGroup, target.serverName, clientFirewallRuleName(clientIp), {
        startIpAddress: clientIp,
        endIpAddress: clientIp,
      });
    },
    async list(target) {
      const rules = [];
      for await (const rule of (await client(target)).firewallRules.listByServer(target.resourceGroup, target.serverName)) {
        if (rule.name) rules.push({ name: rule.name, startIpAddress: rule.startIpAddress, endIpAddress: rule.endIpAddress });
      }
      return rules.sort((a, b) => a.name.localeCompare(b.name));
    },
    async remove(target, ruleName) {
      await (await client(target)).firewallRules.beginDeleteAndWait(target.resourceGroup, target.serverName, ruleName);
    },
  };
}
