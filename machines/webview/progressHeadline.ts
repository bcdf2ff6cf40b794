import { stateHasTag } from '../flexDeployment/deploymentStates';
import type { DeploymentView } from './deploymentView';

/**
 * The one line that says where a deployment stands: the progress panel's heading and its tab's
 * title, so a tab left in the background says the same as the panel it hides. From the machine's
 * tags, never its state names, so a new state with a known meaning reads right here unchanged.
 */
export function progressHeadline(view: DeploymentView, tracked = true): string {
  const name = view.context.serverName;
  if (!tracked) return `${name}: no longer tracked`;
  const retried = view.context.retryRequestedAt !== undefined ? ' (retried)' : '';
  if (stateHasTag(view.value, 'serverReady')) return `${name} is ready`;
  if (stateHasTag(view.value, 'failure')) return `Provisioning ${name} failed${retried}`;
  if (stateHasTag(view.value, 'canceled')) return `Provisioning ${name} canceled${retried}`;
  if (stateHasTag(view.value, 'cancelling')) return `Cancelling ${name}`;
  return `Provisioning ${name}`;
}
