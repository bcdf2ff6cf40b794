import type {
  DeploymentOperationView,
  FlexCapabilities,
  LocationChoice,
  ResourceGroupChoice,
  SubscriptionChoice,
} from '../../machines/flexDeployment/catalog';
import type { RetailPrice } from '../../machines/flexDeployment/retailPrices';
import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import type { DeploymentRef } from '../services/flexDeployment/deploymentRef';

/** What the create form and the progress view ask of Azure. Implemented on the real SDK clients. */
export interface AzureCatalog {
  listSubscriptions(): Promise<SubscriptionChoice[]>;
  listResourceGroups(subscriptionId: string): Promise<ResourceGroupChoice[]>;
  listLocations(subscriptionId: string): Promise<LocationChoice[]>;
  getCapabilities(subscriptionId: string, location: string): Promise<FlexCapabilities>;
  checkNameAvailability(subscriptionId: string, serverName: string): Promise<{ available: boolean; message?: string }>;
  /** The signed-in user, proposed as the Microsoft Entra administrator. */
  getSignedInPrincipal(tenantId: string): Promise<EntraAdministrator>;
  /** Users and security groups of the tenant whose name starts with `text`, to choose another administrator. */
  searchEntraPrincipals(tenantId: string, text: string): Promise<EntraAdministrator[]>;
  /** The public IP the server will see; undefined when it cannot be told. */
  detectClientIp(): Promise<string | undefined>;
  /** The location's pay-as-you-go PostgreSQL list prices, for the review's cost estimate. */
  getPostgresPrices(location: string): Promise<RetailPrice[]>;
  /** Per-resource progress; read only for a deployment whose progress panel is visible. */
  listDeploymentOperations(ref: DeploymentRef): Promise<DeploymentOperationView[]>;
}
