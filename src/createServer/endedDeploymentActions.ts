import { couldNotFinish } from '../notifications/deploymentNotifications';
import { errorMessage } from '../../machines/errorMessage';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import { failureGuidance } from '../../machines/flexDeployment/failureGuidance';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { offersLeftoverDeletion } from '../deployments/deleteLeftovers';
import type { CreateServerLog, CreateServerWindow } from './ports';
import type { ServerActions } from './serverNextSteps';

/** What the progress panel of a deployment that ended without a server (failed, canceled) offers besides Retry. */
export type EndedDeploymentAction = keyof typeof ENDED_DEPLOYMENT_ACTIONS;

const ENDED_DEPLOYMENT_ACTIONS = {
  registerProvider: {
    label: 'Register Provider',
    offered: (view: DeploymentView) => stateHasTag(view.value, 'failure') && failureGuidance(view.context)?.action === 'registerProvider',
    notOffered: 'not one refused for an unregistered subscription',
  },
  deleteLeftovers: {
    label: 'Delete Leftover Resources',
    offered: offersLeftoverDeletion,
    notOffered: 'not a failed or canceled one that was not retried',
  },
} as const;

export interface EndedDeploymentActionDeps {
  serverActions: Pick<ServerActions, EndedDeploymentAction>;
  window: Pick<CreateServerWindow, 'showWarning'>;
  log: CreateServerLog;
}

/**
 * The failure notification's actions in the progress panel, each handed to the same deployment
 * action, and taken only for the panel's own deployment while the tracker's current view still
 * offers it: the webview's button may be older than that.
 */
export async function takeEndedDeploymentAction(
  /** The tracker's current view of the deployment, undefined unless it is the panel's own. */
  view: DeploymentView | undefined,
  stagingId: string,
  action: EndedDeploymentAction,
  deps: EndedDeploymentActionDeps,
): Promise<void> {
  const { label, offered, notOffered } = ENDED_DEPLOYMENT_ACTIONS[action];
  if (!view || !offered(view)) {
    deps.log.warn(`Rejected ${label} for ${stagingId}: not this panel's deployment, or ${notOffered}.`);
    return;
  }
  try {
    await deps.serverActions[action](view.context);
  } catch (err) {
    deps.log.error(`${label} for ${stagingId} failed: ${errorMessage(err)}`);
    deps.window.showWarning(couldNotFinish(view.context.serverName, err));
  }
}
