import { deploymentMachine } from '../../machines/flexDeployment/deploymentMachine';
import type { DeploymentPhase } from '../../machines/flexDeployment/provisioningStages';
import type { DeploymentView } from '../../machines/webview/deploymentView';

/**
 * The webview's read-only mirror of the host's deployment actor: the same machine, resolved from
 * the posted value and context, never started — so nothing it would invoke runs here.
 */
export function mirrorDeployment(view: DeploymentView) {
  return deploymentMachine.resolveState({ value: view.value, context: view.context });
}

export type DeploymentMirror = ReturnType<typeof mirrorDeployment>;

export function deploymentPhase(mirror: DeploymentMirror): DeploymentPhase {
  if (mirror.matches('pending')) return 'pending';
  if (mirror.matches('deploying')) return 'deploying';
  if (mirror.matches('cancelling')) return 'cancelling';
  if (mirror.matches('succeeded')) return 'succeeded';
  if (mirror.matches('failed')) return 'failed';
  if (mirror.matches('canceled')) return 'canceled';
  // Dismissed: the record remembers how it ended.
  const status = mirror.context.status;
  return status === 'succeeded' || status === 'canceled' ? status : 'failed';
}
