import type { CreatedEvidence, LeftoverServer } from '../../machines/flexDeployment/leftoverResources';
import type { DeploymentScope, LeftoverResources } from '../../src/azure/armLeftoverResources';

/**
 * Azure as LeftoverResources sees it: the deployment's evidence, which servers exist and what each
 * group holds. Deleting changes that state, so a second run sees what the first left.
 */
export class FakeLeftoverResources implements LeftoverResources {
  evidence: CreatedEvidence = { kind: 'operations', operations: [] };
  readonly servers = new Set<string>();
  /** Resource ids by group name; a group not here does not exist. */
  readonly groups = new Map<string, string[]>();
  readonly deleted: string[] = [];
  failNext?: Error;

  async createdEvidence(): Promise<CreatedEvidence> {
    return this.evidence;
  }

  async serverExists(_scope: DeploymentScope, serverName: string): Promise<boolean> {
    return this.servers.has(serverName);
  }

  async deleteServer(scope: DeploymentScope, server: LeftoverServer): Promise<void> {
    this.throwIfScripted();
    this.servers.delete(server.name);
    const ids = this.groups.get(scope.resourceGroupName) ?? [];
    this.groups.set(
      scope.resourceGroupName,
      ids.filter((id) => !id.endsWith(`/flexibleServers/${server.name}`)),
    );
    this.deleted.push(`server ${server.name}`);
  }

  async resourcesInGroup(scope: DeploymentScope): Promise<string[]> {
    const ids = this.groups.get(scope.resourceGroupName);
    if (!ids) throw Object.assign(new Error(`Resource group '${scope.resourceGroupName}' could not be found.`), { name: 'RestError', statusCode: 404, code: 'ResourceGroupNotFound' });
    return [...ids];
  }

  async deleteGroup(scope: DeploymentScope): Promise<void> {
    this.throwIfScripted();
    this.groups.delete(scope.resourceGroupName);
    this.deleted.push(`group ${scope.resourceGroupName}`);
  }

  private throwIfScripted(): void {
    const error = this.failNext;
    this.failNext = undefined;
    if (error) throw error;
  }
}
