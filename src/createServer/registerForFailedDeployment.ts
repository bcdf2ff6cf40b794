import { errorMessage } from '../../machines/errorMessage';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import { failureGuidance } from '../../machines/flexDeployment/failureGuidance';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import type { CreateServerLog, CreateServerWindow } from './ports';
import type { ServerActions } from './serverNextSteps';

export interface RegisterForFailedDeploymentDeps {
  serverActions: Pick<ServerActions, 'registerProvider'>;
  window: Pick<CreateServerWindow, 'showWarning'>;
  log: CreateServerLog;
}

/**
 * Register Provider in the progress panel: the failure notification's action (register, then offer
 * Retry), taken only for the panel's own deployment while the tracker has it failed for a
 * subscription not registered for the provider — the webview's button may be older than that.
 */
export async function registerForFailedDeployment(
  /** The tracker's current view of the deployment, undefined unless it is the panel's own. */
  view: DeploymentView | undefined,
  stagingId: string,
  deps: RegisterForFailedDeploymentDeps,
): Promise<void> {
  if (!view || !stateHasTag(view.value, 'failure') || failureGuidance(view.context)?.action !== 'registerProvider') {
    deps.log.warn(`Rejected Register Provider for ${stagingId}: not this panel's deployment, or not one refused for an unregistered subscription.`);
    return;
  }
  try {
    await deps.serverActions.registerProvider(view.context);
  } catch (err) {
    deps.log.error(`Register Provider for ${stagingId} failed: ${errorMessage(err)}`);
    deps.window.showWarning(`Could not finish that for '${view.context.serverName}': ${errorMessage(err)}`);
  }
}
