import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type ServerEndpoint } from '../../../sandbox';
import { armRequest, deploymentPath, eventually, serverDeployment } from './sandboxTestKit';

/** A succeeded server is backed by the embedded PostgreSQL (PGlite), found through the control endpoint. */
describe('sandbox with the embedded PostgreSQL', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 1000 });
  });
  afterAll(() => sandbox.stop());

  it('has no endpoint before the server exists, then serves SELECT 1 to several clients at once', async () => {
    const before = await armRequest(sandbox, 'GET', '/_sandbox/servers/embedded-one/endpoint', { token: null });
    expect([before.status, (before.body as { error: { code: string } }).error.code]).toEqual([404, 'ServerNotReady']);

    await armRequest(sandbox, 'PUT', `${deploymentPath('d-embedded')}?api-version=2025-04-01`, { body: serverDeployment('embedded-one', 'S3cret!pass') });
    await eventually(
      () => armRequest(sandbox, 'GET', `${deploymentPath('d-embedded')}?api-version=2025-04-01`),
      (r) => (r.body as { properties: { provisioningState: string } }).properties.provisioningState === 'Succeeded',
    );

    const response = await armRequest(sandbox, 'GET', '/_sandbox/servers/embedded-one/endpoint', { token: null });
    expect(response.status).toBe(200);
    const endpoint = response.body as ServerEndpoint;
    expect(endpoint).toEqual({ host: '127.0.0.1', port: expect.any(Number), database: 'postgres' });
    expect(await sandbox.control.serverEndpoint('embedded-one')).toEqual(endpoint);

    const clients = [0, 1].map(() => new pg.Client({ host: endpoint.host, port: endpoint.port, database: endpoint.database, user: 'pgadmin', password: 'S3cret!pass' }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const results = await Promise.all(clients.map((c) => c.query<{ one: number }>('SELECT 1 AS one')));
      expect(results.map((r) => r.rows[0].one)).toEqual([1, 1]);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it('gives no endpoint for a server without public access: this machine is outside its network', async () => {
    await armRequest(sandbox, 'PUT', `${deploymentPath('d-private')}?api-version=2025-04-01`, {
      body: serverDeployment('private-one', 'S3cret!pass', { firewallRule: false, publicNetworkAccess: 'Disabled' }),
    });
    await eventually(
      () => armRequest(sandbox, 'GET', `${deploymentPath('d-private')}?api-version=2025-04-01`),
      (r) => (r.body as { properties: { provisioningState: string } }).properties.provisioningState === 'Succeeded',
    );
    const response = await armRequest(sandbox, 'GET', '/_sandbox/servers/private-one/endpoint', { token: null });
    expect([response.status, (response.body as { error: { code: string } }).error.code]).toEqual([404, 'ServerNotReady']);
    expect(await sandbox.control.serverEndpoint('private-one')).toBeUndefined();
  });
});
