import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { ResourceManagementClient } from '@azure/arm-resources';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { ARM_SCOPE, armPipelineOptions, type ArmEnvironment } from './armEnvironment';
import type { FlexProvisioningCredentialProvider } from './azureCredentialProvider';

/**
 * The SDK clients, one per tenant/subscription, built on the environment's endpoint and CA and
 * the credential provider's tokens. Clients keep tokens in their own pipeline, so they are built
 * again when the provider drops its tokens (sign-in, a rejected token).
 *
 * Two kinds of packages are in play (docs/decisions/azure-sdk.md): the generated "modular" ones
 * (deployments, resource groups) take `credentials.scopes`, the older ones (subscriptions,
 * flexible servers) take `credentialScopes`. Both get ARM's scope in both modes.
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

  deployments(tenantId: string, subscriptionId: string): DeploymentsClient {
    return this.client(`deployments ${tenantId} ${subscriptionId}`, () =>
      new DeploymentsClient(this.credentials.credentialFor(tenantId), subscriptionId, { ...this.pipelineOptions(), credentials: { scopes: [ARM_SCOPE] } }),
    );
  }

  resources(tenantId: string, subscriptionId: string): ResourceManagementClient {
    return this.client(`resources ${tenantId} ${subscriptionId}`, () =>
      new ResourceManagementClient(this.credentials.credentialFor(tenantId), subscriptionId, { ...this.pipelineOptions(), credentials: { scopes: [ARM_SCOPE] } }),
    );
  }

  flexibleServers(tenantId: string, subscriptionId: string): PostgreSQLManagementFlexibleServerClient {
    return this.client(`flex ${tenantId} ${subscriptionId}`, () =>
      new PostgreSQLManagementFlexibleServerClient(this.credentials.credentialFor(tenantId), subscriptionId, { ...this.pipelineOptions(), credentialScopes: ARM_SCOPE }),
    );
  }

  subscriptions(tenantId: string): SubscriptionClient {
    return this.client(`subscriptions ${tenantId}`, () =>
      new SubscriptionClient(this.credentials.credentialFor(tenantId), { ...this.pipelineOptions(), credentialScopes: ARM_SCOPE }),
    );
  }

  private pipelineOptions() {
    return armPipelineOptions(this.environment, this.options);
  }

  private client<T>(key: string, create: () => T): T {
    if (this.cachedGeneration !== this.credentials.generation) {
      this.cache.clear();
      this.cachedGeneration = this.credentials.generation;
    }
    let client = this.cache.get(key) as T | undefined;
    if (!client) {
      client = create();
      this.cache.set(key, client);
    }
    return client;
  }
}
