import type { FirewallRuleView } from '../../machines/webview/firewallRules';

/** The server a firewall rule is added to, as a profile names it. */
export interface FirewallTarget {
  tenantId: string;
  subscriptionId: string;
  resourceGroup: string;
  serverName: string;
}

/** Creates a server firewall rule through ARM; implemented on @azure/arm-postgresql-flexible. */
export interface FirewallRuleCreator {
  allowClientIp(target: FirewallTarget, clientIp: string): Promise<void>;
}

/** What the dashboard does with a server's rules besides adding the client's. */
export interface FirewallRules extends FirewallRuleCreator {
  /** Sorted by name. */
  list(target: FirewallTarget): Promise<FirewallRuleView[]>;
  remove(target: FirewallTarget, ruleName: string): Promise<void>;
}
