import { describe, expect, it } from 'vitest';
import { SANDBOX_SUBSCRIPTIONS, SEEDED_RESOURCE_GROUPS } from '../../../sandbox';
import type { DeploymentRef } from '../../../src/services/flexDeployment/ports';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

const kinds = (batch: { observations: ReadonlyMap<string, { kind: string }> }, refs: readonly DeploymentRef[]) => refs.map((r) => batch.observations.get(r.stagingId)?.kind);

describe('ArmDeploymentReader: ARM calls per cycle', () => {
  it('one list per resource group per cycle, and one GET only for a deployment that ended', async () => {
    const other = SEEDED_RESOURCE_GROUPS[1];
    const inFirst = await Promise.all(['pg-c1', 'pg-c2', 'pg-c3'].map((n) => startDeployment(h.services, createRequest(n))));
    const inSecond = await Promise.all(
      ['pg-c4', 'pg-c5'].map((n) =>
        startDeployment(h.services, createRequest(n, { subscriptionId: other.subscriptionId, resourceGroup: { name: other.name, isNew: false }, location: other.location })),
      ),
    );
    h.sandbox.control.scriptOutcome('pg-c5', { outcome: 'hang' });
    const refs = [...inFirst, ...inSecond];
    // Wait out the 3 s Accepted phase (scaled) so every deployment is in the Running list.
    await new Promise((r) => setTimeout(r, 100));
    h.sandbox.control.resetRequests();

    const running = await h.services.reader.read(refs);
    expect(kinds(running, refs)).toEqual(['running', 'running', 'running', 'running', 'running']);
    expect(h.sandbox.requests.counts()).toEqual({ 'deployments.list': 2 });

    // Cycle as the tracker does (an ended deployment is not asked for again) until only the hanging
    // one is left: each ended deployment costs exactly one GET.
    let tracked = refs;
    let lists = 2;
    while (tracked.length > 1) {
      await new Promise((r) => setTimeout(r, 100));
      lists += new Set(tracked.map((r) => r.resourceGroupName)).size;
      const batch = await h.services.reader.read(tracked);
      tracked = tracked.filter((r) => batch.observations.get(r.stagingId)?.kind === 'running');
    }
    expect(tracked.map((r) => r.serverName)).toEqual(['pg-c5']);
    const counts = h.sandbox.requests.counts();
    expect(counts['deployments.list']).toBe(lists);
    expect(counts['deployments.get']).toBe(4);
    expect(Object.keys(counts).sort()).toEqual(['deployments.get', 'deployments.list']);
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
