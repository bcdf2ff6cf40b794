import * as l10n from '../../machines/l10n';
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
  const server = deployment.serverName;
  try {
    await deps.notifier.withProgress(l10n.t("Registering {0} for the subscription of '{1}'…", POSTGRES_PROVIDER, server), () =>
      deps.registrar.register({ tenantId: deployment.tenantId, subscriptionId: deployment.subscriptionId }),
    );
  } catch (error) {
    await deps.notifier.error(l10n.t("{0} is not registered for the subscription of '{1}': {2}", POSTGRES_PROVIDER, server, errorMessage(error)));
    return;
  }
  const choice = await deps.notifier.info(l10n.t("{0} is registered for the subscription of '{1}'. Retry the deployment?", POSTGRES_PROVIDER, server), RETRY);
  if (choice === RETRY) await deps.retry(deployment.stagingId);
}
