import { BehaviorSubject, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../../src/connections/connectionStore';
import { ConnectionFailure } from '../../../src/connections/connectionFailure';
import { ConnectionsTreeModel } from '../../../src/connections/connectionsTreeModel';
import { CONNECTION_COMMANDS } from '../../../src/commandIds';
import { connectionCommandHandlers } from '../../../src/connections/connectionCommands';
import { InMemoryProfileSettings, InMemorySecrets, ScriptedNotifier } from '../../support/connectionFakes';

const alice = { id: 'a', server: 'a.postgres.database.azure.com', profileName: 'alpha', database: '', user: 'alice', authenticationType: 'SqlLogin', savePassword: true } as const;
const ada = { id: 'b', server: 'b.postgres.database.azure.com', profileName: 'beta', database: '', user: 'ada@contoso.com', entraUserName: 'ada@contoso.com', authenticationType: 'AzureMFA', azureTenantId: 't', savePassword: false } as const;

function fakeManager(connected: string[], failure?: ConnectionFailure) {
  const connected$ = new BehaviorSubject<ReadonlySet<string>>(new Set(connected));
  const disconnected: string[] = [];
  return {
    connected$,
    disconnected,
    isConnected: (id: string) => connected$.value.has(id),
    lastFailure: () => failure,
    listDatabases: async () => [{ name: 'postgres', sizeBytes: 7_000_000 }, { name: 'sales' }],
    disconnect: async (id: string) => void disconnected.push(id),
  };
}

describe('the Connections view model', () => {
  it('lists saved servers with their connection state', async () => {
    const store = new ConnectionStore(new InMemoryProfileSettings([ada, alice]), new InMemorySecrets());
    const model = new ConnectionsTreeModel(store, fakeManager(['b']));
    const servers = await firstValueFrom(model.servers$);
    expect(servers.map((s) => [s.label, s.description, s.connected])).toEqual([
      ['alpha', 'alice@a.postgres.database.azure.com', false],
      ['beta', 'ada@contoso.com@b.postgres.database.azure.com', true],
    ]);
  });

  it("shows a connected server's databases, and a connect row with the last failure otherwise", async () => {
    const store = new ConnectionStore(new InMemoryProfileSettings([ada, alice]), new InMemorySecrets());
    const failure = new ConnectionFailure('authentication', 'Password authentication failed.', 'Check the password.');
    const model = new ConnectionsTreeModel(store, fakeManager(['b'], failure));
    expect(await model.children('b')).toEqual([
      { kind: 'database', profileId: 'b', name: 'postgres', sizeBytes: 7_000_000 },
      { kind: 'database', profileId: 'b', name: 'sales', sizeBytes: undefined },
    ]);
    expect(await model.children('a')).toEqual([
      { kind: 'message', profileId: 'a', text: 'Connection failed — connect again', tooltip: 'Password authentication failed. Check the password.', command: 'pgsql.connect' },
    ]);
  });
});

describe('connection commands', () => {
  function setup() {
    const store = new ConnectionStore(new InMemoryProfileSettings([alice, ada]), new InMemorySecrets());
    const notifier = new ScriptedNotifier();
    const manager = fakeManager(['a']);
    const connects: string[] = [];
    const handlers = connectionCommandHandlers({
      store,
      manager,
      notifier,
      connect: async (id) => {
        connects.push(id);
        return { connected: true };
      },
      refresh: () => undefined,
    });
    return { store, notifier, manager, connects, handlers };
  }

  it('Connect from a node connects that profile; from the palette the user picks one', async () => {
    const { handlers, connects, notifier } = setup();
    await handlers[CONNECTION_COMMANDS.connect]({ profileId: 'a' });
    notifier.answerNext('beta');
    await handlers[CONNECTION_COMMANDS.connect]();
    expect(connects).toEqual(['a', 'b']);
  });

  it('Remove asks first, then removes the profile and disconnects it', async () => {
    const { handlers, store, notifier, manager } = setup();
    await handlers[CONNECTION_COMMANDS.removeConnection]('a');
    expect(store.getProfile('a')).toBeDefined();
    notifier.answerNext('Remove');
    await handlers[CONNECTION_COMMANDS.removeConnection]('a');
    expect(store.getProfile('a')).toBeUndefined();
    expect(manager.disconnected).toEqual(['a']);
  });

  it('names a profile that no longer exists instead of failing', async () => {
    const { handlers, notifier, connects } = setup();
    await handlers[CONNECTION_COMMANDS.connect]('gone');
    expect(connects).toEqual([]);
    expect(notifier.shown).toEqual([{ kind: 'error', message: 'That connection profile no longer exists.', actions: [] }]);
  });
});
