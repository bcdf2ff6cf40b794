import type { CreatedEvidence, LeftoverServer } from '../../machines/flexDeployment/leftoverResources';
import type { DeploymentRef } from '../services/flexDeployment/deploymentRef';
import type { ArmClients } from './armClients';
import type { AzureCatalog } from './azureCatalog';
import { classifyArmError } from './armErrors';

/** Where a deployment's resources are: its tenant, subscription and group. */
export type DeploymentScope = Pick<DeploymentRef, 'tenantId' | 'subscriptionId' | 'resourceGroupName'>;

/**
 * The ARM calls behind "Delete Leftover Resources…", on the SDK clients the extension already
 * builds. Deletions are ARM long-running operations: each call returns once ARM says it is done.
 */
export interface LeftoverResources {
  /** The deployment's operations; `gone` when ARM (or the group) no longer has the deployment. */
  createdEvidence(ref: DeploymentRef): Promise<CreatedEvidence>;
  serverExists(scope: DeploymentScope, serverName: string): Promise<boolean>;
  deleteServer(scope: DeploymentScope, server: LeftoverServer): Promise<void>;
  /** The ids of every resource still in the group. */
  resourcesInGroup(scope: DeploymentScope): Promise<string[]>;
  deleteGroup(scope: DeploymentScope): Promise<void>;
}

export function armLeftoverResources(clients: ArmClients, catalog: Pick<AzureCatalog, 'listDeploymentOperations'>): LeftoverResources {
  const flex = (scope: DeploymentScope) => clients.flexibleServers(scope.tenantId, scope.subscriptionId);
  const resources = (scope: DeploymentScope) => clients.resources(scope.tenantId, scope.subscriptionId);
  return {
    async createdEvidence(ref) {
      try {
        return { kind: 'operations', operations: await catalog.listDeploymentOperations(ref) };
      } catch (error) {
        if (classifyArmError(error).kind === 'notFound') return { kind: 'gone' };
        throw error;
      }
    },
    async serverExists(scope, serverName) {
      try {
        await (await flex(scope)).servers.get(scope.resourceGroupName, serverName);
        return true;
      } catch (error) {
        if (classifyArmError(error).kind === 'notFound') return false;
        throw error;
      }
    },
    async deleteServer(scope, server) {
      await (await flex(scope)).servers.beginDeleteAndWait(server.resourceGroupName, server.name);
    },
    async resourcesInGroup(scope) {
      const ids: string[] = [];
      for await (const resource of (await resources(scope)).resources.listByResourceGroup(scope.resourceGroupName)) ids.push(resource.id ?? resource.name ?? '');
      return ids;
    },
    async deleteGroup(scope) {
      await (await resources(scope)).resourceGroups.delete(scope.resourceGroupName);
    },
  };
}
