import { couldNotFinish } from '../notifications/deploymentNotifications';
import type { NextStep } from '../../machines/webview/nextSteps';
import { offeredNextSteps } from '../../machines/webview/nextSteps';
import type { DeploymentNotificationActions } from '../notifications/deploymentNotifications';
import { deploymentConnectionString } from '../connections/connectionString';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import type { CreateServerLog, CreateServerWindow, PanelPort } from './ports';
import { errorMessage } from '../../machines/errorMessage';

/** The deployment actions the panel hands over to: the same ones the "ready" and failure notifications use. */
export type ServerActions = Pick<DeploymentNotificationActions, 'connect' | 'openDashboard' | 'openServerInPortal' | 'registerProvider' | 'deleteLeftovers'>;

export interface ServerNextStepsDeps {
  serverActions: ServerActions;
  window: Pick<CreateServerWindow, 'copyToClipboard' | 'showWarning'>;
  log: CreateServerLog;
}

/**
 * The ready panel's next steps on the host. A step is taken only for the panel's own deployment
 * and only while the tracker's current view offers it (the server ready, the profile saved for
 * Connect and the dashboard): the webview's buttons may be older than the deployment they show.
 */
export async function takeNextStep(
  /** `view`: the tracker's current view of the deployment, undefined unless it is the panel's own. */
  request: { view: DeploymentView | undefined; stagingId: string; step: NextStep },
  deps: ServerNextStepsDeps,
  panel: Pick<PanelPort, 'postMessage'>,
): Promise<void> {
  const { view, stagingId, step } = request;
  if (!view || !offeredNextSteps(view).includes(step)) {
    deps.log.warn(`Rejected '${step}' for ${stagingId}: not this panel's deployment, or its server is not ready for it.`);
    return;
  }
  const deployment = view.context;
  try {
    if (step === 'connect') await deps.serverActions.connect(deployment);
    else if (step === 'openDashboard') await deps.serverActions.openDashboard(deployment);
    else if (step === 'openInPortal') await deps.serverActions.openServerInPortal(deployment);
    else {
      const connectionString = deploymentConnectionString(deployment);
      await deps.window.copyToClipboard(connectionString);
      await panel.postMessage({ type: 'progress.connectionStringCopied', stagingId, connectionString });
    }
  } catch (err) {
    deps.log.error(`'${step}' for ${stagingId} failed: ${errorMessage(err)}`);
    deps.window.showWarning(couldNotFinish(deployment.serverName, err));
  }
}
