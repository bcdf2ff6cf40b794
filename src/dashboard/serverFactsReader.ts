import type { ServerFacts } from '../../machines/webview/dashboardMessages';
import type { FirewallTarget } from '../connections/firewallRules';
import type { ServerLocation } from '../../machines/connections/serverLocation';

/** Reads one server from ARM; implemented on `servers.get` and `servers.list` of @azure/arm-postgresql-flexible. */
export interface ServerFactsReader {
  read(server: FirewallTarget): Promise<ServerFacts>;
  /**
   * Where the server of this name is now: a server moved to another group or subscription keeps its
   * name, and names are unique in Azure. The target's subscription is looked in first, then the
   * tenant's other subscriptions the account lists; undefined when none has it.
   */
  locate(server: FirewallTarget): Promise<ServerLocation | undefined>;
}
