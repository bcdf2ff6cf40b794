import { describe, expect, it } from 'vitest';
import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { SEEDED_RESOURCE_GROUPS } from '../../../sandbox';
import { armRequest, clientOptions, eventually, RESOURCE_GROUP, staticCredential, SUBSCRIPTION_ID, useDeployedServer } from './sandboxTestKit';

/** ARM's move of resources to another group (Resources_MoveResources), for a flexible server. */
describe('sandbox: moving a flexible server to another resource group', () => {
  const TARGET = 'rg-target';
  const group = (name: string) => `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${name}`;
  const serverId = (name: string, rg = RESOURCE_GROUP) => `${group(rg)}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}`;
  const world = useDeployedServer('pg-move', (sandbox) => armRequest(sandbox, 'PUT', `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${TARGET}?api-version=2025-04-01`, { body: { location: 'eastus' } }));
  const move = (body: unknown, from = RESOURCE_GROUP) => armRequest(world.sandbox, 'POST', `${group(from)}/moveResources?api-version=2021-04-01`, { body });

  it('answers 202 with a Location that ends in 200; the server and its rules answer in the target group, not in the source', async () => {
    const answer = await move({ resources: [serverId('pg-move')], targetResourceGroup: group(TARGET) });
    expect(answer.status).toBe(202);
    const location = String(answer.headers.location);
    expect(location).toMatch(/\/operationresults\//);
    await eventually(() => armRequest(world.sandbox, 'GET', new URL(location).pathname + new URL(location).search), (r) => r.status === 200);
    expect((await world.flex.servers.get(TARGET, 'pg-move')).id).toBe(serverId('pg-move', TARGET));
    await expect(world.flex.servers.get(RESOURCE_GROUP, 'pg-move')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
    const rules = [];
    for await (const rule of world.flex.firewallRules.listByServer(TARGET, 'pg-move')) rules.push(rule.name);
    expect(rules.length).toBeGreaterThan(0);
  });

  it('moves it to a group of another subscription of the tenant: found there by its GET, in that subscription’s list, and in neither of the source’s', async () => {
    const other = SEEDED_RESOURCE_GROUPS.find((g) => g.subscriptionId !== SUBSCRIPTION_ID)!;
    const otherGroup = `/subscriptions/${other.subscriptionId}/resourceGroups/${other.name}`;
    expect((await move({ resources: [serverId('pg-move')], targetResourceGroup: otherGroup })).status).toBe(202);
    const there = new PostgreSQLManagementFlexibleServerClient(staticCredential(), other.subscriptionId, clientOptions(world.sandbox));
    expect((await there.servers.get(other.name, 'pg-move')).id).toBe(`${otherGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-move`);
    const listed = async (client: PostgreSQLManagementFlexibleServerClient) => {
      const names: string[] = [];
      for await (const server of client.servers.listBySubscription()) names.push(server.name!);
      return names;
    };
    expect(await listed(there)).toContain('pg-move');
    expect(await listed(world.flex)).not.toContain('pg-move');
    await expect(world.flex.servers.get(RESOURCE_GROUP, 'pg-move')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses a target group that does not exist, and a resource that is not in the source group, moving nothing', async () => {
    expect(await move({ resources: [serverId('pg-move')], targetResourceGroup: group('rg-nowhere') })).toMatchObject({ status: 400, body: { error: { code: 'InvalidTargetResourceGroup' } } });
    const unknownSubscription = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-pgflex-demo';
    expect(await move({ resources: [serverId('pg-move')], targetResourceGroup: unknownSubscription })).toMatchObject({ status: 400, body: { error: { code: 'InvalidTargetResourceGroup' } } });
    expect(await move({ resources: [serverId('pg-move'), serverId('pg-absent')], targetResourceGroup: group(TARGET) })).toMatchObject({ status: 400, body: { error: { code: 'ResourceNotFound' } } });
    expect(await move({ resources: [serverId('pg-move')], targetResourceGroup: group(TARGET) }, TARGET)).toMatchObject({ status: 400, body: { error: { code: 'ResourceNotFound' } } });
    expect(await move({ targetResourceGroup: group(TARGET) })).toMatchObject({ status: 400 });
    expect((await world.flex.servers.get(RESOURCE_GROUP, 'pg-move')).name).toBe('pg-move');
  });
});
