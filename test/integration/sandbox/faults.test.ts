import { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { armRequest, clientOptions, deploymentPath, RESOURCE_GROUP, serverDeployment, staticCredential, SUBSCRIPTION_ID } from './sandboxTestKit';

/** Throttling, server errors, dropped connections, latency and authentication, as the SDK meets them. */
describe('sandbox faults and authentication', () => {
  let sandbox: Sandbox;
  let client: DeploymentsClient;
  const api = 'api-version=2025-04-01';
  const listPath = `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}/providers/Microsoft.Resources/deployments?${api}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 1000, postgres: 'none' });
    client = new DeploymentsClient(staticCredential('token-a'), SUBSCRIPTION_ID, clientOptions(sandbox));
  });
  beforeEach(async () => {
    sandbox.control.reset();
    await armRequest(sandbox, 'PUT', `${deploymentPath('d-fault')}?${api}`, { body: serverDeployment('fault-srv', 'S3cret!pass') });
    sandbox.requests.reset();
  });
  afterAll(() => sandbox.stop());

  it("answers 429 with Retry-After and ARM's rate-limit headers; the SDK waits and succeeds on its retry", async () => {
    sandbox.control.addFault({ kind: 'throttle', count: 1, retryAfterSeconds: 1, routes: ['deployments.get'] });
    const deployment = await client.deployments.get(RESOURCE_GROUP, 'd-fault');
    expect(deployment.name).toBe('d-fault');
    expect(sandbox.requests.count('deployments.get')).toBe(2);

    sandbox.control.addFault({ kind: 'throttle', count: 1, retryAfterSeconds: 7 });
    const raw = await armRequest(sandbox, 'GET', listPath);
    expect(raw.status).toBe(429);
    expect(raw.headers['retry-after']).toBe('7');
    expect(raw.headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('0');
    expect(raw.headers['x-ms-ratelimit-remaining-subscription-global-reads']).toBe('0');
    expect((raw.body as { error: { code: string } }).error.code).toBe('TooManyRequests');
  });

  it('gives up with a RestError 429 when the throttling outlasts the SDK retries', async () => {
    sandbox.control.addFault({ kind: 'throttle', count: 10, retryAfterSeconds: 0, routes: ['deployments.list'] });
    const listing = async (): Promise<void> => {
      for await (const _ of client.deployments.listByResourceGroup(RESOURCE_GROUP)) void _;
    };
    await expect(listing()).rejects.toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    expect(sandbox.requests.count('deployments.list')).toBe(4);
  });

  it('returns 500/503 bursts with ARM bodies, which the SDK retries through', async () => {
    sandbox.control.addFault({ kind: 'status', status: 503, count: 1 });
    sandbox.control.addFault({ kind: 'status', status: 500, count: 1 });
    const raw503 = await armRequest(sandbox, 'GET', listPath);
    expect([raw503.status, (raw503.body as { error: { code: string } }).error.code]).toEqual([503, 'ServiceUnavailable']);
    const raw500 = await armRequest(sandbox, 'GET', listPath);
    expect([raw500.status, (raw500.body as { error: { code: string } }).error.code]).toEqual([500, 'InternalServerError']);

    sandbox.control.addFault({ kind: 'status', status: 500, count: 1, routes: ['deployments.get'] });
    expect((await client.deployments.get(RESOURCE_GROUP, 'd-fault')).name).toBe('d-fault');
    expect(sandbox.requests.count('deployments.get')).toBe(2);
  });

  it('drops the connection; the SDK retries on ECONNRESET', async () => {
    sandbox.control.addFault({ kind: 'reset', count: 1, routes: ['deployments.get'] });
    await expect(armRequest(sandbox, 'GET', `${deploymentPath('d-fault')}?${api}`)).rejects.toMatchObject({ code: 'ECONNRESET' });
    sandbox.control.addFault({ kind: 'reset', count: 1, routes: ['deployments.get'] });
    expect((await client.deployments.get(RESOURCE_GROUP, 'd-fault')).name).toBe('d-fault');
    expect(sandbox.requests.count('deployments.get')).toBe(3);
  });

  it('adds latency to every ARM answer until it is set back to 0', async () => {
    sandbox.control.setLatency(150);
    const started = Date.now();
    await armRequest(sandbox, 'GET', listPath);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    sandbox.control.setLatency(0);
    expect((await armRequest(sandbox, 'GET', listPath)).status).toBe(200);
  });

  it("rejects a call without a bearer token with ARM's 401 AuthenticationFailed", async () => {
    const raw = await armRequest(sandbox, 'GET', listPath, { token: null });
    expect(raw.status).toBe(401);
    expect(raw.body).toEqual({ error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } });
    expect(String(raw.headers['www-authenticate'])).toContain('Bearer');
  });

  it('answers 401 ExpiredAuthenticationToken for a revoked token, and still serves other tokens', async () => {
    sandbox.control.revokeToken('token-a');
    await expect(client.deployments.get(RESOURCE_GROUP, 'd-fault')).rejects.toMatchObject({ statusCode: 401, code: 'ExpiredAuthenticationToken' });
    const other = new DeploymentsClient(staticCredential('token-b'), SUBSCRIPTION_ID, clientOptions(sandbox));
    expect((await other.deployments.get(RESOURCE_GROUP, 'd-fault')).name).toBe('d-fault');
  });

  it('offers the same controls over HTTP, validating what it is sent', async () => {
    const bad = await armRequest(sandbox, 'POST', '/_sandbox/faults', { body: { kind: 'throttle', count: 0 }, token: null });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe('InvalidControlRequest');
    expect((await armRequest(sandbox, 'POST', '/_sandbox/faults', { body: { kind: 'throttle', count: 2, routes: ['deployments.list'] }, token: null })).status).toBe(204);
    expect((await armRequest(sandbox, 'GET', '/_sandbox/faults', { token: null })).body).toEqual({ value: [{ kind: 'throttle', count: 2, routes: ['deployments.list'] }] });
    expect((await armRequest(sandbox, 'GET', listPath)).status).toBe(429);
    expect((await armRequest(sandbox, 'DELETE', '/_sandbox/faults', { token: null })).status).toBe(204);
    expect((await armRequest(sandbox, 'GET', listPath)).status).toBe(200);

    expect((await armRequest(sandbox, 'POST', '/_sandbox/tokens/revoke', { body: { token: 'token-c' }, token: null })).status).toBe(204);
    expect((await armRequest(sandbox, 'GET', listPath, { token: 'token-c' })).status).toBe(401);
    expect((await armRequest(sandbox, 'GET', '/_sandbox/requests', { token: null })).body).toEqual({ counts: { 'deployments.list': 3 } });
    expect((await armRequest(sandbox, 'GET', '/_sandbox/clientIp', { token: null })).body).toEqual({ ip: '127.0.0.1' });
  });
});
