import type { SandboxContext } from '../context';
import { ok, type ArmResponse } from '../http/armResponse';
import { invalidRequestContent, resourceNotFound, subscriptionNotFound } from '../http/armErrors';
import { findGroup, isResponse } from '../http/guards';
import { pageOf } from '../http/paging';
import type { RouteContext, Router } from '../http/router';
import { findSubscription } from '../subscriptions/seed';
import { capabilitiesOf } from './capabilities';
import { serverKey, type FlexServer } from './flexServer';
import { checkName } from './nameAvailability';
import { toArmAdministrator, toArmFirewallRule, toArmServer } from './serverRepresentation';

const PROVIDER = '/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL';
const IN_GROUP = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers';
const SERVER = `${IN_GROUP}/{serverName}`;
const TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers';

export function registerFlexibleServerRoutes(router: Router, sandbox: SandboxContext): void {
  const { state } = sandbox;

  const findServer = (ctx: RouteContext): FlexServer | ArmResponse => {
    const { subscriptionId, resourceGroupName, serverName } = ctx.params;
    const group = findGroup(state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    sandbox.advanceAll();
    const server = state.servers.get(serverKey(serverName));
    const here = server && server.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() && server.resourceGroup.toLowerCase() === resourceGroupName.toLowerCase();
    return here ? server : resourceNotFound(TYPE, serverName, resourceGroupName);
  };

  router.add('GET', SERVER, 'flexibleServers.get', (ctx) => {
    const server = findServer(ctx);
    return isResponse(server) ? server : ok(toArmServer(server));
  });

  router.add('GET', IN_GROUP, 'flexibleServers.listByResourceGroup', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    const group = findGroup(state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    sandbox.advanceAll();
    const servers = [...state.servers.values()].filter((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() && s.resourceGroup.toLowerCase() === resourceGroupName.toLowerCase());
    return ok(pageOf(servers.map(toArmServer), ctx, `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${TYPE}`));
  });

  router.add('GET', `${PROVIDER}/flexibleServers`, 'flexibleServers.list', (ctx) => {
    const { subscriptionId } = ctx.params;
    if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
    sandbox.advanceAll();
    const servers = [...state.servers.values()].filter((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
    return ok(pageOf(servers.map(toArmServer), ctx, `/subscriptions/${subscriptionId}/providers/${TYPE}`));
  });

  const nameCheck = (ctx: RouteContext): ArmResponse => {
    if (!findSubscription(ctx.params.subscriptionId)) return subscriptionNotFound(ctx.params.subscriptionId);
    const body = (ctx.body ?? {}) as { name?: unknown; type?: unknown };
    if (typeof body.name !== 'string') return invalidRequestContent("The request content was invalid and could not be deserialized: 'Required property 'name' not found in JSON.'.");
    sandbox.advanceAll();
    return ok(checkName(state, body.name, typeof body.type === 'string' ? body.type : TYPE));
  };
  router.add('POST', `${PROVIDER}/checkNameAvailability`, 'flexibleServers.checkNameAvailability', nameCheck);
  router.add('POST', `${PROVIDER}/locations/{locationName}/checkNameAvailability`, 'flexibleServers.checkNameAvailabilityWithLocation', nameCheck);

  router.add('GET', `${PROVIDER}/locations/{locationName}/capabilities`, 'flexibleServers.capabilities', (ctx) => {
    if (!findSubscription(ctx.params.subscriptionId)) return subscriptionNotFound(ctx.params.subscriptionId);
    return ok(capabilitiesOf(ctx.params.locationName));
  });

  router.add('GET', `${SERVER}/firewallRules`, 'firewallRules.list', (ctx) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    return ok({ value: [...server.firewallRules].map(([name, p]) => toArmFirewallRule(server, name, p)) });
  });

  router.add('GET', `${SERVER}/firewallRules/{ruleName}`, 'firewallRules.get', (ctx) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    const name = [...server.firewallRules.keys()].find((k) => k.toLowerCase() === ctx.params.ruleName.toLowerCase());
    return name ? ok(toArmFirewallRule(server, name, server.firewallRules.get(name) ?? {})) : resourceNotFound(`${TYPE}/firewallRules`, ctx.params.ruleName, ctx.params.resourceGroupName);
  });

  router.add('GET', `${SERVER}/administrators`, 'administrators.list', (ctx) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    return ok({ value: [...server.administrators].map(([objectId, p]) => toArmAdministrator(server, objectId, p)) });
  });
}
