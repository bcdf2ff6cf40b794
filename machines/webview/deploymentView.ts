import type { DeploymentStateValue } from '../flexDeployment/deploymentStates';
import type { DeploymentContext } from '../flexDeployment/stagedFlexProfile';

/**
 * One deployment as the host actor sees it: the state value and context the webview rebuilds its
 * read-only mirror from (`deploymentMachine.resolveState`). Plain JSON; never holds a password.
 */
export interface DeploymentView {
  value: DeploymentStateValue;
  context: DeploymentContext;
}
