import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { freePort } from './postgresServer';

export interface PgliteServer {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** The sandbox's embedded PostgreSQL: PGlite on the wire protocol; it does not check passwords. */
export async function startPgliteServer(): Promise<PgliteServer> {
  const db = await PGlite.create();
  const port = await freePort();
  // One connection is the default; a tree, a dashboard and a test connect at once.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 });
  await server.start();
  return {
    host: '127.0.0.1',
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
