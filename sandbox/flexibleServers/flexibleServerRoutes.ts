import type { SandboxContext } from '../context';
import { ok, type ArmResponse } from '../http/armResponse';
import { invalidRequestContent, subscriptionNotFound } from '../http/armErrors';
import { isResponse } from '../http/guards';
import { findGroup } from '../resourceGroups/findGroup';
import { pageOf } from '../http/paging';
import type { RouteContext, RouteRegistry } from '../http/router';
import { findSubscription } from '../subscriptions/seed';
import { capabilitiesOf } from './capabilities';
import { checkName } from './nameAvailability';
import { FLEX_PROVIDER, SERVER_PATH, SERVER_TYPE, SERVERS_IN_GROUP, serverLookup } from './serverLookup';
import type { ProviderOperationStart } from './providerOperations';
import { serverKey, skuRestrictionKey } from '../state';
import { toArmAdministrator, toArmServer } from './serverRepresentation';
import { registerServerPowerRoutes } from './serverPower';

/** Simulated seconds a server takes to drop (its GET answers 404 from the start, as once Azure is done). */
export const SERVER_DELETE_SECONDS = 60;

export function registerFlexibleServerRoutes(router: RouteRegistry, sandbox: SandboxContext, startOperation: ProviderOperationStart): void {
  const { state } = sandbox;

  const findServer = serverLookup(sandbox);

  router.add('GET', SERVER_PATH, 'flexibleServers.get', (ctx) => {
    const server = findServer(ctx);
    return isResponse(server) ? server : ok(toArmServer(server, sandbox.now()));
  });

  // As ServersDelete.json: 202 with Azure-AsyncOperation and Location on the provider's location, or
  // 204 when there is no such server. The server goes with its children (rules, databases, admins).
  router.add('DELETE', SERVER_PATH, 'flexibleServers.delete', (ctx) => {
    const group = findGroup(state, ctx.params.subscriptionId, ctx.params.resourceGroupName);
    if (isResponse(group)) return group;
    const server = findServer(ctx);
    if (isResponse(server)) return { status: 204 };
    state.servers.delete(serverKey(server.name));
    return startOperation(ctx, server.location, SERVER_DELETE_SECONDS);
  });

  registerServerPowerRoutes(router, sandbox, startOperation);

  router.add('GET', SERVERS_IN_GROUP, 'flexibleServers.listByResourceGroup', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    const group = findGroup(state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    sandbox.advanceAll();
    const servers = [...state.servers.values()].filter((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() && s.resourceGroup.toLowerCase() === resourceGroupName.toLowerCase());
    return ok(pageOf(servers.map((s) => toArmServer(s, sandbox.now())), ctx, `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${SERVER_TYPE}`));
  });

  router.add('GET', `${FLEX_PROVIDER}/flexibleServers`, 'flexibleServers.list', (ctx) => {
    const { subscriptionId } = ctx.params;
    if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
    sandbox.advanceAll();
    const servers = [...state.servers.values()].filter((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
    return ok(pageOf(servers.map((s) => toArmServer(s, sandbox.now())), ctx, `/subscriptions/${subscriptionId}/providers/${SERVER_TYPE}`));
  });

  const nameCheck = (ctx: RouteContext): ArmResponse => {
    if (!findSubscription(ctx.params.subscriptionId)) return subscriptionNotFound(ctx.params.subscriptionId);
    const body = (ctx.body ?? {}) as { name?: unknown; type?: unknown };
    if (typeof body.name !== 'string') return invalidRequestContent("The request content was invalid and could not be deserialized: 'Required property 'name' not found in JSON.'.");
    sandbox.advanceAll();
    return ok(checkName(state, body.name, typeof body.type === 'string' ? body.type : SERVER_TYPE));
  };
  router.add('POST', `${FLEX_PROVIDER}/checkNameAvailability`, 'flexibleServers.checkNameAvailability', nameCheck);
  router.add('POST', `${FLEX_PROVIDER}/locations/{locationName}/checkNameAvailability`, 'flexibleServers.checkNameAvailabilityWithLocation', nameCheck);

  router.add('GET', `${FLEX_PROVIDER}/locations/{locationName}/capabilities`, 'flexibleServers.capabilities', (ctx) => {
    if (!findSubscription(ctx.params.subscriptionId)) return subscriptionNotFound(ctx.params.subscriptionId);
    const { subscriptionId, locationName } = ctx.params;
    return ok(capabilitiesOf((skuName) => state.skuRestrictions.get(skuRestrictionKey(subscriptionId, locationName, skuName))?.listed === false));
  });

  router.add('GET', `${SERVER_PATH}/administrators`, 'administrators.list', (ctx) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    return ok({ value: [...server.administrators].map(([objectId, p]) => toArmAdministrator(server, objectId, p)) });
  });
}
