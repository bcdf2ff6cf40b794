import type { ClientBase } from 'pg';

export interface DatabaseInfo {
  name: string;
  /** Undefined when the signed-in role may not connect to it (Azure's own databases). */
  sizeBytes?: number;
}

export interface LiveServerStats {
  serverVersion: string;
  databases: DatabaseInfo[];
  activeConnections: number;
}

export async function listDatabases(client: ClientBase): Promise<DatabaseInfo[]> {
  // pg_database_size needs CONNECT on the database; Azure keeps some it does not grant.
  const result = await client.query<{ datname: string; size: string | null }>(
    `select datname,
            case when has_database_privilege(datname, 'CONNECT') then pg_database_size(datname)::text end as size
       from pg_database
      where not datistemplate
      order by datname`,
  );
  return result.rows.map((r) => ({ name: r.datname, sizeBytes: r.size === null ? undefined : Number(r.size) }));
}

export async function readLiveStats(client: ClientBase): Promise<LiveServerStats> {
  const version = await client.query<{ server_version: string }>('show server_version');
  const databases = await listDatabases(client);
  const activity = await client.query<{ count: number }>(`select count(*)::int as count from pg_stat_activity where backend_type = 'client backend'`);
  return {
    serverVersion: version.rows[0]?.server_version ?? 'unknown',
    databases,
    activeConnections: activity.rows[0]?.count ?? 0,
  };
}
