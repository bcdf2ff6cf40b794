import { createHttpHeaders, RestError } from '@azure/core-rest-pipeline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignedOutError } from '../../../src/azure/signedOutError';
import { classifyServerRead, hasNoPublicAccess, nextKnown, SERVER_GONE_CODES, type ServerCheck } from '../../../src/reconcile/serverCheck';
import { armRestError } from '../../support/armRestError';

const AT = Date.UTC(2026, 11, 4, 10, 0, 0);
const failed = (error: unknown) => classifyServerRead({ ok: false, error }, AT);

/** What the SDK throws when the request never got an answer (no status). */
function networkError(code: string): RestError {
  return new RestError(`connect ${code} 127.0.0.1:443`, { code });
}

function throttled(): RestError {
  const bodyAsText = JSON.stringify({ error: { code: 'TooManyRequests', message: 'The request is being throttled.' } });
  return new RestError('The request is being throttled.', { statusCode: 429, code: 'TooManyRequests', response: { status: 429, headers: createHttpHeaders({ 'retry-after': '17' }), request: undefined as never, bodyAsText } });
}

describe('classifyServerRead: only Azure saying the server is not there makes it deleted', () => {
  it('a 404 ResourceNotFound or ParentResourceNotFound of the server GET is deleted, with ARM\'s code and message', () => {
    expect(failed(armRestError(404, 'ResourceNotFound', "The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/pg' under resource group 'rg' was not found."))).toEqual({
      kind: 'deleted',
      code: 'ResourceNotFound',
      message: "The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/pg' under resource group 'rg' was not found.",
      at: AT,
    });
    expect(failed(armRestError(404, 'ParentResourceNotFound', 'Parent resource not found.'))).toMatchObject({ kind: 'deleted', code: 'ParentResourceNotFound' });
    expect(failed(armRestError(404, 'ResourceGroupNotFound', "Resource group 'rg' could not be found."))).toMatchObject({ kind: 'deleted', code: 'ResourceGroupNotFound' });
  });

  it('a 404 of another code (a subscription not visible, an unknown route) is not a deletion', () => {
    for (const code of ['SubscriptionNotFound', 'NotFound', 'InvalidResourceType']) {
      expect(failed(armRestError(404, code, 'not found')), code).toMatchObject({ kind: 'notChecked', reason: 'refused' });
    }
  });

  it('throttled (429), a server error (5xx), a timeout (408) or no answer at all is "Azure did not answer"', () => {
    expect(failed(throttled())).toEqual({ kind: 'notChecked', reason: 'unavailable', detail: 'Azure did not answer (HTTP 429 TooManyRequests)', at: AT });
    for (const status of [408, 500, 502, 503, 504]) expect(failed(armRestError(status, 'ServerError', 'x')), String(status)).toMatchObject({ kind: 'notChecked', reason: 'unavailable' });
    expect(failed(networkError('ECONNREFUSED'))).toMatchObject({ kind: 'notChecked', reason: 'unavailable', detail: 'Azure did not answer (network: ECONNREFUSED)' });
    expect(failed(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({ kind: 'notChecked', reason: 'unavailable' });
  });

  it('signed out (no session, or ARM\'s 401) marks nothing', () => {
    expect(failed(new SignedOutError('tenant-1'))).toEqual({ kind: 'notChecked', reason: 'signedOut', detail: 'signed out of Azure', at: AT });
    expect(failed(armRestError(401, 'ExpiredAuthenticationToken', 'The access token expiry …'))).toMatchObject({ kind: 'notChecked', reason: 'signedOut' });
  });

  it('a refusal (403) is told in ARM\'s words; an answer is found with its state', () => {
    expect(failed(armRestError(403, 'AuthorizationFailed', 'The client does not have authorization.'))).toMatchObject({ kind: 'notChecked', reason: 'refused', detail: 'The client does not have authorization. (AuthorizationFailed)' });
    expect(classifyServerRead({ ok: true, state: 'Stopped' }, AT)).toEqual({ kind: 'found', state: 'Stopped', at: AT });
  });

  it('a found server keeps whether it takes public connections; only Disabled means it does not', () => {
    const found = (publicNetworkAccess?: string) => classifyServerRead({ ok: true, state: 'Ready', ...(publicNetworkAccess ? { publicNetworkAccess } : {}) }, AT);
    expect(found('Disabled')).toEqual({ kind: 'found', state: 'Ready', publicNetworkAccess: 'Disabled', at: AT });
    expect([found('Disabled'), found('Enabled'), found(), failed(armRestError(404, 'ResourceNotFound', 'x')), undefined].map(hasNoPublicAccess)).toEqual([true, false, false, false, false]);
  });
});

/** Any error a server GET can end with, and whether Azure said the server is gone. */
const anyFailure: fc.Arbitrary<{ error: unknown; gone: boolean }> = fc.oneof(
  fc.record({ status: fc.integer({ min: 400, max: 599 }), code: fc.oneof(fc.constantFrom(...SERVER_GONE_CODES, 'SubscriptionNotFound', 'TooManyRequests', 'InternalServerError'), fc.string()) }).map(({ status, code }) => ({
    error: armRestError(status, code, `answer ${status}`),
    gone: status === 404 && SERVER_GONE_CODES.has(code),
  })),
  fc.constantFrom('ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN').map((code) => ({ error: networkError(code), gone: false })),
  fc.constant({ error: new SignedOutError('tenant-1'), gone: false }),
  fc.string().map((message) => ({ error: new Error(message), gone: false })),
);
const anyRead = fc.oneof(
  anyFailure.map(({ error, gone }) => ({ read: { ok: false as const, error }, conclusive: gone })),
  fc.constantFrom('Ready', 'Stopped', 'Starting', 'Stopping', 'Updating').map((state) => ({ read: { ok: true as const, state }, conclusive: true })),
);

describe('classification, property-based', () => {
  it('deleted exactly when ARM answered 404 with ResourceNotFound or ParentResourceNotFound', () => {
    fc.assert(
      fc.property(anyFailure, ({ error, gone }) => {
        expect(failed(error).kind === 'deleted').toBe(gone);
      }),
    );
  });

  it('over any run of reads, the view keeps the last conclusive answer: throttling, outages and sign-outs neither delete a server nor bring one back', () => {
    fc.assert(
      fc.property(fc.array(anyRead, { maxLength: 30 }), (reads) => {
        let known: ServerCheck | undefined;
        reads.forEach(({ read }, i) => (known = nextKnown(known, classifyServerRead(read, AT + i))));
        const lastConclusive = reads.map((r, i) => ({ ...r, i })).filter((r) => r.conclusive).at(-1);
        expect(known?.at).toBe(lastConclusive === undefined ? undefined : AT + lastConclusive.i);
        expect(known?.kind ?? 'none').toBe(lastConclusive === undefined ? 'none' : lastConclusive.read.ok ? 'found' : 'deleted');
      }),
    );
  });
});
