import * as l10n from '../../../machines/l10n';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import type { DeploymentObservation } from './deploymentReader';

/** The machine event for what one read of ARM said, or could not say. */
export function eventFor(observation: DeploymentObservation, at: number): DeploymentEvent {
  switch (observation.kind) {
    case 'running':
      // No duration is undefined here, which the machine's clock reads as unknown (deploymentClock.ts).
      return { type: 'poll.running', at, provisioningState: observation.provisioningState, armDurationMs: observation.durationMs };
    case 'succeeded':
      return { type: 'poll.succeeded', at, serverResourceId: observation.serverResourceId };
    case 'failed':
      return { type: 'poll.failed', at, error: observation.error };
    case 'canceled':
      return { type: 'poll.canceled', at };
    case 'notFound':
      return { type: 'poll.notFound', at };
    case 'unavailable':
      return { type: 'poll.unavailable', at, reason: observation.reason };
    case 'signedOut':
      return { type: 'poll.unavailable', at, reason: l10n.t('signed out of Azure') };
  }
}
