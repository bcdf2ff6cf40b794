import type { ServerEndpoint } from '../types';

/** What a new server asks of the PostgreSQL behind it. The password travels only through here. */
export interface ServerLogin {
  serverName: string;
  /** Absent for a server with Microsoft Entra authentication only. */
  adminLogin?: string;
  adminPassword?: string;
}

/** The PostgreSQL that backs the sandbox's succeeded servers. */
export interface PostgresBackend {
  /** Prepares the server's login and database; the endpoint waits for it. */
  provision(login: ServerLogin): void;
  /** A database created by a template `flexibleServers/databases` resource. */
  createDatabase(serverName: string, database: string): void;
  /** Resolves once the server's PostgreSQL is ready; undefined for a server never provisioned. */
  endpoint(serverName: string): Promise<ServerEndpoint | undefined>;
  stop(): Promise<void>;
}

/** postgres: 'none' — servers exist in ARM only. */
export function noPostgres(): PostgresBackend {
  return {
    provision: () => undefined,
    createDatabase: () => undefined,
    endpoint: async () => undefined,
    stop: async () => undefined,
  };
}
