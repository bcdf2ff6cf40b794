import { createHttpHeaders, RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { classifyArmError, retryAfterFromHeaders, summarizeArmError } from '../../../src/azure/armErrors';
import { SignedOutError } from '../../../src/azure/signedOutError';

function restError(status: number | undefined, headers: Record<string, string> = {}, body?: unknown, code?: string): RestError {
  return new RestError(`status ${status}`, {
    ...(status !== undefined ? { statusCode: status } : {}),
    ...(code ? { code } : {}),
    ...(status !== undefined
      ? { response: { status, headers: createHttpHeaders(headers), request: undefined as never, ...(body ? { bodyAsText: JSON.stringify(body) } : {}) } }
      : {}),
  });
}

const deploymentFailed = {
  code: 'DeploymentFailed',
  message: 'At least one resource deployment operation failed. Please list deployment operations for details.',
  details: [
    {
      code: 'ResourceDeploymentFailure',
      target: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg',
      message: "The resource write operation failed to complete successfully, because it reached terminal provisioning state 'Failed'.",
      details: [{ code: 'RegionIsOfferRestricted', message: 'Subscriptions are restricted from provisioning in this region.' }],
    },
  ],
};

describe('summarizeArmError', () => {
  it('puts the innermost message first and keeps the chain outermost first', () => {
    const summary = summarizeArmError(deploymentFailed);
    expect(summary.code).toBe('RegionIsOfferRestricted');
    expect(summary.message).toBe('Subscriptions are restricted from provisioning in this region.');
    expect(summary.chain?.map((e) => e.code)).toEqual(['DeploymentFailed', 'ResourceDeploymentFailure', 'RegionIsOfferRestricted']);
    expect(summary.chain?.[1].target).toContain('flexibleServers/pg');
    expect(summary.chain?.[0].message).toBe(deploymentFailed.message);
  });

  it('a single error has no chain', () => {
    expect(summarizeArmError({ code: 'InvalidTemplate', message: 'bad' })).toEqual({ code: 'InvalidTemplate', message: 'bad' });
  });
});

describe('classifyArmError', () => {
  const now = Date.UTC(2026, 0, 1);

  it('429 with Retry-After seconds → unavailable, honouring it', () => {
    expect(classifyArmError(restError(429, { 'retry-after': '17' }), now)).toEqual({ kind: 'unavailable', reason: 'HTTP 429', retryAfterMs: 17_000 });
  });

  it('503 and 500 → unavailable; a 500 without Retry-After has none', () => {
    expect(classifyArmError(restError(503, { 'retry-after-ms': '250' }), now)).toMatchObject({ kind: 'unavailable', retryAfterMs: 250 });
    expect(classifyArmError(restError(500), now)).toEqual({ kind: 'unavailable', reason: 'HTTP 500' });
  });

  it('no status (connection reset) → unavailable', () => {
    expect(classifyArmError(restError(undefined, {}, undefined, 'ECONNRESET'))).toMatchObject({ kind: 'unavailable', reason: 'network: ECONNRESET' });
    expect(classifyArmError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({ kind: 'unavailable' });
  });

  it('401 and SignedOutError → signedOut; 404 → notFound', () => {
    expect(classifyArmError(restError(401))).toEqual({ kind: 'signedOut' });
    expect(classifyArmError(new SignedOutError('t'))).toEqual({ kind: 'signedOut' });
    expect(classifyArmError(restError(404))).toEqual({ kind: 'notFound' });
  });

  it('anything else → failed with ARM’s error verbatim', () => {
    const error = restError(403, {}, { error: { code: 'AuthorizationFailed', message: "The client 'x' does not have authorization." } });
    expect(classifyArmError(error)).toEqual({ kind: 'failed', error: { code: 'AuthorizationFailed', message: "The client 'x' does not have authorization." } });
  });
});

describe('retryAfterFromHeaders', () => {
  it('reads milliseconds, seconds and HTTP dates', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    const from = (h: Record<string, string>) => retryAfterFromHeaders((n) => h[n], now);
    expect(from({ 'x-ms-retry-after-ms': '1500' })).toBe(1500);
    expect(from({ 'retry-after': '3' })).toBe(3000);
    expect(from({ 'retry-after': new Date(now + 9000).toUTCString() })).toBe(9000);
    expect(from({ 'retry-after': 'soon' })).toBeUndefined();
    expect(from({})).toBeUndefined();
  });
});
