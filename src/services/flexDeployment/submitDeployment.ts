import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { errorMessage } from '../../../machines/errorMessage';
import { ArmStartError, type ServerProvisioner } from './serverProvisioner';
import type { Clock } from './trackerDependencies';

export interface SubmitPorts {
  provisioner: Pick<ServerProvisioner, 'startDeployment'>;
  clock: Clock;
  log: (message: string) => void;
}

/**
 * One PUT of a deployment, and what ARM's answer to it means to the deployment's machine: accepted,
 * refused with ARM's error, or no answer, which is no failure (ARM may have it; the reads that
 * follow decide). Create's first PUT and an attempt sent again after a temporary failure alike.
 */
export async function submitDeployment(ports: SubmitPorts, request: CreateServerRequest, deploymentName: string): Promise<DeploymentEvent> {
  try {
    await ports.provisioner.startDeployment(request, deploymentName);
    return { type: 'arm.accepted', at: ports.clock.now() };
  } catch (error) {
    if (error instanceof ArmStartError) return { type: 'arm.rejected', at: ports.clock.now(), error: error.error };
    const reason = errorMessage(error);
    ports.log(`Starting deployment ${deploymentName} gave no answer (${reason}); reading ARM will tell.`);
    return { type: 'arm.outcomeUnknown', at: ports.clock.now(), reason };
  }
}
