import { describe, expect, it } from 'vitest';
import { SANDBOX_TENANT_ID } from '../../../sandbox';
import { MAX_NAME_CANDIDATES } from '../../../machines/flexDeployment/serverNameSuggestions';
import type { HostMessage } from '../../../machines/webview/protocol';
import { FakeLog, formCatalogOver } from '../../unit/createServer/fakes';
import { createRequest, readUntilEnded, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

async function createServer(serverName: string): Promise<void> {
  const { observation } = await readUntilEnded(h.services, await startDeployment(h.services, createRequest(serverName)));
  expect(observation.kind).toBe('succeeded');
}

describe('free names for a taken server name, checked against the sandbox', () => {
  it('are free there: the taken name and a taken candidate are left out, each one suggested can be created', async () => {
    await createServer('pg-names');
    await createServer('pg-names-2');
    const posted: HostMessage[] = [];
    const subscription = { subscriptionId: SUBSCRIPTION_ID, tenantId: SANDBOX_TENANT_ID, displayName: 'Sandbox Pay-As-You-Go' };
    const form = formCatalogOver(h.services.catalog, posted, { log: new FakeLog(), subscription, refusedServerName: () => undefined, random: Math.random });
    h.sandbox.requests.reset();

    await form.onServerNameChanged(SUBSCRIPTION_ID, 'pg-names', 'eastus');

    expect(posted[0]).toMatchObject({ type: 'form.serverNameAvailability', serverName: 'pg-names', available: false });
    const answer = posted.find((m) => m.type === 'form.serverNameSuggestions');
    expect(answer).toMatchObject({ serverName: 'pg-names' });
    const suggestions = answer?.type === 'form.serverNameSuggestions' ? answer.suggestions : [];
    expect(suggestions).toHaveLength(3);
    expect(suggestions).not.toContain('pg-names-2');
    expect(suggestions[0]).toBe('pg-names-eastus');
    // The taken name, the taken candidate, then the free ones until three: a handful of calls.
    expect(h.sandbox.requests.count('flexibleServers.checkNameAvailability')).toBe(5);
    expect(h.sandbox.requests.count('flexibleServers.checkNameAvailability')).toBeLessThanOrEqual(1 + MAX_NAME_CANDIDATES);

    await createServer(suggestions[0]);
    expect(await h.services.catalog.checkNameAvailability(SUBSCRIPTION_ID, suggestions[0])).toMatchObject({ available: false });
  });

  it("flags on Retry a name Azure refused with ServerNameAlreadyExists: the name check says taken, and free names are offered", async () => {
    h.sandbox.control.scriptOutcome('pg-refused', { outcome: 'fail', error: 'ServerNameAlreadyExists' });
    const { observation } = await readUntilEnded(h.services, await startDeployment(h.services, createRequest('pg-refused')));
    expect(observation).toMatchObject({ kind: 'failed', error: { code: 'ServerNameAlreadyExists' } });
    const posted: HostMessage[] = [];
    const subscription = { subscriptionId: SUBSCRIPTION_ID, tenantId: SANDBOX_TENANT_ID, displayName: 'Sandbox Pay-As-You-Go' };
    const form = formCatalogOver(h.services.catalog, posted, { log: new FakeLog(), subscription, refusedServerName: () => 'pg-refused', random: Math.random });

    await form.onServerNameChanged(SUBSCRIPTION_ID, 'pg-refused', 'eastus');

    expect(posted[0]).toMatchObject({ type: 'form.serverNameAvailability', serverName: 'pg-refused', available: false });
    expect(posted.find((m) => m.type === 'form.serverNameSuggestions')).toMatchObject({ serverName: 'pg-refused', suggestions: expect.arrayContaining(['pg-refused-eastus']) });
  });
});
