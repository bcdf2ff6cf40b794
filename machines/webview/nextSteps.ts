import { stateHasTag } from '../flexDeployment/deploymentStates';
import type { DeploymentView } from './deploymentView';

/**
 * What the progress panel offers once the server is ready. The webview shows exactly these and the
 * host acts on exactly these, so a button can never be live for a step the host would refuse.
 */
export const NEXT_STEPS = ['connect', 'openDashboard', 'copyConnectionString', 'openInPortal'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export function offeredNextSteps(view: DeploymentView): NextStep[] {
  if (!stateHasTag(view.value, 'serverReady')) return [];
  // Connect and the dashboard go through the saved profile: until it is saved (or after the user
  // removed it) there is nothing to connect with, while the server itself can be reached already.
  const profileUsable = stateHasTag(view.value, 'profileSaved') && view.context.profileRemovedAt === undefined;
  return profileUsable ? [...NEXT_STEPS] : ['copyConnectionString', 'openInPortal'];
}
