import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import type { DeploymentObservation } from './ports';

/** The machine event for what ARM said; none when ARM could not tell (try again next cycle). */
export function eventFor(observation: DeploymentObservation, at: number): DeploymentEvent | undefined {
  switch (observation.kind) {
    case 'running':
      return { type: 'poll.running', at, provisioningState: observation.provisioningState };
    case 'succeeded':
      return { type: 'poll.succeeded', at, serverResourceId: observation.serverResourceId };
    case 'failed':
      return { type: 'poll.failed', at, error: observation.error };
    case 'notFound':
      return { type: 'poll.notFound', at };
    case 'unavailable':
    case 'signedOut':
      return undefined;
  }
}
