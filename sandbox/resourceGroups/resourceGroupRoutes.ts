import type { SandboxContext } from '../context';
import { armError, ok } from '../http/armResponse';
import { invalidRequestContent, resourceGroupNotFound, subscriptionNotFound } from '../http/armErrors';
import { pageOf } from '../http/paging';
import type { Router } from '../http/router';
import { groupKey, type ResourceGroupRecord } from '../state';
import { findLocation, findSubscription, SANDBOX_LOCATIONS } from '../subscriptions/seed';

const GROUPS = '/subscriptions/{subscriptionId}/resourcegroups';
const GROUP = `${GROUPS}/{resourceGroupName}`;
const NAME_PATTERN = /^[-\w.()]{0,89}[-\w()]$/u;

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
