import type { Capability } from '@azure/arm-postgresql-flexible';
import type { DeploymentOperationView, FlexCapabilities, LocationChoice, ResourceGroupChoice, SubscriptionChoice } from '../../machines/flexDeployment/catalog';
import type { RetailPrice } from '../../machines/flexDeployment/retailPrices';
import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import type { DeploymentRef } from '../services/flexDeployment/deploymentRef';
import type { ArmClients } from './armClients';
import { ARM_SCOPE } from './armEnvironment';
import { summarizeArmError } from './armErrors';
import type { AzureCatalog } from './azureCatalog';
import type { FlexProvisioningCredentialProvider } from './azureCredentialProvider';
import { detectClientIp } from './clientIp';
import { createEntraDirectory } from './entraDirectory';
import { toFlexCapabilities } from './flexCapabilities';
import { readPostgresPrices } from './retailPrices';
import { FLEX_SERVER_TYPE } from './flexProvisioning/flexTemplate';
import type { SubscriptionSource } from './subscriptionSource';
import { principalFromToken } from './tokenClaims';

/** AzureCatalog on the real SDK clients: what the create form and the progress view ask of Azure. */
export class ArmAzureCatalog implements AzureCatalog {
  /** Subscription → tenant, learnt from the last subscription list: ARM clients need the tenant's token. */
  private readonly tenants = new Map<string, string>();

  constructor(
    private readonly clients: ArmClients,
    private readonly credentials: FlexProvisioningCredentialProvider,
    private readonly subscriptions: SubscriptionSource,
  ) {}

  async listSubscriptions(): Promise<SubscriptionChoice[]> {
    const choices = await this.subscriptions.listSubscriptions();
    for (const choice of choices) this.tenants.set(choice.subscriptionId.toLowerCase(), choice.tenantId);
    return choices;
  }

  async listResourceGroups(subscriptionId: string): Promise<ResourceGroupChoice[]> {
    const client = await this.clients.resources(await this.tenantOf(subscriptionId), subscriptionId);
    const groups: ResourceGroupChoice[] = [];
    for await (const group of client.resourceGroups.list()) {
      if (group.name) groups.push({ name: group.name, location: group.location });
    }
    return groups.sort((a, b) => a.name.localeCompare(b.name));
  }

  async listLocations(subscriptionId: string): Promise<LocationChoice[]> {
    const client = await this.clients.subscriptions(await this.tenantOf(subscriptionId));
    const locations: LocationChoice[] = [];
    for await (const location of client.subscriptions.listLocations(subscriptionId)) {
      // Logical regions (e.g. "global", "asia") cannot host a server.
      if (!location.name || location.metadata?.regionType === 'Logical') continue;
      locations.push({ name: location.name, displayName: location.displayName ?? location.name });
    }
    return locations.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  async getCapabilities(subscriptionId: string, location: string): Promise<FlexCapabilities> {
    const client = await this.clients.flexibleServers(await this.tenantOf(subscriptionId), subscriptionId);
    const capabilities: Capability[] = [];
    for await (const capability of client.capabilitiesByLocation.list(location)) capabilities.push(capability);
    return toFlexCapabilities(location, capabilities);
  }

  async checkNameAvailability(subscriptionId: string, serverName: string): Promise<{ available: boolean; message?: string }> {
    const client = await this.clients.flexibleServers(await this.tenantOf(subscriptionId), subscriptionId);
    const answer = await client.nameAvailability.checkGlobally({ name: serverName, type: FLEX_SERVER_TYPE });
    return answer.nameAvailable ? { available: true } : { available: false, ...(answer.message ? { message: answer.message } : {}) };
  }

  async getSignedInPrincipal(tenantId: string): Promise<EntraAdministrator> {
    const { token } = await this.credentials.getToken(tenantId, [ARM_SCOPE]);
    const principal = principalFromToken(token);
    if (!principal) throw new Error('The Azure sign-in does not name a user (the token has no object id). Choose the Microsoft Entra administrator by hand.');
    return principal;
  }

  searchEntraPrincipals(tenantId: string, text: string): Promise<EntraAdministrator[]> {
    return createEntraDirectory(this.clients.environment, async (tenant, scope) => (await this.credentials.getToken(tenant, [scope])).token).search(tenantId, text);
  }

  detectClientIp(): Promise<string | undefined> {
    return detectClientIp(this.clients.environment);
  }

  getPostgresPrices(location: string): Promise<RetailPrice[]> {
    return readPostgresPrices(this.clients.environment, location);
  }

  async listDeploymentOperations(ref: DeploymentRef): Promise<DeploymentOperationView[]> {
    const client = await this.clients.deployments(ref.tenantId, ref.subscriptionId);
    const views: DeploymentOperationView[] = [];
    for await (const operation of client.deploymentOperations.list(ref.resourceGroupName, ref.deploymentName)) {
      const properties = operation.properties;
      const target = properties?.targetResource;
      if (!target?.resourceType) continue;
      const error = properties?.statusMessage?.error && summarizeArmError(properties.statusMessage.error);
      views.push({
        resourceType: target.resourceType,
        resourceName: target.resourceName ?? '',
        ...(target.id ? { resourceId: target.id } : {}),
        provisioningState: properties?.provisioningState ?? 'NotSpecified',
        ...(properties?.timestamp ? { timestamp: new Date(properties.timestamp).toISOString() } : {}),
        ...(properties?.duration ? { duration: properties.duration } : {}),
        ...(properties?.provisioningOperation ? { provisioningOperation: properties.provisioningOperation } : {}),
        ...(properties?.statusCode ? { statusCode: properties.statusCode } : {}),
        ...(error ? { error: { code: error.code, message: error.message } } : {}),
      });
    }
    return views;
  }

  private async tenantOf(subscriptionId: string): Promise<string> {
    const key = subscriptionId.toLowerCase();
    if (!this.tenants.has(key)) await this.listSubscriptions();
    const tenantId = this.tenants.get(key);
    if (!tenantId) throw new Error(`Subscription ${subscriptionId} is not among the signed-in account's subscriptions.`);
    return tenantId;
  }
}
