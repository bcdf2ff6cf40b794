import type { SandboxState, ResourceGroupRecord } from '../state';
import { findSubscription } from '../subscriptions/seed';
import { resourceGroupNotFound, subscriptionNotFound } from './armErrors';
import type { ArmResponse } from './armResponse';

/** The resource group a route addresses, or ARM's 404 for an unknown subscription or group. */
export function findGroup(state: SandboxState, subscriptionId: string, resourceGroup: string): ResourceGroupRecord | ArmResponse {
  if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
  return state.resourceGroup(subscriptionId, resourceGroup) ?? resourceGroupNotFound(resourceGroup);
}

export function isResponse(value: unknown): value is ArmResponse {
  return typeof value === 'object' && value !== null && 'status' in value && typeof (value as ArmResponse).status === 'number';
}
