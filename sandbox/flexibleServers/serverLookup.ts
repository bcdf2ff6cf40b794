import type { SandboxContext } from '../context';
import type { ArmResponse } from '../http/armResponse';
import { resourceNotFound } from '../http/armErrors';
import { isResponse } from '../http/guards';
import { findGroup } from '../resourceGroups/findGroup';
import type { RouteContext } from '../http/router';
import type { FlexServer } from './flexServer';
import { serverKey } from '../state';

export const FLEX_PROVIDER = '/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL';
export const SERVERS_IN_GROUP = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers';
export const SERVER_PATH = `${SERVERS_IN_GROUP}/{serverName}`;
export const SERVER_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers';

/** The server a route's path names, brought up to date with the clock, or ARM's 404 for it. */
export function serverLookup(sandbox: SandboxContext): (ctx: RouteContext) => FlexServer | ArmResponse {
  return (ctx) => {
    const { subscriptionId, resourceGroupName, serverName } = ctx.params;
    const group = findGroup(sandbox.state, subscriptionId, resourceGroupName);
    if (isResponse(group)) return group;
    sandbox.advanceAll();
    const server = sandbox.state.servers.get(serverKey(serverName));
    const here = server && server.subscriptionId.toLowerCase() === subscriptionId.toLowerCase() && server.resourceGroup.toLowerCase() === resourceGroupName.toLowerCase();
    return here ? server : resourceNotFound(SERVER_TYPE, serverName, resourceGroupName);
  };
}
