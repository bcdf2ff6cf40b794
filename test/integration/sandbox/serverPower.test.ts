import { describe, expect, it } from 'vitest';
import { armRequest, RESOURCE_GROUP, SUBSCRIPTION_ID, useDeployedServer } from './sandboxTestKit';

/** ARM's stop and start of a flexible server, as the SDK's long-running operations drive them. */
describe('sandbox: stopping and starting a flexible server', () => {
  const world = useDeployedServer('pg-power');
  const serverPath = (name: string, action = '') => `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}${action}?api-version=2025-08-01`;
  const state = async (name: string) => (await world.flex.servers.get(RESOURCE_GROUP, name)).state;

  it('stops a Ready server and starts it again: Stopping → Stopped, Starting → Ready, each a long-running operation the SDK follows', async () => {
    expect(await state('pg-power')).toBe('Ready');
    const stopping = await world.flex.servers.beginStop(RESOURCE_GROUP, 'pg-power', { updateIntervalInMs: 20 });
    expect(await state('pg-power')).toBe('Stopping');
    await stopping.pollUntilDone();
    expect(await state('pg-power')).toBe('Stopped');

    const starting = await world.flex.servers.beginStart(RESOURCE_GROUP, 'pg-power', { updateIntervalInMs: 20 });
    expect(await state('pg-power')).toBe('Starting');
    await starting.pollUntilDone();
    expect(await state('pg-power')).toBe('Ready');
    expect(world.sandbox.requests.count('flexibleServers.stop')).toBe(1);
    expect(world.sandbox.requests.count('flexibleServers.start')).toBe(1);
    expect(world.sandbox.requests.count('flexibleServers.operationStatus')).toBeGreaterThanOrEqual(2);
  });

  it('answers start with 202 and the provider\'s Azure-AsyncOperation and Location on the server\'s location', async () => {
    await (await world.flex.servers.beginStop(RESOURCE_GROUP, 'pg-power', { updateIntervalInMs: 20 })).pollUntilDone();
    const started = await armRequest(world.sandbox, 'POST', serverPath('pg-power', '/start'));
    expect(started.status).toBe(202);
    const base = `${world.sandbox.url}/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.DBforPostgreSQL/locations/eastus`;
    expect(started.headers['azure-asyncoperation']).toMatch(new RegExp(`^${base}/azureAsyncOperation/[0-9a-f-]{36}\\?api-version=2025-08-01$`));
    expect(started.headers.location).toMatch(new RegExp(`^${base}/operationResults/[0-9a-f-]{36}\\?api-version=2025-08-01$`));
    expect(started.body).toBeUndefined();
  });

  it('refuses to start a server that is not stopped and to stop one that is not started (409 ServerIsNotReady), and 404s a missing one', async () => {
    await expect(world.flex.servers.beginStartAndWait(RESOURCE_GROUP, 'pg-power')).rejects.toMatchObject({ statusCode: 409, code: 'ServerIsNotReady' });
    await world.flex.servers.beginStop(RESOURCE_GROUP, 'pg-power', { updateIntervalInMs: 20 });
    const again = await armRequest(world.sandbox, 'POST', serverPath('pg-power', '/stop'));
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'ServerIsNotReady' } } });
    expect((again.body as { error: { message: string } }).error.message).toContain('Current Server State = Stopping');
    await expect(world.flex.servers.beginStartAndWait(RESOURCE_GROUP, 'pg-gone')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  });
});
