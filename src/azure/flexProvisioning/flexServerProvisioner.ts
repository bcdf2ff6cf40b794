import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';
import { ArmStartError, PreflightError, type ServerProvisioner, type StartedDeployment } from '../../services/flexDeployment/ports';
import type { AzureCatalog } from '../azureCatalog';
import type { ArmClients } from '../armClients';
import { armErrorFromRestError, classifyArmError, errorBodyOfResponse, summarizeArmError, type RawArmResponse } from '../armErrors';
import { isSignedOutError } from '../signedOutError';
import { buildFlexDeployment } from './flexTemplate';
import { checkAgainstCapabilities } from './preflight';

/**
 * FlexServerProvisioner (spec "Technical Design"): preflight, then one ARM deployment per server.
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
      const reason = availability.message ? `: ${availability.message}` : '.';
      throw new PreflightError('serverName', `The server name '${request.serverName}' is not available${reason}`);
    }
    const mismatch = checkAgainstCapabilities(request, capabilities);
    if (mismatch) throw mismatch;
  }

  async startDeployment(request: CreateServerRequest, deploymentName: string): Promise<StartedDeployment> {
    const { tenantId, subscriptionId, resourceGroup } = request;
    if (resourceGroup.isNew) {
      await startStep(() =>
        this.clients.resources(tenantId, subscriptionId).resourceGroups.createOrUpdate(resourceGroup.name, { location: resourceGroup.location ?? request.location }),
      );
    }
    let initialResponse: RawArmResponse | undefined;
    const poller = this.clients.deployments(tenantId, subscriptionId).deployments.createOrUpdate(
      resourceGroup.name,
      deploymentName,
      { properties: buildFlexDeployment(request) },
      { onResponse: (response) => (initialResponse = response) },
    );
    // Only the PUT: the poller is never awaited itself (it is a thenable that polls to the end).
    await startStep(() => poller.submitted(), () => initialResponse);
    return { deploymentName };
  }
}

/** Runs one ARM call of the start; ARM's refusal becomes an ArmStartError with its error verbatim. */
async function startStep<T>(call: () => Promise<T>, rawResponse?: () => RawArmResponse | undefined): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isSignedOutError(error)) throw error;
    throw new ArmStartError(startErrorOf(error, rawResponse?.()));
  }
}

function startErrorOf(error: unknown, response: RawArmResponse | undefined): ArmErrorSummary {
  // The SDK's poller keeps only the outer code and message of a rejected PUT; the body has the chain.
  const body = errorBodyOfResponse(response);
  if (body && (response?.status ?? 0) >= 400) return summarizeArmError(body);
  const failure = classifyArmError(error);
  if (failure.kind === 'failed') return failure.error;
  if (failure.kind === 'unavailable') return { code: 'ServiceUnavailable', message: `Azure Resource Manager did not answer (${failure.reason}). Try again.` };
  return armErrorFromRestError(error as Error);
}
