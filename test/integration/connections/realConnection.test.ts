import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../../src/connections/connectionStore';
import { ConnectionManager } from '../../../src/connections/connectionManager';
import { ConnectionFailure } from '../../../src/connections/connectionFailure';
import { OSSRDBMS_SCOPE } from '../../../src/azure/armEnvironment';
import { connectWithRecovery } from '../../../src/connections/connectFlow';
import type { FirewallTarget } from '../../../src/connections/firewallRules';
import type { ConnectionProfileInput } from '../../../src/connections/connectionProfile';
import type { PasswordPrompt, ServerAddressResolver, TokenSource } from '../../../src/connections/ports';
import { InMemoryProfileSettings, InMemorySecrets, ScriptedNotifier } from '../../support/connectionFakes';
import { startPostgresServer, type PostgresServer } from '../../support/postgresServer';
import { startPgliteServer, type PgliteServer } from '../../support/pgliteServer';

const ADMIN_PASSWORD = 'Adm1n!Passw0rd';
const SERVER = 'contoso.postgres.database.azure.com';

/** Like the sandbox resolver: the Azure name maps to a loopback PostgreSQL without TLS. */
function loopback(port: number): ServerAddressResolver {
  return { resolve: async () => ({ host: '127.0.0.1', port, tls: false }) };
}

class QueuedPrompt implements PasswordPrompt {
  asked = 0;
  constructor(private readonly answers: (string | undefined)[] = []) {}
  async askPassword(): Promise<string | undefined> {
    this.asked++;
    return this.answers.shift();
  }
}

class RecordingTokens implements TokenSource {
  readonly requests: { tenantId: string; scopes: readonly string[] }[] = [];
  constructor(private readonly token: string) {}
  async getToken(tenantId: string, scopes: readonly string[]): Promise<string> {
    this.requests.push({ tenantId, scopes });
    return this.token;
  }
}

function harness(port: number, opts: { prompt?: PasswordPrompt; tokens?: TokenSource } = {}) {
  const secrets = new InMemorySecrets();
  const settings = new InMemoryProfileSettings();
  const store = new ConnectionStore(settings, secrets);
  const manager = new ConnectionManager(store, {
    resolver: loopback(port),
    tokens: opts.tokens ?? new RecordingTokens('unused'),
    prompt: opts.prompt ?? new QueuedPrompt(),
  });
  return { secrets, settings, store, manager };
}

const passwordProfile: ConnectionProfileInput = {
  server: SERVER,
  profileName: 'contoso',
  database: '',
  user: 'pgadmin',
  authenticationType: 'SqlLogin',
  azureTenantId: 'tenant-1',
  azureSubscriptionId: 'sub-1',
  azureResourceGroup: 'rg-data',
  savePassword: true,
};

describe('a real connection to the embedded PostgreSQL (PGlite over the wire protocol)', () => {
  let pglite: PgliteServer;
  beforeAll(async () => {
    pglite = await startPgliteServer();
  });
  afterAll(async () => {
    await pglite?.stop();
  });

  it('connects, lists databases with sizes and reads the live stats, from two managers at once', async () => {
    const a = harness(pglite.port);
    const b = harness(pglite.port);
    const pa = await a.store.saveProfile({ ...passwordProfile, user: 'postgres' });
    const pb = await b.store.saveProfile({ ...passwordProfile, user: 'postgres' });
    await a.store.saveProfilePasswordIfNeeded(pa, 'any');
    await b.store.saveProfilePasswordIfNeeded(pb, 'any');

    const [statsA, databasesB] = await Promise.all([a.manager.readLiveStats(pa.id), b.manager.listDatabases(pb.id)]);

    expect(statsA.serverVersion).toMatch(/^\d+/);
    expect(statsA.databases.map((d) => d.name)).toContain('postgres');
    expect(statsA.databases.find((d) => d.name === 'postgres')?.sizeBytes).toBeGreaterThan(0);
    expect(statsA.activeConnections).toBeGreaterThanOrEqual(0);
    expect(databasesB.map((d) => d.name)).toContain('postgres');
    expect(a.manager.isConnected(pa.id)).toBe(true);
    a.manager.dispose();
    b.manager.dispose();
  });
});

describe('a real connection to a PostgreSQL server with SCRAM password authentication', () => {
  let pg: PostgresServer;
  beforeAll(async () => {
    pg = await startPostgresServer(ADMIN_PASSWORD, { adminOnly: true });
    await pg.sql(`create role "ada@contoso.com" login password 'entra-token-123'`);
    await pg.sql(`create role outsider login password 'Outs1der!pw'`);
  });
  afterAll(() => pg?.stop());

  it('connects with the password from SecretStorage', async () => {
    const h = harness(pg.port);
    const profile = await h.store.saveProfile(passwordProfile);
    await h.store.saveProfilePasswordIfNeeded(profile, ADMIN_PASSWORD);

    const stats = await h.manager.readLiveStats(profile.id);

    expect(stats.serverVersion).toMatch(/^15\./);
    expect(stats.activeConnections).toBeGreaterThanOrEqual(1);
    expect(stats.databases.map((d) => d.name)).toEqual(['postgres']);
    h.manager.dispose();
  });

  it('refuses a wrong password with a clear error, keeps the profile, and asks for the password next time', async () => {
    const prompt = new QueuedPrompt([ADMIN_PASSWORD]);
    const h = harness(pg.port, { prompt });
    const profile = await h.store.saveProfile(passwordProfile);
    await h.store.saveProfilePasswordIfNeeded(profile, 'Wr0ng!password');

    const failure = await h.manager.connect(profile.id).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(failure).toBeInstanceOf(ConnectionFailure);
    expect(failure).toMatchObject({ kind: 'authentication', reason: "Password authentication failed for user 'pgadmin'." });
    expect((failure as ConnectionFailure).nextStep).toMatch(/password/);
    expect(h.store.getProfile(profile.id)).toBeDefined();
    expect(prompt.asked).toBe(0);

    await h.manager.connect(profile.id);
    expect(prompt.asked).toBe(1);
    expect(h.manager.isConnected(profile.id)).toBe(true);
    // The password typed after the refusal replaced the wrong one, in SecretStorage only.
    expect(await h.store.getSavedPassword(profile)).toBe(ADMIN_PASSWORD);
    expect(h.settings.text()).not.toContain(ADMIN_PASSWORD);
    h.manager.dispose();
  });

  it('signs in with Microsoft Entra: the token as the password, the Entra user name as the user', async () => {
    const tokens = new RecordingTokens('entra-token-123');
    const h = harness(pg.port, { tokens });
    await pg.allowAllHosts();
    const profile = await h.store.saveProfile({ ...passwordProfile, user: 'ada@contoso.com', entraUserName: 'ada@contoso.com', authenticationType: 'AzureMFA', savePassword: false });

    const client = await h.manager.connect(profile.id);

    expect((await client.query<{ u: string }>('select current_user as u')).rows[0].u).toBe('ada@contoso.com');
    expect(tokens.requests).toEqual([{ tenantId: 'tenant-1', scopes: [OSSRDBMS_SCOPE] }]);
    expect(h.secrets.values.size).toBe(0);
    h.manager.dispose();
  });
});

describe('a firewall refusal from a real PostgreSQL server', () => {
  let pg: PostgresServer;
  beforeAll(async () => {
    pg = await startPostgresServer(ADMIN_PASSWORD, { adminOnly: true });
    await pg.sql(`create role outsider login password 'Outs1der!pw'`);
  });
  afterAll(() => pg?.stop());

  it('offers a rule for the address the server reported, adds it and connects once more', async () => {
    const h = harness(pg.port);
    const profile = await h.store.saveProfile({ ...passwordProfile, user: 'outsider' });
    await h.store.saveProfilePasswordIfNeeded(profile, 'Outs1der!pw');
    const notifier = new ScriptedNotifier().answerNext('Add firewall rule for 127.0.0.1');
    const rules: { target: FirewallTarget; ip: string }[] = [];
    const firewall = {
      async allowClientIp(target: FirewallTarget, ip: string) {
        rules.push({ target, ip });
        await pg.allowAllHosts();
      },
    };

    const outcome = await connectWithRecovery(profile.id, { store: h.store, manager: h.manager, notifier, firewall, log: { info: () => undefined, warn: () => undefined } });

    expect(outcome.connected).toBe(true);
    expect(rules).toEqual([{ target: { tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-data', serverName: 'contoso' }, ip: '127.0.0.1' }]);
    expect(notifier.shown[0]).toMatchObject({ kind: 'error', actions: ['Add firewall rule for 127.0.0.1'] });
    expect(notifier.shown[0].message).toContain("The server's firewall does not allow connections from 127.0.0.1.");
    h.manager.dispose();
  });
});
