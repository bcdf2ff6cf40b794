import type { ServerFacts } from '../../machines/webview/dashboardMessages';
import type { FirewallTarget } from '../connections/firewallRules';

/** Reads one server from ARM; implemented on `servers.get` and `servers.list` of @azure/arm-postgresql-flexible. */
export interface ServerFactsReader {
  read(server: FirewallTarget): Promise<ServerFacts>;
  /**
   * The resource group the server of this name is in now, in the target's subscription (a server
   * moved to another group keeps its name); undefined when the subscription has none of that name.
   */
  locate(server: FirewallTarget): Promise<string | undefined>;
}
