import type { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { clientFirewallRuleName, type FirewallRuleCreator } from './firewallRules';

/** The composition root supplies the client (credential for the tenant, sandbox endpoint if any). */
export type FlexibleServerClientFactory = (tenantId: string, subscriptionId: string) => Promise<PostgreSQLManagementFlexibleServerClient>;

export function createArmFirewallRuleCreator(clientFor: FlexibleServerClientFactory): FirewallRuleCreator {
  return {
    async allowClientIp(target, clientIp) {
      await (await clientFor(target.tenantId, target.subscriptionId)).firewallRules.beginCreateOrUpdateAndWait(
        target.resourceGroup,
        target.serverName,
        clientFirewallRuleName(clientIp),
        { startIpAddress: clientIp, endIpAddress: clientIp },
      );
    },
  };
}
