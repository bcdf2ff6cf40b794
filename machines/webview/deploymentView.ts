import { stateHasTag, type DeploymentStateValue } from '../flexDeployment/deploymentStates';
import type { DeploymentContext } from '../flexDeployment/stagedFlexProfile';

/**
 * One deployment as the host actor sees it: the state value and context the webview rebuilds its
 * read-only mirror from (`deploymentMachine.resolveState`). Plain JSON; never holds a password.
 */
export interface DeploymentView {
  value: DeploymentStateValue;
  context: DeploymentContext;
}

/**
 * Whether Retry is offered: a failed or canceled deployment not retried yet. Retried once is
 * enough: the form the retry reopened is where the new attempt goes.
 */
export function offersRetry(view: DeploymentView): boolean {
  return stateHasTag(view.value, 'retryable') && view.context.retryRequestedAt === undefined;
}
