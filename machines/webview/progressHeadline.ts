import * as l10n from '../l10n';
import { stateHasTag } from '../flexDeployment/deploymentStates';
import type { DeploymentView } from './deploymentView';

/**
 * The one line that says where a deployment stands: the progress panel's heading and its tab's
 * title, so a tab left in the background says the same as the panel it hides. From the machine's
 * tags, never its state names, so a new state with a known meaning reads right here unchanged.
 */
export function progressHeadline(view: DeploymentView, tracked = true): string {
  const name = view.context.serverName;
  if (!tracked) return l10n.t('{0}: no longer tracked', name);
  const retried = view.context.retryRequestedAt !== undefined;
  if (stateHasTag(view.value, 'serverReady')) return l10n.t('{0} is ready', name);
  if (stateHasTag(view.value, 'failure')) return retried ? l10n.t('Provisioning {0} failed (retried)', name) : l10n.t('Provisioning {0} failed', name);
  if (stateHasTag(view.value, 'canceled')) return retried ? l10n.t('Provisioning {0} canceled (retried)', name) : l10n.t('Provisioning {0} canceled', name);
  if (stateHasTag(view.value, 'cancelling')) return l10n.t('Cancelling {0}', name);
  return l10n.t('Provisioning {0}', name);
}
