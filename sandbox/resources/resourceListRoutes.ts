import type { SandboxContext } from '../context';
import { ok } from '../http/armResponse';
import { isResponse } from '../http/guards';
import { pageOf } from '../http/paging';
import type { RouteRegistry } from '../http/router';
import { SERVER_TYPE } from '../flexibleServers/serverLookup';
import { findGroup } from '../resourceGroups/findGroup';
import { groupKey } from '../state';

/**
 * Resources_ListByResourceGroup: the group's top-level resources as ARM lists them (`id, name,
 * type, location, tags`). The only resources the sandbox creates are flexible servers; their
 * children (rules, databases, administrators) are not listed, as ARM does not list them.
 */
export function registerResourceListRoutes(router: RouteRegistry, sandbox: SandboxContext): void {
  router.add('GET', '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/resources', 'resources.listByResourceGroup', (ctx) => {
    const { subscriptionId, resourceGroupName } = ctx.params;
    const group = findGroup(sandbox.state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    sandbox.advanceAll();
    const key = groupKey(subscriptionId, resourceGroupName);
    const servers = [...sandbox.state.servers.values()].filter((s) => groupKey(s.subscriptionId, s.resourceGroup) === key);
    const resources = servers.map((s) => ({
      id: `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/${SERVER_TYPE}/${s.name}`,
      name: s.name,
      type: SERVER_TYPE,
      location: s.location,
      ...(s.tags ? { tags: s.tags } : {}),
    }));
    return ok(pageOf(resources, ctx, `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/resources`));
  });
}
