import { deploymentMachine } from '../../machines/flexDeployment/deploymentMachine';
import type { DeploymentView } from '../../machines/webview/deploymentView';

/**
 * The webview's read-only mirror of the host's deployment actor: the same machine, resolved from
 * the posted value and context, never started — so nothing it would invoke runs here.
 */
export function mirrorDeployment(view: DeploymentView) {
  return deploymentMachine.resolveState({ value: view.value, context: view.context });
}
