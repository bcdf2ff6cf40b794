import { describe, expect, it } from 'vitest';
import { neverReachedError } from '../../../machines/flexDeployment/deploymentEvents';
import type { TransientRetry } from '../../../machines/flexDeployment/stagedFlexProfile';
import { transientRetryNotice } from '../../../machines/webview/transientRetryNotice';

/** The words the panel, the Deployments row and View Details share while a temporary error is retried. */

const NOW = 1_700_000_000_000;
const retry = (overrides: Partial<TransientRetry> = {}): TransientRetry => ({
  failedAttempts: 1,
  error: { code: 'InternalServerError', message: 'An unexpected error occured.' },
  retryAt: NOW + 44_100,
  ...overrides,
});

describe('transientRetryNotice', () => {
  it('counts down to the next attempt in whole seconds, rounded up', () => {
    expect(transientRetryNotice({ transientRetry: retry() }, NOW)).toBe(
      'Azure reported a temporary error (InternalServerError); trying again in 45 s, attempt 2 of 3.',
    );
    expect(transientRetryNotice({ transientRetry: retry({ retryAt: NOW + 1 }) }, NOW)).toContain('trying again in 1 s,');
  });

  it('says "now" once the wait is over and the attempt is not sent yet, never "in 0 s" or a negative count', () => {
    for (const retryAt of [NOW, NOW - 1, NOW - 60_000]) {
      expect(transientRetryNotice({ transientRetry: retry({ retryAt }) }, NOW)).toBe(
        'Azure reported a temporary error (InternalServerError); trying again now, attempt 2 of 3.',
      );
    }
  });

  it('names the attempt under way once it was sent', () => {
    expect(transientRetryNotice({ transientRetry: retry({ failedAttempts: 2, resubmittedAt: NOW - 5_000 }) }, NOW)).toBe(
      'Azure reported a temporary error (InternalServerError) on the last attempt; this is attempt 3 of 3.',
    );
  });

  it('names no error of Azure’s for a deployment Azure never received (its PUT unanswered, and not found)', () => {
    const unreached = retry({ error: neverReachedError('HTTP 503 ServiceUnavailable') });
    expect(transientRetryNotice({ transientRetry: unreached }, NOW)).toBe('Azure never received the deployment; trying again in 45 s, attempt 2 of 3.');
    expect(transientRetryNotice({ transientRetry: { ...unreached, resubmittedAt: NOW } }, NOW)).toBe('Azure never received the last attempt; this is attempt 2 of 3.');
  });

  it('says nothing once the deployment ended, nor when it never met a temporary error', () => {
    expect(transientRetryNotice({ transientRetry: retry(), terminalAt: NOW }, NOW)).toBeUndefined();
    expect(transientRetryNotice({}, NOW)).toBeUndefined();
  });
});
