import type { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { ArmAzureCatalog } from './armAzureCatalog';
import { ArmClients } from './armClients';
import { ArmDeploymentCanceller } from './armDeploymentCanceller';
import { ArmDeploymentReader } from './armDeploymentReader';
import { armLeftoverResources, type LeftoverResources } from './armLeftoverResources';
import type { ArmEnvironment } from './armEnvironment';
import { FlexProvisioningCredentialProvider, type AzureSessionSource } from './azureCredentialProvider';
import { AzureSignInPrompt, type AccountSignIn, type AskUser, type Disposable } from './azureSignIn';
import { FlexServerProvisioner } from './flexProvisioning/flexServerProvisioner';
import { armProviderRegistrar, DEFAULT_WAIT, type ProviderRegistrar, type RegistrationWait } from './providerRegistration';
import type { SubscriptionSource } from './subscriptionSource';

/** Everything the rest of the extension gets from the Azure side. */
export interface AzureServices extends Disposable {
  environment: ArmEnvironment;
  credentials: FlexProvisioningCredentialProvider;
  signIn: AzureSignInPrompt;
  provisioner: FlexServerProvisioner;
  reader: ArmDeploymentReader;
  canceller: ArmDeploymentCanceller;
  catalog: ArmAzureCatalog;
  /** What a failed or canceled deployment left behind, and deleting it. */
  leftovers: LeftoverResources;
  /** Registers a subscription for Microsoft.DBforPostgreSQL (the create form, a failed deployment). */
  providerRegistrar: ProviderRegistrar;
  /** For the connections feature's firewall rules: same endpoint, CA and tokens. */
  flexibleServers(tenantId: string, subscriptionId: string): Promise<PostgreSQLManagementFlexibleServerClient>;
}

export interface AzureAccount extends AzureSessionSource, AccountSignIn {}

/** The wiring without VS Code, shared by the extension (index.ts), the tests and the benchmark. */
export function composeAzureServices(
  environment: ArmEnvironment,
  account: AzureAccount,
  subscriptions: SubscriptionSource | ((clients: ArmClients) => SubscriptionSource),
  ask: AskUser,
  registrationWait: RegistrationWait = DEFAULT_WAIT,
): AzureServices {
  const credentials = new FlexProvisioningCredentialProvider(account);
  // Interactive calls (form, start) let the SDK retry; the tracker's reader does not (see ArmDeploymentReader).
  const interactive = new ArmClients(environment, credentials, { sdkRetries: true });
  const polling = new ArmClients(environment, credentials, { sdkRetries: false });
  const catalog = new ArmAzureCatalog(interactive, credentials, typeof subscriptions === 'function' ? subscriptions(interactive) : subscriptions);
  const signIn = new AzureSignInPrompt(account, credentials, ask);
  return {
    environment,
    credentials,
    signIn,
    provisioner: new FlexServerProvisioner(interactive, catalog),
    reader: new ArmDeploymentReader(polling, credentials),
    // The user's own request: the SDK retries it as any interactive call.
    canceller: new ArmDeploymentCanceller(interactive),
    catalog,
    leftovers: armLeftoverResources(interactive, catalog),
    providerRegistrar: armProviderRegistrar(interactive, registrationWait),
    flexibleServers: (tenantId, subscriptionId) => interactive.flexibleServers(tenantId, subscriptionId),
    dispose: () => signIn.dispose(),
  };
}
