import { describe, expect, it } from 'vitest';
import { SANDBOX_SUBSCRIPTIONS, SEEDED_RESOURCE_GROUPS } from '../../../sandbox';
import type { DeploymentReader } from '../../../src/services/flexDeployment/deploymentReader';
import type { DeploymentRef } from '../../../src/services/flexDeployment/deploymentRef';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

/** Deployments of another tool in the same group, newer than what the test started before. */
async function startForeignDeployments(count: number): Promise<void> {
  for (let i = 0; i < count; i++) h.sandbox.control.scriptOutcome(`other-${i}`, { outcome: 'hang' });
  for (let i = 0; i < count; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, j) => startDeployment(h.services, createRequest(`other-${i + j}`))));
  }
}

const kinds = (batch: { observations: ReadonlyMap<string, { kind: string }> }, refs: readonly DeploymentRef[]) => refs.map((r) => batch.observations.get(r.stagingId)?.kind);

describe('ArmDeploymentReader: ARM calls per cycle', () => {
  /** Five deployments in two groups (one hangs), read in cycles as the tracker does until only the hanging one is left. */
  async function runCycles(reader: DeploymentReader): Promise<{ lists: number; counts: Record<string, number> }> {
    const other = SEEDED_RESOURCE_GROUPS[1];
    h.sandbox.control.scriptOutcome('pg-c5', { outcome: 'hang' });
    const inFirst = await Promise.all(['pg-c1', 'pg-c2', 'pg-c3'].map((n) => startDeployment(h.services, createRequest(n))));
    const inSecond = await Promise.all(
      ['pg-c4', 'pg-c5'].map((n) =>
        startDeployment(h.services, createRequest(n, { subscriptionId: other.subscriptionId, resourceGroup: { name: other.name, isNew: false }, location: other.location })),
      ),
    );
    let tracked = [...inFirst, ...inSecond];
    // Past the (scaled) Accepted phase, so every deployment is Running.
    await new Promise((r) => setTimeout(r, 100));
    h.sandbox.control.resetRequests();
    let lists = 0;
    while (tracked.length > 1) {
      lists += new Set(tracked.map((r) => r.resourceGroupName)).size;
      const batch = await reader.read(tracked);
      // An ended deployment is not asked for again.
      tracked = tracked.filter((r) => batch.observations.get(r.stagingId)?.kind === 'running');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(tracked.map((r) => r.serverName)).toEqual(['pg-c5']);
    return { lists, counts: h.sandbox.requests.counts() };
  }

  it('default: one list per resource group per cycle, and ended deployments settled from it without a GET', async () => {
    const { lists, counts } = await runCycles(h.services.reader);
    expect(counts).toEqual({ 'deployments.list': lists });
  });

  it('a deployment behind 100 newer ones (another tool’s) is found on the next page, without a GET', async () => {
    h.sandbox.control.scriptOutcome('pg-old', { outcome: 'hang' });
    const old = await startDeployment(h.services, createRequest('pg-old'));
    await startForeignDeployments(100);
    h.sandbox.control.resetRequests();
    const batch = await h.services.reader.read([old]);
    expect(batch.observations.get(old.stagingId)?.kind).toBe('running');
    expect(h.sandbox.requests.counts()).toEqual({ 'deployments.list': 2 });
  });

  it('reads no more pages than it needs: once every tracked deployment is found, it stops', async () => {
    await startForeignDeployments(150);
    h.sandbox.control.scriptOutcome('pg-newest', { outcome: 'hang' });
    const newest = await startDeployment(h.services, createRequest('pg-newest'));
    h.sandbox.control.resetRequests();
    expect((await h.services.reader.read([newest])).observations.get(newest.stagingId)?.kind).toBe('running');
    expect(h.sandbox.requests.counts()).toEqual({ 'deployments.list': 1 });
  });

  it('right whatever order ARM lists in (it documents none): every tracked deployment found, each read once', async () => {
    h.sandbox.control.setListOrder('arbitrary');
    const tracked = [];
    for (let i = 0; i < 5; i++) {
      h.sandbox.control.scriptOutcome(`pg-any-${i}`, { outcome: 'hang' });
      tracked.push(await startDeployment(h.services, createRequest(`pg-any-${i}`)));
    }
    await startForeignDeployments(240);
    h.sandbox.control.resetRequests();
    const batch = await h.services.reader.read(tracked);
    expect(kinds(batch, tracked)).toEqual(['running', 'running', 'running', 'running', 'running']);
    const counts = h.sandbox.requests.counts();
    expect(counts['deployments.get']).toBeUndefined();
    expect(counts['deployments.list']).toBeLessThanOrEqual(3); // 245 deployments, 100 a page
  });

  it('no refs, no ARM calls', async () => {
    h.sandbox.control.resetRequests();
    const batch = await h.services.reader.read([]);
    expect(batch.observations.size).toBe(0);
    expect(h.sandbox.requests.count()).toBe(0);
  });
});

describe('ArmDeploymentReader: error classes', () => {
  it('a 429 storm: unavailable with Retry-After for that group, one request each (no SDK retries), then back', async () => {
    h.sandbox.control.scriptOutcome('pg-throttled', { outcome: 'hang' });
    const ref = await startDeployment(h.services, createRequest('pg-throttled'));
    h.sandbox.control.addFault({ kind: 'throttle', count: 3, retryAfterSeconds: 7, routes: ['deployments.list'] });
    h.sandbox.control.resetRequests();
    for (let cycle = 0; cycle < 3; cycle++) {
      const batch = await h.services.reader.read([ref]);
      expect(batch.observations.get(ref.stagingId)).toEqual({ kind: 'unavailable', reason: 'HTTP 429 TooManyRequests' });
      expect(batch.retryAfterMs).toBe(7000);
    }
    expect(h.sandbox.requests.counts()).toEqual({ 'deployments.list': 3 });
    const after = await h.services.reader.read([ref]);
    expect(after.observations.get(ref.stagingId)?.kind).toBe('running');
    expect(after.retryAfterMs).toBeUndefined();
  });

  it('throttling in one resource group leaves the other groups readable', async () => {
    const other = SEEDED_RESOURCE_GROUPS[1];
    h.sandbox.control.scriptOutcome('pg-t1', { outcome: 'hang' });
    h.sandbox.control.scriptOutcome('pg-t2', { outcome: 'hang' });
    const a = await startDeployment(h.services, createRequest('pg-t1'));
    const b = await startDeployment(h.services, createRequest('pg-t2', { subscriptionId: other.subscriptionId, resourceGroup: { name: other.name, isNew: false } }));
    h.sandbox.control.addFault({ kind: 'throttle', count: 1, retryAfterSeconds: 2 });
    const batch = await h.services.reader.read([a, b]);
    expect(kinds(batch, [a, b]).sort()).toEqual(['running', 'unavailable']);
    expect(batch.retryAfterMs).toBe(2000);
  });

  it('5xx bursts and a connection reset: unavailable, then the deployment is read again', async () => {
    h.sandbox.control.scriptOutcome('pg-5xx', { outcome: 'hang' });
    const ref = await startDeployment(h.services, createRequest('pg-5xx'));
    h.sandbox.control.addFault({ kind: 'status', status: 503, count: 1 });
    h.sandbox.control.addFault({ kind: 'status', status: 500, count: 1 });
    h.sandbox.control.addFault({ kind: 'reset', count: 1 });
    const seen = [];
    for (let cycle = 0; cycle < 4; cycle++) seen.push((await h.services.reader.read([ref])).observations.get(ref.stagingId));
    expect(seen.map((o) => o?.kind)).toEqual(['unavailable', 'unavailable', 'unavailable', 'running']);
    expect(seen[0]).toMatchObject({ reason: expect.stringContaining('503') });
    expect(seen[2]).toMatchObject({ reason: expect.stringContaining('network') });
  });

  it('404 vanished: notFound when the server is gone too', async () => {
    h.sandbox.control.scriptOutcome('pg-vanish', { outcome: 'vanish' });
    const ref = await startDeployment(h.services, createRequest('pg-vanish'));
    expect((await readUntilEnded(h.services, ref)).observation).toEqual({ kind: 'notFound' });
  });

  it('404 vanished but the server exists (ARM pruned the history): succeeded with the server id', async () => {
    h.sandbox.control.scriptOutcome('pg-pruned', { outcome: 'vanish', keepServer: true });
    const ref = await startDeployment(h.services, createRequest('pg-pruned'));
    expect((await readUntilEnded(h.services, ref)).observation).toEqual({
      kind: 'succeeded',
      serverResourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-pruned`,
    });
  });

  it('a deployment missing from the list whose GET fails (503): unavailable, never taken for pruned and settled by its server', async () => {
    const made = await startDeployment(h.services, createRequest('pg-made'));
    await readUntilEnded(h.services, made);
    const pruned: DeploymentRef = { ...made, stagingId: 'pruned', deploymentName: 'pgflex-pruned-20260101000000' };
    h.sandbox.control.addFault({ kind: 'status', status: 503, count: 1, routes: ['deployments.get'] });
    expect((await h.services.reader.read([pruned])).observations.get('pruned')).toMatchObject({ kind: 'unavailable' });
  });

  it('a 5xx or a throttle keeps the session: the next cycle asks for no new token', async () => {
    h.sandbox.control.scriptOutcome('pg-keep', { outcome: 'hang' });
    const ref = await startDeployment(h.services, createRequest('pg-keep'));
    await h.services.reader.read([ref]);
    const used = h.account.issuedTokens.length;
    h.sandbox.control.addFault({ kind: 'status', status: 500, count: 1 });
    h.sandbox.control.addFault({ kind: 'throttle', count: 1 });
    for (let cycle = 0; cycle < 3; cycle++) await h.services.reader.read([ref]);
    expect(h.account.issuedTokens.length).toBe(used);
  });

  it('a revoked token → signedOut; the next cycle asks for a fresh session and reads again', async () => {
    h.sandbox.control.scriptOutcome('pg-token', { outcome: 'hang' });
    const ref = await startDeployment(h.services, createRequest('pg-token'));
    expect((await h.services.reader.read([ref])).observations.get(ref.stagingId)?.kind).toBe('running');
    const used = h.account.issuedTokens.length;
    for (const token of h.account.issuedTokens) h.sandbox.control.revokeToken(token);
    expect((await h.services.reader.read([ref])).observations.get(ref.stagingId)).toEqual({ kind: 'signedOut' });
    expect((await h.services.reader.read([ref])).observations.get(ref.stagingId)?.kind).toBe('running');
    expect(h.account.issuedTokens.length).toBe(used + 1);
  });

  it('signed out: signedOut without calling ARM; after sign-in, read again', async () => {
    h.sandbox.control.scriptOutcome('pg-signout', { outcome: 'hang' });
    const ref = await startDeployment(h.services, createRequest('pg-signout'));
    await h.services.reader.read([ref]);
    h.account.signOut();
    h.services.credentials.invalidate();
    h.sandbox.control.resetRequests();
    expect((await h.services.reader.read([ref])).observations.get(ref.stagingId)).toEqual({ kind: 'signedOut' });
    expect(h.sandbox.requests.count()).toBe(0);
    let heard = 0;
    h.services.signIn.onDidSignIn(() => heard++);
    h.account.signInElsewhere();
    expect(heard).toBe(1);
    expect((await h.services.reader.read([ref])).observations.get(ref.stagingId)?.kind).toBe('running');
  });

  it('a deployment that ARM never had (and no server): notFound', async () => {
    const ref: DeploymentRef = {
      stagingId: 'ghost',
      tenantId: createRequest('x').tenantId,
      subscriptionId: SANDBOX_SUBSCRIPTIONS[0].subscriptionId,
      resourceGroupName: RESOURCE_GROUP,
      deploymentName: 'pgflex-ghost-20260101000000',
      createdAt: 0,
      serverName: 'ghost',
    };
    expect((await h.services.reader.read([ref])).observations.get('ghost')).toEqual({ kind: 'notFound' });
  });
});
