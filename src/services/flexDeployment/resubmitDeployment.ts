import * as l10n from '../../../machines/l10n';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import type { ArmErrorSummary, DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { SecretStore } from './secretStore';
import { submitDeployment, type SubmitPorts } from './submitDeployment';

/** What sending it again needs is gone: the password was removed from SecretStorage behind the extension's back. */
export const NOT_RESENDABLE_ERROR: ArmErrorSummary = {
  code: 'StagedPasswordMissing',
  message: l10n.t('The deployment could not be sent to Azure again after a temporary error: its administrator password is no longer stored. Retry to type it again.'),
};

/**
 * Sends a deployment that ARM failed with a temporary error again, as Create sent it: the same
 * deployment name and template, so ARM redeploys it and updates in place what the failed attempt
 * created, with the password still staged in SecretStorage (discarded only once the deployment
 * ends). The request is the one kept for Retry and is not judged by the form's rules again: a
 * rule made stricter since must not turn it away. Sending it twice is harmless: ARM answers a PUT
 * of a running deployment `DeploymentActive`, which counts as accepted.
 */
export async function resubmitDeployment(
  ports: SubmitPorts & { secrets: Pick<SecretStore, 'get'> },
  deployment: Readonly<DeploymentContext>,
): Promise<DeploymentEvent> {
  const request = await requestToResend(deployment, ports.secrets);
  if (!request) return { type: 'arm.rejected', at: ports.clock.now(), error: NOT_RESENDABLE_ERROR };
  return submitDeployment(ports, request, deployment.deploymentName);
}

/** The machine asks only for a deployment whose request was kept and that needs no password or has it staged (canResubmit). */
async function requestToResend(deployment: Readonly<DeploymentContext>, secrets: Pick<SecretStore, 'get'>): Promise<CreateServerRequest | undefined> {
  const kept = deployment.request;
  if (!kept || kept.authenticationMode === 'EntraOnly') return kept;
  const password = deployment.passwordSecretId ? await secrets.get(deployment.passwordSecretId) : undefined;
  return password ? { ...kept, adminPassword: password, confirmPassword: password } : undefined;
}
