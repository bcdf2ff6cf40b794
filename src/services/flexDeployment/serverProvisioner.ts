import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';

/** A field-specific reason the request cannot be deployed, found before anything is staged. */
export class PreflightError extends Error {
  constructor(
    /** The form field the message belongs next to; undefined for the request as a whole (an Azure Policy denial). */
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'PreflightError';
  }
}

export interface StartedDeployment {
  deploymentName: string;
}

/** Builds the template and starts the ARM deployment; returns once ARM has accepted it. */
export interface ServerProvisioner {
  /** Throws PreflightError (name taken, version/SKU/storage not offered in the location). */
  preflight(request: CreateServerRequest): Promise<void>;
  /** Throws an ArmStartError when ARM rejects the deployment. */
  startDeployment(request: CreateServerRequest, deploymentName: string): Promise<StartedDeployment>;
}

/** The PUT was sent and no answer came back (5xx after retries, reset, timeout): ARM may have it. */
export class StartOutcomeUnknownError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'StartOutcomeUnknownError';
  }
}

/** ARM refused to start the deployment; the error is ARM's, verbatim. */
export class ArmStartError extends Error {
  constructor(readonly error: ArmErrorSummary) {
    super(error.message);
    this.name = 'ArmStartError';
  }
}
