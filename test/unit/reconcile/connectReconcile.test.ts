import { describe, expect, it } from 'vitest';
import { REMOVE_CONNECTION } from '../../../src/connections/connectionCommands';
import { ConnectionFailure } from '../../../src/connections/connectionFailure';
import { connectWithRecovery } from '../../../src/connections/connectFlow';
import type { ConnectionManager } from '../../../src/connections/connectionManager';
import { OPEN_IN_PORTAL } from '../../../src/notifications/deploymentNotifications';
import { REMOVE_SAVED_CONNECTION, START_SERVER } from '../../../src/reconcile/serverActions';
import { armRestError } from '../../support/armRestError';
import { CONTOSO_PROFILE } from '../../support/connectionFakes';
import { reconcileWorld } from '../../support/reconcileWorld';

const notFound = new ConnectionFailure('notFound', "The server name 'contoso.postgres.database.azure.com' could not be resolved.", 'Check that the server exists in Azure and that its name is spelled correctly.');

async function setup(failure: ConnectionFailure) {
  const world = reconcileWorld();
  const profile = await world.store.saveProfile(CONTOSO_PROFILE);
  let attempts = 0;
  const manager = {
    connect: async () => {
      attempts++;
      throw failure;
    },
  } as unknown as ConnectionManager;
  const log = { info: () => undefined, warn: () => undefined };
  const run = () =>
    connectWithRecovery(profile.id, { store: world.store, manager, notifier: world.notifier, firewall: { allowClientIp: async () => undefined }, log, explainFromAzure: (p, t) => world.actions.explainConnectFailure(p, t) });
  return { ...world, profile, run, attempts: () => attempts };
}

describe('connecting to a saved server Azure no longer has', () => {
  it('says the server no longer exists in Azure, offering Remove Saved Connection and Open in Azure Portal, instead of the connection error', async () => {
    const s = await setup(notFound);
    s.reader.answer('contoso', { error: armRestError(404, 'ResourceNotFound', 'not found') });
    const outcome = await s.run();
    expect(outcome.connected).toBe(false);
    expect(s.notifier.shown).toEqual([
      {
        kind: 'error',
        message: "The server 'contoso' no longer exists in Azure (resource group 'rg-data'): it was deleted or moved. Remove its saved connection, or look for it in the Azure Portal.",
        actions: [REMOVE_SAVED_CONNECTION, OPEN_IN_PORTAL],
      },
    ]);
    expect(s.reader.reads).toEqual(['contoso']);
    expect(s.attempts()).toBe(1);
  });

  it('Remove Saved Connection from that message removes the profile after the confirmation', async () => {
    const s = await setup(notFound);
    s.reader.answer('contoso', { error: armRestError(404, 'ResourceNotFound', 'not found') });
    s.notifier.answerNext(REMOVE_SAVED_CONNECTION, REMOVE_CONNECTION);
    await s.run();
    expect(s.store.getProfiles()).toEqual([]);
    expect(s.notifier.shown.at(-1)).toMatchObject({ kind: 'confirm', detail: expect.stringContaining("Azure has no server 'contoso' any more.") });
  });

  it('Open in Azure Portal from that message opens the server\'s portal page', async () => {
    const s = await setup(notFound);
    s.reader.answer('contoso', { error: armRestError(404, 'ResourceNotFound', 'not found') });
    s.notifier.answerNext(OPEN_IN_PORTAL);
    await s.run();
    expect(s.opened).toEqual(['https://portal.azure.com/#@tenant-1/resource/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso']);
    expect(s.store.getProfiles()).toHaveLength(1);
  });

  it('a stopped server: says so and offers Start Server, which starts it', async () => {
    const s = await setup(new ConnectionFailure('unreachable', "Could not reach 'contoso' (ECONNREFUSED).", 'Check that the server is started.'));
    s.reader.answer('contoso', { state: 'Stopped' });
    s.notifier.answerNext(START_SERVER);
    await s.run();
    expect(s.notifier.shown[0]).toEqual({ kind: 'error', message: "The server 'contoso' is stopped in Azure: start it, then connect again.", actions: [START_SERVER, OPEN_IN_PORTAL] });
    expect(s.started.map((t) => t.serverName)).toEqual(['contoso']);
  });

  it('a server without public access: says so and how to reach it, and offers no firewall rule (a rule would admit nobody)', async () => {
    const refused = new ConnectionFailure('firewall', "The server's firewall does not allow connections from 203.0.113.7.", 'Add a firewall rule.', '203.0.113.7');
    for (const failure of [notFound, refused]) {
      const s = await setup(failure);
      s.reader.answer('contoso', { state: 'Ready', publicNetworkAccess: 'Disabled' });
      s.notifier.answerNext(OPEN_IN_PORTAL);
      await s.run();
      expect(s.notifier.shown).toEqual([
        {
          kind: 'error',
          message: "The server 'contoso' has no public access: it takes connections only from inside its virtual network. Connect from there, or enable public access in the Azure Portal (Networking).",
          actions: [OPEN_IN_PORTAL],
        },
      ]);
      expect(s.opened).toHaveLength(1);
      expect(s.attempts()).toBe(1);
    }
  });

  it('a firewall refusal from a server with public access asks Azure once, then offers the rule as before', async () => {
    const s = await setup(new ConnectionFailure('firewall', "The server's firewall does not allow connections from 203.0.113.7.", 'Add a firewall rule.', '203.0.113.7'));
    s.reader.answer('contoso', { state: 'Ready', publicNetworkAccess: 'Enabled' });
    await s.run();
    expect(s.reader.reads).toEqual(['contoso']);
    expect(s.notifier.shown).toEqual([{ kind: 'error', message: expect.stringContaining("Could not connect to 'contoso'"), actions: ['Add firewall rule for 203.0.113.7'] }]);
  });

  it('Azure throttled, unreachable, signed out, or the server there and running: the connection\'s own error, as before', async () => {
    for (const answer of [{ error: armRestError(429, 'TooManyRequests', 'throttled') }, { error: armRestError(503, 'ServiceUnavailable', 'x') }, { state: 'Ready' }]) {
      const s = await setup(notFound);
      s.reader.answer('contoso', answer);
      await s.run();
      expect(s.notifier.shown).toEqual([{ kind: 'error', message: expect.stringContaining("Could not connect to 'contoso': The server name"), actions: [] }]);
    }
  });

  it('a failure that proves the server is there (password refused) asks Azure nothing', async () => {
    const s = await setup(new ConnectionFailure('authentication', "Password authentication failed for user 'pgadmin'.", 'Check the password.'));
    await s.run();
    expect(s.reader.reads).toEqual([]);
  });
});
