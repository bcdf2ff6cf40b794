import type { ServerEndpoint } from '../types';
import type { PostgresBackend } from './postgresBackend';

/** Several clients at once: a tree view, a dashboard and a test each hold a connection. */
const MAX_CONNECTIONS = 8;

interface Running {
  port: number;
  stop(): Promise<void>;
}

/**
 * One PGlite (PostgreSQL compiled to WASM) behind a wire-protocol socket on loopback, shared by all
 * succeeded servers. It starts once, on the first success, because start-up costs about 5 s. PGlite
 * has a single database and does not check passwords: password authentication is exercised against
 * a real PostgreSQL (the `postgres: { host, … }` option).
 */
export function embeddedPostgres(log?: (line: string) => void): PostgresBackend {
  const provisioned = new Set<string>();
  let running: Promise<Running> | undefined;

  const start = (): Promise<Running> => {
    running ??= (async () => {
      const started = Date.now();
      const { PGlite } = await import('@electric-sql/pglite');
      const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
      const db = await PGlite.create();
      const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: MAX_CONNECTIONS });
      await server.start();
      const port = Number(server.getServerConn().split(':').pop());
      log?.(`embedded PostgreSQL (PGlite) listening on 127.0.0.1:${port} after ${Date.now() - started}ms`);
      return {
        port,
        async stop() {
          await server.stop();
          await db.close();
        },
      };
    })();
    return running;
  };

  return {
    provision(login) {
      provisioned.add(login.serverName.toLowerCase());
      start().catch((error: unknown) => log?.(`embedded PostgreSQL failed to start: ${String(error)}`));
    },
    createDatabase() {
      // PGlite serves one database; template databases exist in ARM only.
    },
    async endpoint(serverName): Promise<ServerEndpoint | undefined> {
      if (!provisioned.has(serverName.toLowerCase())) return undefined;
      const { port } = await start();
      return { host: '127.0.0.1', port, database: 'postgres' };
    },
    async stop() {
      if (running) await (await running).stop();
      running = undefined;
    },
  };
}
