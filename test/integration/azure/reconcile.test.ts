import { describe, expect, it } from 'vitest';
import { createArmServerFactsReader } from '../../../src/dashboard/armServerFactsReader';
import { createArmServerStarter } from '../../../src/reconcile/armServerStarter';
import { createServerReconciler, serverKey } from '../../../src/reconcile/serverReconciler';
import { firstValueFrom } from 'rxjs';
import { armRequest, eventually } from '../sandbox/sandboxTestKit';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';
import { SANDBOX_SUBSCRIPTIONS, SANDBOX_TENANT_ID, SEEDED_RESOURCE_GROUPS } from '../../../sandbox';

/**
 * The reconciler with the real SDK client against the sandbox: what ARM's own answers (the server's
 * GET, its 404 body, a run of 429s, a signed-out account) make of a saved server.
 */
describe('reconciling a saved server with Azure (sandbox)', () => {
  const harness = useAzureSandbox();
  const target = (serverName: string, resourceGroup = RESOURCE_GROUP) => ({ tenantId: SANDBOX_TENANT_ID, subscriptionId: SUBSCRIPTION_ID, resourceGroup, serverName });
  const serverPath = (name: string, action = '') => `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}${action}?api-version=2025-08-01`;
  const setup = async (serverName: string) => {
    expect((await readUntilEnded(harness.services, await startDeployment(harness.services, createRequest(serverName)))).observation.kind).toBe('succeeded');
    const clientFor = (tenantId: string, subscriptionId: string) => harness.services.flexibleServers(tenantId, subscriptionId);
    const checks = createServerReconciler(createArmServerFactsReader(clientFor, () => harness.services.catalog.listSubscriptions()));
    const known = async () => (await firstValueFrom(checks.known$)).get(serverKey(target(serverName)));
    return { checks, known, starter: createArmServerStarter(clientFor) };
  };

  it('a running server is found Ready; stopped through ARM, found Stopped; started by the extension, Ready again', async () => {
    const { checks, starter } = await setup('pg-rec-power');
    expect(await checks.check(target('pg-rec-power'))).toMatchObject({ kind: 'found', state: 'Ready' });
    expect((await armRequest(harness.sandbox, 'POST', serverPath('pg-rec-power', '/stop'))).status).toBe(202);
    expect(await checks.check(target('pg-rec-power'))).toMatchObject({ kind: 'found', state: 'Stopping' });
    expect(await eventually(() => checks.check(target('pg-rec-power')), (c) => c.kind === 'found' && c.state !== 'Stopping')).toMatchObject({ kind: 'found', state: 'Stopped' });
    await starter.start(target('pg-rec-power'));
    expect(await checks.check(target('pg-rec-power'))).toMatchObject({ kind: 'found', state: 'Ready' });
    expect(harness.sandbox.requests.count('flexibleServers.start')).toBe(1);
  });

  it('deleted through ARM: the SDK\'s 404 carries ResourceNotFound, and that alone marks it deleted; throttled or signed out afterwards, it stays so', async () => {
    const { checks, known } = await setup('pg-rec-gone');
    expect((await armRequest(harness.sandbox, 'DELETE', serverPath('pg-rec-gone'))).status).toBe(202);
    expect(await checks.check(target('pg-rec-gone'))).toMatchObject({ kind: 'deleted', code: 'ResourceNotFound' });

    harness.sandbox.control.addFault({ kind: 'throttle', count: 4, retryAfterSeconds: 0, routes: ['flexibleServers.get'] });
    expect(await checks.check(target('pg-rec-gone'))).toMatchObject({ kind: 'notChecked', reason: 'unavailable', detail: 'Azure did not answer (HTTP 429 TooManyRequests)' });
    // Signed out: ARM refuses the token the client still holds (401), and no new one is given.
    harness.account.signOut();
    for (const token of harness.account.issuedTokens) harness.sandbox.control.revokeToken(token);
    expect(await checks.check(target('pg-rec-gone'))).toMatchObject({ kind: 'notChecked', reason: 'signedOut' });
    expect((await known())?.kind).toBe('deleted');
  });

  it('a run of 429s marks a present server nothing; asked for in a group that is not there (ResourceGroupNotFound), it is found where it is', async () => {
    const { checks, known } = await setup('pg-rec-kept');
    harness.sandbox.control.addFault({ kind: 'throttle', count: 4, retryAfterSeconds: 0, routes: ['flexibleServers.get'] });
    expect((await checks.check(target('pg-rec-kept'))).kind).toBe('notChecked');
    expect(await known()).toBeUndefined();
    expect(await checks.check(target('pg-rec-kept', 'rg-not-there'))).toMatchObject({ kind: 'moved', resourceGroup: RESOURCE_GROUP });
    expect(await checks.check(target('pg-rec-nowhere', 'rg-not-there'))).toMatchObject({ kind: 'deleted', code: 'ResourceGroupNotFound' });
  });

  it("moved to another group through ARM's moveResources: found moved there, with one list of the subscription's servers", async () => {
    const { checks } = await setup('pg-rec-moved');
    const other = { name: 'rg-moved-to' };
    expect((await armRequest(harness.sandbox, 'PUT', `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${other.name}?api-version=2025-04-01`, { body: { location: 'eastus' } })).status).toBe(201);
    const move = await armRequest(harness.sandbox, 'POST', `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/moveResources?api-version=2021-04-01`, {
      body: { resources: [serverPath('pg-rec-moved').split('?')[0]], targetResourceGroup: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${other.name}` },
    });
    expect(move.status).toBe(202);
    harness.sandbox.control.resetRequests();
    expect(await checks.check(target('pg-rec-moved'))).toMatchObject({ kind: 'moved', resourceGroup: other.name });
    expect(harness.sandbox.control.requestCounts()).toMatchObject({ 'flexibleServers.get': 1, 'flexibleServers.list': 1 });
    expect(await checks.check(target('pg-rec-moved', other.name))).toMatchObject({ kind: 'found', state: 'Ready' });
  });

  it('moved to a group of another subscription: found there, named as the account lists it, never called deleted', async () => {
    const { checks } = await setup('pg-rec-away');
    const [, away] = SANDBOX_SUBSCRIPTIONS;
    const awayGroup = SEEDED_RESOURCE_GROUPS.find((g) => g.subscriptionId === away.subscriptionId)!.name;
    const move = await armRequest(harness.sandbox, 'POST', `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/moveResources?api-version=2021-04-01`, {
      body: { resources: [serverPath('pg-rec-away').split('?')[0]], targetResourceGroup: `/subscriptions/${away.subscriptionId}/resourceGroups/${awayGroup}` },
    });
    expect(move.status).toBe(202);
    harness.sandbox.control.resetRequests();
    expect(await checks.check(target('pg-rec-away'))).toEqual({ kind: 'moved', subscriptionId: away.subscriptionId, subscriptionName: away.displayName, resourceGroup: awayGroup, at: expect.any(Number) });
    // Its own subscription's list first, then the other one's: one list each.
    expect(harness.sandbox.control.requestCounts()).toMatchObject({ 'flexibleServers.get': 1, 'flexibleServers.list': 2 });
    expect(await checks.check({ ...target('pg-rec-away', awayGroup), subscriptionId: away.subscriptionId })).toMatchObject({ kind: 'found', state: 'Ready' });
  });
});
