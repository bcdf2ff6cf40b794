import * as l10n from '../../../machines/l10n';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { failureGuidance } from '../../../machines/flexDeployment/failureGuidance';
import { PreflightError } from '../../services/flexDeployment/serverProvisioner';
import type { ArmClients } from '../armClients';
import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';
import { errorBodyOf, errorBodyOfResponse, summarizeArmError, type RawArmResponse } from '../armErrors';
import { makeDeploymentName } from './deploymentName';
import { buildFlexDeployment } from './flexTemplate';

/**
 * ARM's own validation of the deployment Create would send (Deployments_Validate), before anything
 * is staged: a template, provider or Azure Policy refusal shows in the form instead of as a
 * deployment that fails a moment later. A group the request creates does not exist yet, and ARM
 * validates only in an existing one, so such a request goes straight to the PUT, whose own
 * preflight runs the same checks.
 */
export async function validateDeployment(clients: ArmClients, request: CreateServerRequest, now: number): Promise<void> {
  const { tenantId, subscriptionId, resourceGroup } = request;
  if (resourceGroup.isNew) return;
  let response: RawArmResponse | undefined;
  try {
    const client = await clients.deployments(tenantId, subscriptionId);
    const result = await client.deployments.validate(
      resourceGroup.name,
      makeDeploymentName(request.serverName, now),
      { properties: buildFlexDeployment(request) },
      { onResponse: (raw) => (response = raw) },
    );
    const refusal = errorBodyOf(result.error);
    if (refusal) throw refused(request, summarizeArmError(refusal));
  } catch (error) {
    if (error instanceof PreflightError) throw error;
    const body = errorBodyOfResponse(response);
    if (body && isVerdict(response?.status)) throw refused(request, summarizeArmError(body));
    // No verdict (throttled, unavailable, unreachable, signed out, the group gone): validating is a
    // courtesy, the PUT's preflight refuses the same things, and the start reports whatever kept
    // this call from answering.
  }
}

/** ARM judged the request itself: 400 (template, provider, policy) or another 4xx about it. */
function isVerdict(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500 && ![401, 404, 408, 429].includes(status);
}

function refused(request: CreateServerRequest, error: ArmErrorSummary): PreflightError {
  const advice = failureGuidance({ armError: error, location: request.location })?.advice;
  return new PreflightError(undefined, l10n.t("Azure's validation refused this server: {0}", advice ?? error.message));
}
