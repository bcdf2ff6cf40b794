import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTransientError } from '../../../machines/flexDeployment/transientErrors';
import { BASE_BACKOFF_MS, JITTER_FRACTION, MAX_ATTEMPTS, canResubmit, retryDelayMs } from '../../../machines/flexDeployment/transientRetry';
import { modelInput } from '../../support/deploymentModel';

const attempts = fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 });

describe('the wait before a deployment is sent again', () => {
  it('doubles with each failed attempt, lengthened by at most the jitter fraction', () => {
    fc.assert(
      fc.property(fc.uuid(), attempts, (stagingId, n) => {
        const base = BASE_BACKOFF_MS * 2 ** (n - 1);
        const delay = retryDelayMs(stagingId, n);
        expect(delay).toBeGreaterThanOrEqual(base);
        expect(delay).toBeLessThanOrEqual(base * (1 + JITTER_FRACTION));
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });

  it('is the same for the same deployment and attempt: after a restart, in another window, in a test', () => {
    fc.assert(
      fc.property(fc.string(), attempts, (stagingId, n) => {
        expect(retryDelayMs(stagingId, n)).toBe(retryDelayMs(`${stagingId}`, n));
      }),
    );
  });

  it('differs between deployments, spread over the jitter, so that deployments failed together do not retry together', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 20, maxLength: 20 }), attempts, (stagingIds, n) => {
        const jitters = stagingIds.map((id) => retryDelayMs(id, n) / (BASE_BACKOFF_MS * 2 ** (n - 1)) - 1);
        expect(new Set(jitters).size).toBeGreaterThanOrEqual(18);
        // Twenty draws of an even spread over [0, JITTER_FRACTION) cover most of it.
        expect(Math.max(...jitters) - Math.min(...jitters)).toBeGreaterThan(JITTER_FRACTION / 2);
      }),
    );
  });
});

describe('what can be sent again', () => {
  it('a request kept with its password staged, or one that needs none; not a hybrid one, nor a record without its request', () => {
    const staged = modelInput();
    expect(canResubmit(staged)).toBe(true);
    expect(canResubmit({ ...staged, passwordSecretId: undefined })).toBe(false);
    expect(canResubmit({ ...staged, request: undefined })).toBe(false);
    expect(canResubmit({ request: { ...staged.request!, authenticationMode: 'EntraOnly' }, passwordSecretId: undefined })).toBe(true);
  });
});

describe('temporary errors', () => {
  it('are the codes a source says a retry cures; a region out of capacity is not one', () => {
    for (const code of ['InternalServerError', 'AnotherOperationInProgress', 'SubscriptionRequestsThrottled', 'TooManyRequests', 'GatewayTimeout', 'OperationTimedOut', 'RetryableError', 'ServerIsBusy', 'ServerBusy']) {
      expect(isTransientError({ code }), code).toBe(true);
    }
    for (const code of ['ServiceUnavailable', 'QuotaExceeded', 'Conflict', 'DeploymentFailed', 'constructor']) expect(isTransientError({ code }), code).toBe(false);
  });
});
