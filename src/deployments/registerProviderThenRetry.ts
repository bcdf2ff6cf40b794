import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { errorMessage } from '../../machines/errorMessage';
import { POSTGRES_PROVIDER, type ProviderRegistrar } from '../azure/providerRegistration';
import type { Notifier } from '../notifications/notifier';
import { RETRY } from '../notifications/deploymentNotifications';

export interface RegisterThenRetryDeps {
  registrar: ProviderRegistrar;
  notifier: Notifier;
  retry(stagingId: string): Promise<void>;
}

/**
 * "Register Provider" on a deployment that failed because its subscription is not registered for
 * Microsoft.DBforPostgreSQL: registers it (a progress notification), then offers Retry. The failed
 * record is not touched here: only the user's Retry makes a new attempt, through the tracker.
 */
export async function registerProviderThenOfferRetry(deployment: Readonly<DeploymentContext>, deps: RegisterThenRetryDeps): Promise<void> {
  const subscription = `the subscription of '${deployment.serverName}'`;
  try {
    await deps.notifier.withProgress(`Registering ${POSTGRES_PROVIDER} for ${subscription}…`, () =>
      deps.registrar.register({ tenantId: deployment.tenantId, subscriptionId: deployment.subscriptionId }),
    );
  } catch (error) {
    await deps.notifier.error(`${POSTGRES_PROVIDER} is not registered for ${subscription}: ${errorMessage(error)}`);
    return;
  }
  const choice = await deps.notifier.info(`${POSTGRES_PROVIDER} is registered for ${subscription}. Retry the deployment?`, RETRY);
  if (choice === RETRY) await deps.retry(deployment.stagingId);
}
