import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';

/** Everything needed to find one deployment in ARM. */
export interface DeploymentRef {
  stagingId: string;
  tenantId: string;
  subscriptionId: string;
  resourceGroupName: string;
  deploymentName: string;
  /** The time the record was staged: a list call may skip deployments started before it. */
  createdAt: number;
  /**
   * The server the deployment creates. ARM deletes old deployments from a resource group's history
   * (above 700 of them), so on a 404 the reader looks for the server itself before saying notFound.
   */
  serverName?: string;
}

export function deploymentRefOf(d: Readonly<DeploymentContext>): DeploymentRef {
  const { stagingId, tenantId, subscriptionId, resourceGroupName, deploymentName, createdAt, serverName } = d;
  return { stagingId, tenantId, subscriptionId, resourceGroupName, deploymentName, createdAt, serverName };
}
