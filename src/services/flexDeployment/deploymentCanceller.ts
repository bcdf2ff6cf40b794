import type { ArmErrorSummary } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentRef } from './deploymentRef';

/** What ARM answered a cancel request. */
export type CancelAnswer =
  | { kind: 'accepted' }
  /** ARM's refusal, verbatim: 409 DeploymentCannotBeCancelled when it is not running any more. */
  | { kind: 'refused'; error: ArmErrorSummary }
  /** No answer (signed out, unreachable, throttled): it may or may not have reached ARM. */
  | { kind: 'unanswered'; reason: string };

/** Asks ARM to cancel a running deployment. Sending it twice is harmless: ARM refuses the second. */
export interface DeploymentCanceller {
  cancel(ref: DeploymentRef): Promise<CancelAnswer>;
}
