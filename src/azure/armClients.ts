import type { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import type { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { ARM_SCOPE, armPipelineOptions, type ArmEnvironment } from './armEnvironment';
import type { FlexProvisioningCredentialProvider } from './azureCredentialProvider';
import { loadSdk, type AzureSdk } from './loadSdk';

/**
 * The SDK clients, one per tenant/subscription, built on the environment's endpoint and CA and
 * the credential provider's tokens. Clients keep tokens in their own pipeline, so they are built
 * again when the provider drops its tokens (sign-in, a rejected token).
 *
 * Two kinds of packages are in play (docs/decisions/azure-sdk.md): the generated "modular" ones
 * (deployments, resource groups) take `credentials.scopes`, the older ones (subscriptions,
 * flexible servers) take `credentialScopes`. Both get ARM's scope in both modes. The SDK itself is
 * loaded with the first client (sdk.ts).
 */
export class ArmClients {
  private readonly cache = new Map<string, unknown>();
  private cachedGeneration: number;

  constructor(
    readonly environment: ArmEnvironment,
    private readonly credentials: FlexProvisioningCredentialProvider,
    private readonly options: { sdkRetries: boolean },
  ) {
    this.cachedGeneration = credentials.generation;
  }

  deployments(tenantId: string, subscriptionId: string): Promise<DeploymentsClient> {
    return this.client(`deployments ${tenantId} ${subscriptionId}`, ({ DeploymentsClient }) =>
      new DeploymentsClient(this.credentials.credentialFor(tenantId), subscriptionId, { ...this.pipelineOptions(), credentials: { scopes: [ARM_SCOPE] } }),
    );
  }

  resources(tenantId: string, subscriptionId: string): Promise<ResourceManagementClient> {
    return this.client(`resources ${tenantId} ${subscriptionId}`, ({ ResourceManagementClient }) =>
      new ResourceManagementClient(this.credentials.credentialFor(tenantId), subscriptionId, { ...this.pipelineOptions(), credentials: { scopes: [ARM_SCOPE] } }),
    );
  }

  flexibleServers(tenantId: string, subscriptionId: string): Promise<PostgreSQLManagementFlexibleServerClient> {
    return this.client(`flex ${tenantId} ${subscriptionId}`, ({ PostgreSQLManagementFlexibleServerClient }) =>
      new PostgreSQLManagementFlexibleServerClient(this.credentials.credentialFor(tenantId), subscriptionId, { ...this.pipelineOptions(), credentialScopes: ARM_SCOPE }),
    );
  }

  subscriptions(tenantId: string): Promise<SubscriptionClient> {
    return this.client(`subscriptions ${tenantId}`, ({ SubscriptionClient }) =>
      new SubscriptionClient(this.credentials.credentialFor(tenantId), { ...this.pipelineOptions(), credentialScopes: ARM_SCOPE }),
    );
  }

  private pipelineOptions() {
    return armPipelineOptions(this.environment, this.options);
  }

  private async client<T>(key: string, create: (sdk: AzureSdk) => T): Promise<T> {
    const sdk = await loadSdk();
    if (this.cachedGeneration !== this.credentials.generation) {
      this.cache.clear();
      this.cachedGeneration = this.credentials.generation;
    }
    let client = this.cache.get(key) as T | undefined;
    if (!client) {
      client = create(sdk);
      this.cache.set(key, client);
    }
    return client;
  }
}
