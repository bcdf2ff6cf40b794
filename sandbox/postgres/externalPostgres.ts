import pg from 'pg';
import type { ExternalPostgres, ServerEndpoint } from '../types';
import type { PostgresBackend, ServerLogin } from './postgresBackend';

/**
 * A real PostgreSQL shared by all sandbox servers. For each server the sandbox creates (or updates)
 * the admin login with the template's password and a database named after the server, so password
 * authentication and per-server data behave as on Azure. Servers with the same admin login share
 * that role: the last deployment's password wins.
 */
export function externalPostgres(config: ExternalPostgres, log?: (line: string) => void): PostgresBackend {
  const work = new Map<string, Promise<void>>();

  const withClient = async <T>(use: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ host: config.host, port: config.port, user: config.user, password: config.password, database: config.database ?? 'postgres' });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  };
  const run = (statements: string[]): Promise<void> =>
    withClient(async (client) => {
      for (const sql of statements) await client.query(sql);
    });
  const exists = (sql: string, value: string): Promise<boolean> => withClient(async (client) => (await client.query(sql, [value])).rowCount === 1);

  const enqueue = (serverName: string, job: () => Promise<void>): void => {
    const key = serverName.toLowerCase();
    const next = (work.get(key) ?? Promise.resolve()).then(job);
    // Keep the failure for endpoint(), and log it once here.
    next.catch((error: unknown) => log?.(`PostgreSQL setup for '${serverName}' failed: ${String(error)}`));
    work.set(key, next);
  };

  return {
    provision(login: ServerLogin) {
      enqueue(login.serverName, async () => {
        const statements: string[] = [];
        if (login.adminLogin && login.adminPassword) {
          const role = ident(login.adminLogin);
          const exists = await roleExists(login.adminLogin);
          statements.push(`${exists ? 'ALTER' : 'CREATE'} ROLE ${role} WITH LOGIN CREATEDB CREATEROLE PASSWORD ${literal(login.adminPassword)}`);
        }
        await run(statements);
        if (!(await databaseExists(login.serverName))) {
          const owner = login.adminLogin && login.adminPassword ? ` OWNER ${ident(login.adminLogin)}` : '';
          await run([`CREATE DATABASE ${ident(login.serverName)}${owner}`]);
        }
      });
    },
    createDatabase(serverName, database) {
      enqueue(serverName, async () => {
        if (!(await databaseExists(database))) await run([`CREATE DATABASE ${ident(database)}`]);
      });
    },
    async endpoint(serverName): Promise<ServerEndpoint | undefined> {
      const pending = work.get(serverName.toLowerCase());
      if (!pending) return undefined;
      await pending;
      return { host: config.host, port: config.port, database: serverName };
    },
    async stop() {
      await Promise.allSettled(work.values());
    },
  };

  function roleExists(name: string): Promise<boolean> {
    return exists('SELECT 1 FROM pg_roles WHERE rolname = $1', name);
  }

  function databaseExists(name: string): Promise<boolean> {
    return exists('SELECT 1 FROM pg_database WHERE datname = $1', name);
  }
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
