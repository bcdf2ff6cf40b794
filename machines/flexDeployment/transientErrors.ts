import type { ArmErrorSummary } from './stagedFlexProfile';

/**
 * ARM's codes for a deployment failure that goes away by itself: a deployment that fails with one
 * is sent again (transientRetry.ts). A code is here only where a source says a wait and a retry
 * are the remedy (docs/failure-guidance.md); one that only sounds temporary is not:
 * `ServiceUnavailable`, which PostgreSQL uses for a region out of capacity (a retry there fails
 * the same way; another region is the remedy).
 */
const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  // "Caused by a temporary problem. Retry the deployment." (Troubleshoot common Azure deployment errors)
  'InternalServerError',
  // "Wait for concurrent operation to complete." (Troubleshoot common Azure deployment errors)
  'AnotherOperationInProgress',
  // "…the amount of time you should wait before sending a new request" (Troubleshoot common Azure deployment errors)
  'SubscriptionRequestsThrottled',
  // A resource's own throttling inside a deployment, "…the limit has been reached…" (microsoft/azure-health-data-services-workshop#22)
  'TooManyRequests',
  // "The gateway did not receive a response from '…' within the specified time period." (Azure/azure-quickstart-templates#2238)
  'GatewayTimeout',
  // "The operation timed out and automatically rolled back. Please retry the operation." (MicrosoftDocs/azure-docs#17512)
  'OperationTimedOut',
  // "A retryable error occurred." (Azure/az-hop#840)
  'RetryableError',
  // PostgreSQL flexible server: "…busy processing another operation. Try again later." (Azure/azure-postgresql#134)
  'ServerIsBusy',
  // PostgreSQL flexible server: "…is busy with another operation. Please try again later." (Azure/bicep-registry-modules#4451)
  'ServerBusy',
]);

export function isTransientError(error: Pick<ArmErrorSummary, 'code'>): boolean {
  return TRANSIENT_ERROR_CODES.has(error.code);
}
