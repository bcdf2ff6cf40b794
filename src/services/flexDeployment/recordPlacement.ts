import { isDeploymentState, stateHasTag } from '../../../machines/flexDeployment/deploymentStates';
import { FAILURE_NOTIFICATION_WINDOW_MS } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentRecord } from './deploymentRecord';

/*
 * Which of the journal's two files a record belongs in: the active journal, what activation acts
 * on, or the settled history.
 */

/** Not finished, or a failure still within the window its notification is repeated in: activation acts on it. */
export function belongsInActive(record: Pick<DeploymentRecord, 'state' | 'terminalAt' | 'createdAt'>, now: number): boolean {
  if (stateHasTag(record.state, 'unfinished')) return true;
  return stateHasTag(record.state, 'failure') && now - (record.terminalAt ?? record.createdAt) < FAILURE_NOTIFICATION_WINDOW_MS;
}

/** Read before validation: an item naming no state of the machine is not settled, whatever else it says. */
export function isSettledItem(item: unknown): boolean {
  const state = (item as { state?: unknown } | null)?.state;
  return isDeploymentState(state) && !stateHasTag(state, 'unfinished');
}
