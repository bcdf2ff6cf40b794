import type { DeploymentExtended } from '@azure/arm-resourcesdeployments';
import type { DeploymentObservation, DeploymentReadBatch, DeploymentReader } from '../services/flexDeployment/deploymentReader';
import type { DeploymentRef } from '../services/flexDeployment/deploymentRef';
import type { ArmClients } from './armClients';
import { classifyArmError, type ArmFailure } from './armErrors';
import type { FlexProvisioningCredentialProvider } from './azureCredentialProvider';
import { observeDeployment } from './deploymentObservation';
import { flexServerResourceId } from './flexProvisioning/flexTemplate';

/**
 * The tracker's polling port on ARM: per cycle, per resource group, the group's deployment list,
 * page after page (`nextLink`) until every tracked deployment of the group is on one — its state,
 * error and created resources come with it — and a GET only for one the whole list does not hold
 * (ARM prunes long histories). ARM documents paging, not an order: nothing here assumes the newest
 * come first; when they do, as observed, the first page is usually all there is to read. See
 * docs/decisions/azure-sdk.md for why the SDK's retries are off here.
 */

export interface ResourceGroupRefs {
  tenantId: string;
  subscriptionId: string;
  resourceGroupName: string;
  refs: DeploymentRef[];
}

/** One entry per tenant + subscription + resource group (case-insensitive, as ARM names are). */
export function groupByResourceGroup(refs: readonly DeploymentRef[]): ResourceGroupRefs[] {
  const groups = new Map<string, ResourceGroupRefs>();
  for (const ref of refs) {
    // Stryker disable next-line MethodExpression: upper- or lower-casing the key groups the same refs
    const key = [ref.tenantId, ref.subscriptionId, ref.resourceGroupName].join('/').toLowerCase();
    let group = groups.get(key);
    if (!group) {
      group = { tenantId: ref.tenantId, subscriptionId: ref.subscriptionId, resourceGroupName: ref.resourceGroupName, refs: [] };
      groups.set(key, group);
    }
    group.refs.push(ref);
  }
  return [...groups.values()];
}

type Observed = { observation: DeploymentObservation; retryAfterMs?: number };

export class ArmDeploymentReader implements DeploymentReader {
  constructor(
    private readonly clients: ArmClients,
    private readonly credentials: FlexProvisioningCredentialProvider,
  ) {}

  async read(refs: readonly DeploymentRef[]): Promise<DeploymentReadBatch> {
    const observations = new Map<string, DeploymentObservation>();
    let retryAfterMs: number | undefined;
    const groups = await Promise.all(groupByResourceGroup(refs).map((group) => this.readGroup(group)));
    for (const group of groups) {
      for (const [stagingId, observed] of group) {
        observations.set(stagingId, observed.observation);
        if (observed.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, observed.retryAfterMs);
      }
    }
    return { observations, retryAfterMs };
  }

  private async readGroup(group: ResourceGroupRefs): Promise<Map<string, Observed>> {
    const result = new Map<string, Observed>();
    let listed: Map<string, DeploymentExtended>;
    try {
      listed = await this.list(group);
    } catch (error) {
      // A missing resource group holds neither the deployments nor their servers: notFound for all.
      const failure = observedFailure(this.failureOf(error, group.tenantId));
      for (const ref of group.refs) result.set(ref.stagingId, failure);
      return result;
    }
    await Promise.all(
      group.refs.map(async (ref) => {
        const item = listed.get(ref.deploymentName.toLowerCase());
        const observation = item && observeDeployment(item);
        result.set(ref.stagingId, observation ? { observation } : await this.getOne(ref));
      }),
    );
    return result;
  }

  /** The group's deployments that are tracked, reading pages only until all of them are found. */
  private async list(group: ResourceGroupRefs): Promise<Map<string, DeploymentExtended>> {
    const wanted = new Set(group.refs.map((ref) => ref.deploymentName.toLowerCase()));
    const found = new Map<string, DeploymentExtended>();
    const pages = (await this.clients.deployments(group.tenantId, group.subscriptionId)).deployments.listByResourceGroup(group.resourceGroupName).byPage();
    for await (const page of pages) {
      for (const deployment of page) {
        const name = deployment.name?.toLowerCase();
        if (name && wanted.has(name)) found.set(name, deployment);
      }
      if (found.size === wanted.size) break;
    }
    return found;
  }

  private async getOne(ref: DeploymentRef): Promise<Observed> {
    try {
      const deployment = await (await this.clients.deployments(ref.tenantId, ref.subscriptionId)).deployments.get(ref.resourceGroupName, ref.deploymentName);
      return { observation: observeDeployment(deployment) ?? incomplete(deployment, ref) };
    } catch (error) {
      const failure = this.failureOf(error, ref.tenantId);
      return failure.kind === 'notFound' ? this.lookForServer(ref) : observedFailure(failure);
    }
  }

  /** ARM prunes old deployments: a deployment that is gone may still have made its server. */
  private async lookForServer(ref: DeploymentRef): Promise<Observed> {
    if (!ref.serverName) return { observation: { kind: 'notFound' } };
    try {
      const server = await (await this.clients.flexibleServers(ref.tenantId, ref.subscriptionId)).servers.get(ref.resourceGroupName, ref.serverName);
      if (server.state === 'Provisioning') return { observation: { kind: 'running', provisioningState: 'Running' } };
      return { observation: { kind: 'succeeded', serverResourceId: server.id ?? flexServerResourceId(ref.subscriptionId, ref.resourceGroupName, ref.serverName) } };
    } catch (error) {
      return observedFailure(this.failureOf(error, ref.tenantId));
    }
  }

  private failureOf(error: unknown, tenantId: string): ArmFailure {
    const failure = classifyArmError(error);
    // The rejected token sits in the SDK pipelines' caches: new clients and tokens next cycle.
    if (failure.kind === 'signedOut') this.credentials.invalidate(tenantId);
    return failure;
  }
}

function observedFailure(failure: ArmFailure): Observed {
  switch (failure.kind) {
    case 'unavailable':
      return { observation: { kind: 'unavailable', reason: failure.reason }, retryAfterMs: failure.retryAfterMs };
    case 'failed':
      return { observation: { kind: 'failed', error: failure.error } };
    default:
      return { observation: { kind: failure.kind } };
  }
}

/** Ended, but ARM's own GET lacks the error (Failed) or the server's id (Succeeded): observeDeployment leaves only these. */
function incomplete(deployment: DeploymentExtended, ref: DeploymentRef): DeploymentObservation {
  if (deployment.properties?.provisioningState !== 'Succeeded') {
    return { kind: 'failed', error: { code: 'Failed', message: `Deployment '${ref.deploymentName}' failed without an error from Azure.` } };
  }
  if (ref.serverName) return { kind: 'succeeded', serverResourceId: flexServerResourceId(ref.subscriptionId, ref.resourceGroupName, ref.serverName) };
  return {
    kind: 'failed',
    error: { code: 'DeploymentOutputMissing', message: `Deployment '${ref.deploymentName}' succeeded but names no PostgreSQL flexible server among its resources.` },
  };
}
