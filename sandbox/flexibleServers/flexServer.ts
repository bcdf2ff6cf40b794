/** A flexible server the sandbox created; the admin password is never kept here. */
export interface FlexServer {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  createdAt: number;
  sku: { name: string; tier: string };
  tags?: Record<string, string>;
  /** The template's properties without administratorLoginPassword. */
  properties: Record<string, unknown>;
  firewallRules: Map<string, Record<string, unknown>>;
  /** By the principal's object id. */
  administrators: Map<string, Record<string, unknown>>;
  databases: Map<string, Record<string, unknown>>;
  /** Set once the server was stopped (or started again) through ARM; absent = Ready. */
  power?: ServerPower;
}

/** A server stopped, or on its way to Ready or Stopped until `until` (sandbox time). */
export interface ServerPower {
  target: 'Ready' | 'Stopped';
  until: number;
}

/** As in Azure: a server created without public access takes no connection from outside its network. */
export function takesPublicConnections(server: Pick<FlexServer, 'properties'>): boolean {
  const network = server.properties.network;
  return !(typeof network === 'object' && network !== null && (network as Record<string, unknown>).publicNetworkAccess === 'Disabled');
}
