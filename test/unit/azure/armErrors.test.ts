import { createHttpHeaders, RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { armErrorFromRestError, classifyArmError, errorBodyOf, errorBodyOfResponse, retryAfterFromHeaders, summarizeArmError } from '../../../src/azure/armErrors';
import { SignedOutError } from '../../../src/azure/signedOutError';

function restError(options: { status?: number; code?: string; headers?: Record<string, string>; bodyAsText?: string; message?: string }): RestError {
  const { status, code, headers = {}, bodyAsText, message = `status ${status}` } = options;
  return new RestError(message, {
    ...(status !== undefined ? { statusCode: status } : {}),
    ...(code ? { code } : {}),
    ...(status !== undefined ? { response: { status, headers: createHttpHeaders(headers), request: undefined as never, ...(bodyAsText ? { bodyAsText } : {}) } } : {}),
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

/** A deployment denied by Azure Policy, in the shape of ARM's error contract (additionalInfo of type PolicyViolation). */
const policyDenied = (info: Record<string, unknown>) => ({
  code: 'DeploymentFailed',
  message: 'At least one resource deployment operation failed.',
  details: [
    {
      code: 'RequestDisallowedByPolicy',
      target: 'pg',
      message: "Resource 'pg' was disallowed by policy.",
      additionalInfo: [
        { type: 'SomethingElse', info: { policyAssignmentDisplayName: 'not this one' } },
        { type: 'PolicyViolation', info },
      ],
    },
  ],
});

describe('summarizeArmError: the policy that denied the request', () => {
  it('keeps the display names of the assignment and the definition', () => {
    const summary = summarizeArmError(
      policyDenied({ policyAssignmentDisplayName: 'Allowed locations for prod', policyAssignmentName: 'a1b2', policyDefinitionDisplayName: 'Allowed locations', policyDefinitionName: 'e56962a6' }),
    );
    expect(summary.code).toBe('RequestDisallowedByPolicy');
    expect(summary.policyViolation).toStrictEqual({ assignment: 'Allowed locations for prod', definition: 'Allowed locations' });
  });

  it('falls back to the names when there are no display names, and keeps what there is', () => {
    expect(summarizeArmError(policyDenied({ policyAssignmentName: 'a1b2', policyDefinitionDisplayName: '', policyDefinitionName: 'e56962a6' })).policyViolation).toStrictEqual({
      assignment: 'a1b2',
      definition: 'e56962a6',
    });
    expect(summarizeArmError(policyDenied({ policyAssignmentName: 'a1b2' })).policyViolation).toStrictEqual({ assignment: 'a1b2' });
    expect(summarizeArmError(policyDenied({ policyDefinitionName: 'e56962a6' })).policyViolation).toStrictEqual({ definition: 'e56962a6' });
  });

  it('has none when ARM names no policy, or the info is not an object', () => {
    expect(summarizeArmError(policyDenied({ evaluationDetails: {} }))).not.toHaveProperty('policyViolation');
    expect(summarizeArmError({ code: 'RequestDisallowedByPolicy', message: 'm', additionalInfo: [{ type: 'PolicyViolation', info: 'Allowed locations' }] })).not.toHaveProperty('policyViolation');
    expect(summarizeArmError(deploymentFailed)).not.toHaveProperty('policyViolation');
  });

  it('reads it from an SDK RestError of a rejected PUT too', () => {
    const body = JSON.stringify({ error: policyDenied({ policyAssignmentDisplayName: 'No public servers' }) });
    expect(armErrorFromRestError(restError({ status: 403, bodyAsText: body })).policyViolation).toStrictEqual({ assignment: 'No public servers' });
  });
});

describe('classifyArmError', () => {
  const now = Date.UTC(2026, 0, 1);

  it('429 with Retry-After seconds → unavailable, honouring it', () => {
    expect(classifyArmError(restError({ status: 429, headers: { 'retry-after': '17' } }), now)).toEqual({ kind: 'unavailable', reason: 'HTTP 429', retryAfterMs: 17_000 });
  });

  it('503 and 500 → unavailable; a 500 without Retry-After has none', () => {
    expect(classifyArmError(restError({ status: 503, headers: { 'retry-after-ms': '250' } }), now)).toMatchObject({ kind: 'unavailable', retryAfterMs: 250 });
    expect(classifyArmError(restError({ status: 500 }), now)).toEqual({ kind: 'unavailable', reason: 'HTTP 500' });
  });

  it('no status (connection reset) → unavailable', () => {
    expect(classifyArmError(restError({ code: 'ECONNRESET' }))).toMatchObject({ kind: 'unavailable', reason: 'network: ECONNRESET' });
    expect(classifyArmError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({ kind: 'unavailable' });
  });

  it('401 and SignedOutError → signedOut; 404 → notFound', () => {
    expect(classifyArmError(restError({ status: 401 }))).toEqual({ kind: 'signedOut' });
    expect(classifyArmError(new SignedOutError('t'))).toEqual({ kind: 'signedOut' });
    expect(classifyArmError(restError({ status: 404 }))).toEqual({ kind: 'notFound' });
  });

  it('anything else → failed with ARM’s error verbatim', () => {
    const error = restError({ status: 403, bodyAsText: JSON.stringify({ error: { code: 'AuthorizationFailed', message: "The client 'x' does not have authorization." } }) });
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

const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'REQUEST_SEND_ERROR'];

describe('classifyArmError: failures that are not ARM saying no', () => {
  it.each(NETWORK_CODES)('a Node error %s is the network: unavailable, named by its code', (code) => {
    expect(classifyArmError(Object.assign(new Error('boom'), { code }))).toStrictEqual({ kind: 'unavailable', reason: `network: ${code}` });
  });

  it('any other error is a failure named by its code, or "Error"; anything thrown is shown as text', () => {
    expect(classifyArmError(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toStrictEqual({ kind: 'failed', error: { code: 'ENOSPC', message: 'disk full' } });
    expect(classifyArmError(Object.assign(new Error('odd'), { code: 42 }))).toStrictEqual({ kind: 'failed', error: { code: 'Error', message: 'odd' } });
    expect(classifyArmError('just a string')).toStrictEqual({ kind: 'failed', error: { code: 'Error', message: 'just a string' } });
    expect(classifyArmError(null)).toStrictEqual({ kind: 'failed', error: { code: 'Error', message: 'null' } });
  });

  it('an SDK error with no HTTP status is the network, whatever its code, or its message when it has none', () => {
    expect(classifyArmError(restError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }))).toStrictEqual({ kind: 'unavailable', reason: 'network: ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(classifyArmError(restError({ message: 'socket hang up' }))).toStrictEqual({ kind: 'unavailable', reason: 'network: socket hang up' });
  });

  it('408, 429 and every 5xx are worth another try, with the code when the SDK has one and the wait only when ARM asks', () => {
    for (const status of [408, 429, 500, 502, 503, 504, 599]) {
      expect(classifyArmError(restError({ status }))).toStrictEqual({ kind: 'unavailable', reason: `HTTP ${status}` });
    }
    expect(classifyArmError(restError({ status: 503, code: 'ServiceUnavailable', headers: { 'retry-after': '2' } }))).toStrictEqual({
      kind: 'unavailable',
      reason: 'HTTP 503 ServiceUnavailable',
      retryAfterMs: 2000,
    });
  });

  it('other 4xx are ARM saying no: failed, with the body when there is one, else the SDK\'s code and message', () => {
    for (const status of [400, 402, 403, 409, 499]) expect(classifyArmError(restError({ status })).kind).toBe('failed');
    expect(classifyArmError(restError({ status: 409, message: 'Conflict without a body' }))).toStrictEqual({ kind: 'failed', error: { code: 'Unknown', message: 'Conflict without a body' } });
    expect(classifyArmError(restError({ status: 400, code: 'InvalidRequestContent', message: 'bad' }))).toStrictEqual({
      kind: 'failed',
      error: { code: 'InvalidRequestContent', message: 'bad' },
    });
  });
});

describe('retryAfterFromHeaders: never a wait that is not a number of milliseconds ahead', () => {
  const from = (headers: Record<string, string>, now = Date.UTC(2026, 0, 1)) => retryAfterFromHeaders((n) => headers[n], now);

  it('milliseconds first (retry-after-ms, then x-ms-retry-after-ms), each only when it is a finite, non-negative number', () => {
    expect(from({ 'retry-after-ms': '250', 'x-ms-retry-after-ms': '900', 'retry-after': '7' })).toBe(250);
    expect(from({ 'retry-after-ms': '0' })).toBe(0);
    expect(from({ 'retry-after-ms': 'soon', 'x-ms-retry-after-ms': '900' })).toBe(900);
    expect(from({ 'retry-after-ms': '-5', 'retry-after': '7' })).toBe(7000);
    expect(from({ 'retry-after-ms': 'Infinity', 'retry-after': '7' })).toBe(7000);
    expect(from({ 'x-ms-retry-after-ms': '-1' })).toBeUndefined();
  });

  it('Retry-After in seconds: finite and not negative; zero is no wait, on any clock', () => {
    expect(from({ 'retry-after': '0' }, 0)).toBe(0);
    expect(from({ 'retry-after': '1.5' })).toBe(1500);
    expect(from({ 'retry-after': 'Infinity' })).toBeUndefined();
    expect(from({ 'retry-after': '-3' }) ?? 0).toBeGreaterThanOrEqual(0);
  });

  it('Retry-After as a date: the time until then, none for a date already past', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(from({ 'retry-after': new Date(now + 4000).toUTCString() }, now)).toBe(4000);
    expect(from({ 'retry-after': new Date(now - 60_000).toUTCString() }, now)).toBe(0);
  });
});

describe('summarizeArmError: the innermost message that says something', () => {
  it('the deepest node with a message wins; a deeper one without a message does not; of siblings, the first', () => {
    const summary = summarizeArmError({
      code: 'DeploymentFailed',
      message: 'outer',
      details: [
        { code: 'First', message: 'first inner', details: [{ code: 'Silent' }] },
        { code: 'Second', message: 'second inner' },
        { message: 'no code' },
      ],
    });
    expect(summary).toStrictEqual({
      code: 'First',
      message: 'first inner',
      chain: [
        { code: 'DeploymentFailed', message: 'outer' },
        { code: 'First', message: 'first inner' },
        { code: 'Silent', message: '' },
        { code: 'Second', message: 'second inner' },
        { code: '', message: 'no code' },
      ],
    });
  });

  it('an innermost message without a code takes the outer code; nothing at all is "Unknown" with no message', () => {
    expect(summarizeArmError({ code: 'Outer', message: 'outer', details: [{ message: 'inner' }] })).toMatchObject({ code: 'Outer', message: 'inner' });
    expect(summarizeArmError({})).toStrictEqual({ code: 'Unknown', message: '' });
    expect(summarizeArmError({ code: 'OnlyCode' })).toStrictEqual({ code: 'OnlyCode', message: '' });
  });
});

describe('reading ARM error bodies', () => {
  it('errorBodyOf: a CloudError\'s error, or the object itself, when it has a code or a message', () => {
    expect(errorBodyOf({ error: { code: 'C' } })).toStrictEqual({ code: 'C' });
    expect(errorBodyOf({ error: { message: 'm' } })).toStrictEqual({ message: 'm' });
    expect(errorBodyOf({ code: 'C', message: 'm' })).toStrictEqual({ code: 'C', message: 'm' });
    expect(errorBodyOf({ message: 'only a message' })).toStrictEqual({ message: 'only a message' });
    // An OAuth-style body: its `error` is a string, so the object itself is the body.
    expect(errorBodyOf({ error: 'invalid_grant', message: 'm' })).toStrictEqual({ error: 'invalid_grant', message: 'm' });
    expect(errorBodyOf({ error: { reason: 'x' } })).toBeUndefined();
    expect(errorBodyOf({ status: 500 })).toBeUndefined();
    expect(errorBodyOf('{"code":"C"}')).toBeUndefined();
    expect(errorBodyOf(null)).toBeUndefined();
  });

  it('errorBodyOfResponse: the parsed body, else the text parsed, else nothing', () => {
    expect(errorBodyOfResponse({ parsedBody: { error: { code: 'Parsed' } }, bodyAsText: '{"error":{"code":"Text"}}' })).toStrictEqual({ code: 'Parsed' });
    expect(errorBodyOfResponse({ bodyAsText: '{"error":{"code":"Text"}}' })).toStrictEqual({ code: 'Text' });
    expect(errorBodyOfResponse({ bodyAsText: '<html>Bad Gateway</html>' })).toBeUndefined();
    expect(errorBodyOfResponse({ bodyAsText: '' })).toBeUndefined();
    expect(errorBodyOfResponse(undefined)).toBeUndefined();
  });

  it('armErrorFromRestError: the details the SDK parsed come before the response', () => {
    expect(
      armErrorFromRestError({ message: 'm', details: { error: { code: 'FromDetails', message: 'd' } }, response: { bodyAsText: '{"error":{"code":"FromText","message":"t"}}' } }),
    ).toStrictEqual({ code: 'FromDetails', message: 'd' });
    expect(armErrorFromRestError({ message: 'm', response: { bodyAsText: '{"error":{"code":"FromText","message":"t"}}' } })).toStrictEqual({ code: 'FromText', message: 't' });
    expect(armErrorFromRestError({ code: 'SdkCode', message: 'm' })).toStrictEqual({ code: 'SdkCode', message: 'm' });
  });
});
