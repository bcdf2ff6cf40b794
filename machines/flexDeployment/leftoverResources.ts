import type { DeploymentOperationView } from './catalog';
import type { DeploymentContext } from './stagedFlexProfile';

export const FLEXIBLE_SERVER_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers';

/** The record's facts the decision reads: which server, where, and whether Create made the group. */
export type LeftoverDeployment = Pick<DeploymentContext, 'serverName' | 'resourceGroupName' | 'subscriptionId' | 'request'>;

/**
 * What the deployment's operations say it created, when they could be read; `gone` when ARM no
 * longer has the deployment (it keeps at most 800 per group), so only the server itself can tell.
 */
export type CreatedEvidence = { kind: 'operations'; operations: readonly DeploymentOperationView[] } | { kind: 'gone' };

/** The deployment's own server, found in its group. */
export interface LeftoverServer {
  name: string;
  resourceGroupName: string;
}

/** What "Delete Leftover Resources…" may delete: nothing the deployment did not create. */
export interface LeftoverPlan {
  server?: LeftoverServer;
  /** The group Create made for this deployment; deleted only if it is empty once the server is gone. */
  createdGroup?: string;
}

/**
 * The server is a leftover when it still exists in the deployment's group and the deployment
 * created it: an operation that created exactly that resource and succeeded, or (the deployment
 * gone from ARM's history) the record's own server, which the name check found free before Create.
 * An operation on another group, another name, another type, or one that did not succeed is
 * never taken as proof.
 */
export function leftoverPlan(deployment: LeftoverDeployment, evidence: CreatedEvidence, serverExists: boolean): LeftoverPlan {
  const created = evidence.kind === 'gone' || evidence.operations.some((op) => createdTheServer(deployment, op));
  const server = serverExists && created ? { name: deployment.serverName, resourceGroupName: deployment.resourceGroupName } : undefined;
  const createdGroup = deployment.request?.resourceGroup.isNew && sameName(deployment.request.resourceGroup.name, deployment.resourceGroupName) ? deployment.resourceGroupName : undefined;
  return { ...(server ? { server } : {}), ...(createdGroup ? { createdGroup } : {}) };
}

/** The group goes only when this deployment created it and nothing at all is left in it. */
export function mayDeleteGroup(plan: LeftoverPlan, resourcesInGroup: readonly unknown[]): boolean {
  return plan.createdGroup !== undefined && resourcesInGroup.length === 0;
}

/** ARM's id of the deployment's server, the one form a Create operation must name. */
export function serverResourceId(deployment: LeftoverDeployment): string {
  return `/subscriptions/${deployment.subscriptionId}/resourceGroups/${deployment.resourceGroupName}/providers/${FLEXIBLE_SERVER_TYPE}/${deployment.serverName}`;
}

function createdTheServer(deployment: LeftoverDeployment, op: DeploymentOperationView): boolean {
  return (
    op.provisioningOperation === 'Create' &&
    op.provisioningState === 'Succeeded' &&
    sameName(op.resourceType, FLEXIBLE_SERVER_TYPE) &&
    op.resourceId !== undefined &&
    sameName(op.resourceId, serverResourceId(deployment))
  );
}

/** ARM compares names and ids without regard to case. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
