import { resourceGroupNotFound, subscriptionNotFound } from '../http/armErrors';
import type { ArmResponse } from '../http/armResponse';
import type { ResourceGroupRecord, SandboxState } from '../state';
import { findSubscription } from '../subscriptions/seed';

/** The resource group a route addresses, or ARM's 404 for an unknown subscription or group. */
export function findGroup(state: SandboxState, subscriptionId: string, resourceGroup: string): ResourceGroupRecord | ArmResponse {
  if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
  return state.resourceGroup(subscriptionId, resourceGroup) ?? resourceGroupNotFound(resourceGroup);
}
