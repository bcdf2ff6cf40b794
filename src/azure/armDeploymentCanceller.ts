import type { CancelAnswer, DeploymentCanceller } from '../services/flexDeployment/deploymentCanceller';
import type { DeploymentRef } from '../services/flexDeployment/deploymentRef';
import type { ArmClients } from './armClients';
import { classifyArmError } from './armErrors';

/**
 * ARM's deployment cancel (POST …/deployments/{name}/cancel): 204 when it takes it, 409
 * `DeploymentCannotBeCancelled` when the deployment is not running. The deployment then ends as
 * Canceled, which the tracker learns from its next read; resources already created stay.
 */
export class ArmDeploymentCanceller implements DeploymentCanceller {
  constructor(private readonly clients: ArmClients) {}

  async cancel(ref: DeploymentRef): Promise<CancelAnswer> {
    try {
      await (await this.clients.deployments(ref.tenantId, ref.subscriptionId)).deployments.cancel(ref.resourceGroupName, ref.deploymentName);
      return { kind: 'accepted' };
    } catch (error) {
      const failure = classifyArmError(error);
      switch (failure.kind) {
        case 'failed':
          return { kind: 'refused', error: failure.error };
        case 'notFound':
          return { kind: 'refused', error: { code: 'DeploymentNotFound', message: `Azure has no deployment '${ref.deploymentName}' to cancel.` } };
        case 'signedOut':
          return { kind: 'unanswered', reason: 'signed out of Azure' };
        case 'unavailable':
          return { kind: 'unanswered', reason: failure.reason };
      }
    }
  }
}
