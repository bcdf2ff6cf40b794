import type { SandboxContext } from '../context';
import { armError, ok } from '../http/armResponse';
import { invalidRequestContent, resourceGroupNotFound, subscriptionNotFound } from '../http/armErrors';
import { pageOf } from '../http/paging';
import type { RouteContext, Router } from '../http/router';
import { randomUUID } from 'node:crypto';
import { scaled } from '../simulatedTime';
import { groupKey, type ResourceGroupRecord } from '../state';
import { findLocation, findSubscription, SANDBOX_LOCATIONS } from '../subscriptions/seed';
import { serverKey } from '../state';

const GROUPS = '/subscriptions/{subscriptionId}/resourcegroups';
const GROUP = `${GROUPS}/{resourceGroupName}`;
const NAME_PATTERN = /^[-\w.()]{0,89}[-\w()]$/u;
const API_VERSION = '2025-04-01';
/** Simulated seconds ARM takes to delete a group (its GET answers 404 from the start). */
const GROUP_DELETE_SECONDS = 20;
/** Simulated seconds ARM takes to move resources (they answer in their new group from the start). */
const GROUP_MOVE_SECONDS = 30;

/** Shape of the official CreateResourceGroup example. */
function toArmGroup(g: ResourceGroupRecord): Record<string, unknown> {
  return {
    id: `/subscriptions/${g.subscriptionId}/resourceGroups/${g.name}`,
    name: g.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: g.location,
    ...(g.tags ? { tags: g.tags } : {}),
    properties: { provisioningState: 'Succeeded' },
  };
}

export function registerResourceGroupRoutes(router: Router, sandbox: SandboxContext): void {
  const { state } = sandbox;

  router.add('GET', GROUPS, 'resourceGroups.list', (ctx) => {
    const { subscriptionId } = ctx.params;
    if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
    const groups = [...state.resourceGroups.values()].filter((g) => g.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
    return ok(pageOf(groups.map(toArmGroup), ctx, `/subscriptions/${subscriptionId}/resourcegroups`));
  });

  router.add('GET', GROUP, 'resourceGroups.get', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
    const group = state.resourceGroup(subscriptionId, resourceGroupName);
    return group ? ok(toArmGroup(group)) : resourceGroupNotFound(resourceGroupName);
  });

  router.add('HEAD', GROUP, 'resourceGroups.checkExistence', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    return { status: state.resourceGroup(subscriptionId, resourceGroupName) ? 204 : 404 };
  });

  const operations = state.groupOperations;
  const startOperation = (ctx: RouteContext, seconds: number) => {
    const id = randomUUID().replace(/-/g, '').toUpperCase();
    operations.set(id, sandbox.now() + scaled(seconds, state.speed));
    return ok(undefined, 202, operationResult(ctx, id));
  };
  const operationResult = (ctx: RouteContext, id: string): Record<string, string> => ({
    Location: `${ctx.baseUrl}/subscriptions/${ctx.params.subscriptionId}/operationresults/${id}?api-version=${API_VERSION}`,
    'Retry-After': '1',
  });

  // As ARM deletes a group: 202 with a Location to poll (202 until done, then 200), everything in it
  // (servers, deployment history) gone with it; 404 ResourceGroupNotFound when there is no such group.
  router.add('DELETE', GROUP, 'resourceGroups.delete', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
    const key = groupKey(subscriptionId, resourceGroupName);
    if (!state.resourceGroups.delete(key)) return resourceGroupNotFound(resourceGroupName);
    sandbox.advanceAll();
    const inGroup = (item: { subscriptionId: string; resourceGroup: string }) => groupKey(item.subscriptionId, item.resourceGroup) === key;
    for (const [name, server] of state.servers) if (inGroup(server)) state.servers.delete(name);
    for (const [name, run] of state.deployments) if (inGroup(run)) state.deployments.delete(name);
    return startOperation(ctx, GROUP_DELETE_SECONDS);
  });

  // As ARM moves resources (Resources_MoveResources): 202 with a Location to poll; the servers are in
  // the target group from the start (their children with them), their deployment history stays. The
  // target may be in another subscription (of the same tenant: the sandbox has one).
  router.add('POST', `${GROUP}/moveResources`, 'resourceGroups.moveResources', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
    if (!state.resourceGroup(subscriptionId, resourceGroupName)) return resourceGroupNotFound(resourceGroupName);
    const body = (ctx.body ?? {}) as { resources?: unknown; targetResourceGroup?: unknown };
    if (!Array.isArray(body.resources) || typeof body.targetResourceGroup !== 'string') {
      return invalidRequestContent("The request content was invalid and could not be deserialized: 'resources' and 'targetResourceGroup' are required.");
    }
    const target = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(body.targetResourceGroup);
    const targetGroup = target && findSubscription(target[1]) ? state.resourceGroup(target[1], target[2]) : undefined;
    if (!targetGroup) return armError(400, 'InvalidTargetResourceGroup', `The target resource group '${body.targetResourceGroup}' does not exist.`);
    const servers = body.resources.map((id) => (typeof id === 'string' ? state.servers.get(serverKey(id.split('/').at(-1) ?? '')) : undefined));
    const missing = body.resources.filter((_, i) => !servers[i] || groupKey(servers[i].subscriptionId, servers[i].resourceGroup) !== groupKey(subscriptionId, resourceGroupName));
    if (missing.length > 0) return armError(400, 'ResourceNotFound', `The resources to move were not found in resource group '${resourceGroupName}': ${missing.join(', ')}.`);
    sandbox.advanceAll();
    for (const server of servers) {
      if (!server) continue;
      server.subscriptionId = targetGroup.subscriptionId;
      server.resourceGroup = targetGroup.name;
    }
    return startOperation(ctx, GROUP_MOVE_SECONDS);
  });

  router.add('GET', '/subscriptions/{subscriptionId}/operationresults/{operationId}', 'resourceGroups.operationResult', (ctx) => {
    const doneAt = operations.get(ctx.params.operationId);
    if (doneAt === undefined) return armError(404, 'NotFound', `The operation '${ctx.params.operationId}' was not found.`);
    return sandbox.now() >= doneAt ? { status: 200 } : { status: 202, headers: operationResult(ctx, ctx.params.operationId) };
  });

  router.add('PUT', GROUP, 'resourceGroups.createOrUpdate', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
    if (!NAME_PATTERN.test(resourceGroupName)) {
      return armError(400, 'InvalidResourceGroup', `The provided resource group name '${resourceGroupName}' has these invalid characters: '${resourceGroupName.replace(/[-\w.()]/gu, '')}'. The name can only be a letter, digit, '-', '.', '(', ')' or '_'.`);
    }
    const body = (ctx.body ?? {}) as { location?: unknown; tags?: Record<string, string> };
    if (typeof body.location !== 'string') return invalidRequestContent("The request content was invalid and could not be deserialized: 'Required property 'location' not found in JSON.'.");
    const location = findLocation(body.location);
    if (!location) {
      return armError(400, 'LocationNotAvailableForResourceGroup', `The provided location '${body.location}' is not available for resource group. List of available regions is '${SANDBOX_LOCATIONS.map((l) => l.name).join(',')}'.`);
    }
    const existing = state.resourceGroup(subscriptionId, resourceGroupName);
    if (existing && existing.location !== location.name) {
      return armError(409, 'InvalidResourceGroupLocation', `Invalid resource group location '${location.name}'. The Resource group already exists in location '${existing.location}' in subscription '${subscriptionId}'.`);
    }
    const group: ResourceGroupRecord = { subscriptionId, name: existing?.name ?? resourceGroupName, location: location.name, tags: body.tags ?? existing?.tags };
    state.resourceGroups.set(groupKey(subscriptionId, resourceGroupName), group);
    return ok(toArmGroup(group), existing ? 200 : 201);
  });
}
