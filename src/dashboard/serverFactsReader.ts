import type { ServerFacts } from '../../machines/webview/dashboardMessages';
import type { FirewallTarget } from '../connections/firewallRules';

/** Reads one server from ARM; implemented on `servers.get` of @azure/arm-postgresql-flexible. */
export interface ServerFactsReader {
  read(server: FirewallTarget): Promise<ServerFacts>;
}
