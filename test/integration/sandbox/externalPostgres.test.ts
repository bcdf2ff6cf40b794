import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { startPostgresServer, type PostgresServer } from '../../support/postgresServer';
import { armRequest, deploymentPath, eventually, serverDeployment } from './sandboxTestKit';

/** With a real PostgreSQL configured, a new server gets its admin login (template password) and its own database. */
describe('sandbox with a real PostgreSQL', () => {
  let postgres: PostgresServer;
  let sandbox: Sandbox;

  beforeAll(async () => {
    postgres = await startPostgresServer('Cluster!Admin1');
    sandbox = await startSandbox({ speed: 1000, postgres: { host: postgres.host, port: postgres.port, user: postgres.user, password: postgres.password } });
  });
  afterAll(async () => {
    await sandbox?.stop();
    postgres?.stop();
  });

  const deploy = async (deployment: string, server: string, password: string, database?: string): Promise<void> => {
    await armRequest(sandbox, 'PUT', `${deploymentPath(deployment)}?api-version=2025-04-01`, { body: serverDeployment(server, password, { adminLogin: 'flexadmin', database }) });
    await eventually(
      () => armRequest(sandbox, 'GET', `${deploymentPath(deployment)}?api-version=2025-04-01`),
      (r) => (r.body as { properties: { provisioningState: string } }).properties.provisioningState === 'Succeeded',
    );
  };

  const connectAs = async (password: string, database: string): Promise<pg.Client> => {
    const endpoint = await sandbox.control.serverEndpoint('real-one');
    const client = new pg.Client({ host: endpoint?.host, port: endpoint?.port, user: 'flexadmin', password, database });
    await client.connect();
    return client;
  };

  it('creates the admin login with the template password and a database named after the server', async () => {
    await deploy('d-real', 'real-one', 'Templ4te!pass', 'appdb');
    const endpoint = await sandbox.control.serverEndpoint('real-one');
    expect(endpoint).toEqual({ host: '127.0.0.1', port: postgres.port, database: 'real-one' });

    const client = await connectAs('Templ4te!pass', 'real-one');
    try {
      const row = (await client.query<{ user: string; db: string }>('SELECT current_user AS user, current_database() AS db')).rows[0];
      expect(row).toEqual({ user: 'flexadmin', db: 'real-one' });
      const databases = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname IN ('real-one', 'appdb') ORDER BY datname");
      expect(databases.rows.map((r) => r.datname)).toEqual(['appdb', 'real-one']);
    } finally {
      await client.end();
    }
    await expect(connectAs('Wrong!pass1', 'real-one')).rejects.toMatchObject({ code: '28P01' });
  });

  it('updates the password when the server is deployed again', async () => {
    await deploy('d-real-again', 'real-one', 'N3w!password');
    const client = await connectAs('N3w!password', 'real-one');
    await client.end();
    await expect(connectAs('Templ4te!pass', 'real-one')).rejects.toMatchObject({ code: '28P01' });
  });
});
