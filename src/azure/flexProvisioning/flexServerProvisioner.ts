import * as l10n from '../../../machines/l10n';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';
import { ArmStartError, PreflightError, StartOutcomeUnknownError, type ServerProvisioner, type StartedDeployment } from '../../services/flexDeployment/serverProvisioner';
import type { AzureCatalog } from '../azureCatalog';
import type { ArmClients } from '../armClients';
import { armErrorFromRestError, classifyArmError, errorBodyOfResponse, summarizeArmError, type RawArmResponse } from '../armErrors';
import { buildFlexDeployment } from './flexTemplate';
import { checkAgainstCapabilities } from './preflight';
import { validateDeployment } from './templateValidation';

/**
 * FlexServerProvisioner (spec "Technical Design"): preflight (the name, the location's offer, then
 * ARM's own validation), then one ARM deployment per server.
 * It returns as soon as ARM has accepted the PUT and holds no poller: the tracker is the only
 * one reading the deployment afterwards.
 */
export class FlexServerProvisioner implements ServerProvisioner {
  constructor(
    private readonly clients: ArmClients,
    private readonly catalog: Pick<AzureCatalog, 'checkNameAvailability' | 'getCapabilities'>,
  ) {}

  async preflight(request: CreateServerRequest): Promise<void> {
    const [availability, capabilities] = await Promise.all([
      this.catalog.checkNameAvailability(request.subscriptionId, request.serverName),
      this.catalog.getCapabilities(request.subscriptionId, request.location),
    ]);
    if (!availability.available) {
      const message = availability.message
        ? l10n.t("The server name '{0}' is not available: {1}", request.serverName, availability.message)
        : l10n.t("The server name '{0}' is not available.", request.serverName);
      throw new PreflightError('serverName', message);
    }
    const mismatch = checkAgainstCapabilities(request, capabilities);
    if (mismatch) throw mismatch;
    await validateDeployment(this.clients, request, Date.now());
  }

  async startDeployment(request: CreateServerRequest, deploymentName: string): Promise<StartedDeployment> {
    const { tenantId, subscriptionId, resourceGroup } = request;
    if (resourceGroup.isNew) {
      await startStep(async () =>
        (await this.clients.resources(tenantId, subscriptionId)).resourceGroups.createOrUpdate(resourceGroup.name, { location: resourceGroup.location ?? request.location }),
      );
    }
    let initialResponse: RawArmResponse | undefined;
    const poller = (await this.clients.deployments(tenantId, subscriptionId)).deployments.createOrUpdate(
      resourceGroup.name,
      deploymentName,
      { properties: buildFlexDeployment(request) },
      { onResponse: (response) => (initialResponse = response) },
    );
    // Only the PUT: the poller is never awaited itself (it is a thenable that polls to the end).
    try {
      await poller.submitted();
    } catch (error) {
      const failure = classifyArmError(error);
      // The SDK re-sends a PUT whose answer was lost; ARM refusing the second one because the
      // first is running means the first was accepted.
      if (failure.kind === 'failed' && failure.error.code === DEPLOYMENT_ACTIVE) return { deploymentName };
      // No answer (5xx after the SDK's retries, reset, timeout): ARM may have it. Not a refusal.
      if (failure.kind === 'unavailable') throw new StartOutcomeUnknownError(failure.reason);
      throw startRefusal(error, initialResponse);
    }
    return { deploymentName };
  }
}

/** ARM's code for a PUT on a deployment that is still running. */
const DEPLOYMENT_ACTIVE = 'DeploymentActive';

/**
 * Runs a step before the deployment's PUT (creating its resource group): whatever goes wrong, the
 * deployment was not started, so it is a refusal with ARM's error verbatim.
 */
async function startStep<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw startRefusal(error, undefined);
  }
}

function startRefusal(error: unknown, response: RawArmResponse | undefined): ArmStartError {
  return new ArmStartError(startErrorOf(error, response));
}

function startErrorOf(error: unknown, response: RawArmResponse | undefined): ArmErrorSummary {
  // The SDK's poller keeps only the outer code and message of a rejected PUT; the body has the chain.
  const body = errorBodyOfResponse(response);
  if (body && (response?.status ?? 0) >= 400) return summarizeArmError(body);
  const failure = classifyArmError(error);
  switch (failure.kind) {
    case 'failed':
      return failure.error;
    case 'unavailable':
      return { code: 'ServiceUnavailable', message: l10n.t('Azure Resource Manager did not answer ({0}). Try again.', failure.reason) };
    case 'signedOut':
      // No token, or ARM refused it: the request was not taken, so nothing started.
      return { code: 'NotSignedIn', message: l10n.t('Azure did not start the deployment: there is no valid Azure session. Sign in to Azure, then Retry.') };
    case 'notFound':
      return armErrorFromRestError(error as Error);
  }
}
