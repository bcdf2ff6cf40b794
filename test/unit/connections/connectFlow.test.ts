import { describe, expect, it } from 'vitest';
import { classifyConnectionError, ConnectionFailure } from '../../../src/connections/connectionFailure';
import { connectWithRecovery } from '../../../src/connections/connectFlow';
import { ConnectionStore } from '../../../src/connections/connectionStore';
import type { ConnectionManager } from '../../../src/connections/connectionManager';
import type { FirewallTarget } from '../../../src/connections/firewallRules';
import { CONTOSO_PROFILE, InMemoryProfileSettings, InMemorySecrets, ScriptedNotifier } from '../../support/connectionFakes';

const target = { server: 'contoso.postgres.database.azure.com', user: 'pgadmin', entra: false };

describe('classifyConnectionError', () => {
  it('reads the client address from a firewall refusal', () => {
    const f = classifyConnectionError({ code: '28000', message: 'no pg_hba.conf entry for host "203.0.113.7", user "pgadmin", database "postgres", SSL encryption' }, target);
    expect([f.kind, f.clientIp, f.nextStep]).toEqual(['firewall', '203.0.113.7', 'Add a firewall rule for 203.0.113.7 to the server, then connect again.']);
  });

  it('gives a reason and a next step for authentication, DNS and network failures', () => {
    expect(classifyConnectionError({ code: '28P01', message: 'password authentication failed for user "pgadmin"' }, target).kind).toBe('authentication');
    expect(classifyConnectionError({ code: '28P01', message: 'x' }, { ...target, entra: true }).nextStep).toContain('Microsoft Entra administrator');
    expect(classifyConnectionError({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' }, target).reason).toBe("The server name 'contoso.postgres.database.azure.com' could not be resolved.");
    expect(classifyConnectionError({ code: 'ECONNREFUSED' }, target).nextStep).toContain('port 5432');
    expect(classifyConnectionError(new Error('Connection terminated due to connection timeout'), target).kind).toBe('unreachable');
  });
});

describe('connectWithRecovery', () => {
  const firewallFailure = new ConnectionFailure('firewall', "The server's firewall does not allow connections from 203.0.113.7.", 'Add a firewall rule.', '203.0.113.7');

  async function setup(failures: ConnectionFailure[], ruleError?: Error) {
    const store = new ConnectionStore(new InMemoryProfileSettings(), new InMemorySecrets());
    const profile = await store.saveProfile(CONTOSO_PROFILE);
    let attempts = 0;
    const manager = {
      connect: async () => {
        attempts++;
        const failure = failures.shift();
        if (failure) throw failure;
      },
    } as unknown as ConnectionManager;
    const rules: FirewallTarget[] = [];
    const firewall = {
      allowClientIp: async (t: FirewallTarget) => {
        rules.push(t);
        if (ruleError) throw ruleError;
      },
    };
    const notifier = new ScriptedNotifier();
    const logged: string[] = [];
    const log = { info: (m: string) => void logged.push(`[info] ${m}`), warn: (m: string) => void logged.push(`[warn] ${m}`) };
    return { run: () => connectWithRecovery(profile.id, { store, manager, notifier, firewall, log }), notifier, rules, attempts: () => attempts, store, logged };
  }

  it('adds no rule and does not retry when the user closes the offer; the profile stays', async () => {
    const s = await setup([firewallFailure]);
    const outcome = await s.run();
    expect(outcome.connected).toBe(false);
    expect(s.rules).toEqual([]);
    expect(s.attempts()).toBe(1);
    expect(s.store.getProfiles()).toHaveLength(1);
  });

  it('when ARM refuses the rule, says how to add it by hand and does not connect again', async () => {
    const s = await setup([firewallFailure], new Error('AuthorizationFailed'));
    s.notifier.answerNext('Add firewall rule for 203.0.113.7');
    const outcome = await s.run();
    expect(outcome.connected).toBe(false);
    expect(s.attempts()).toBe(1);
    expect(s.notifier.shown.at(-1)?.message).toBe(
      "Could not connect to 'contoso': Could not add the firewall rule for 203.0.113.7: AuthorizationFailed Add it in the Azure portal (Networking of 'contoso'), then connect again.",
    );
  });

  it('connects exactly once more after adding the rule, and reports a second failure without a third try', async () => {
    const s = await setup([firewallFailure, firewallFailure]);
    s.notifier.answerNext('Add firewall rule for 203.0.113.7');
    const outcome = await s.run();
    expect(outcome.connected).toBe(false);
    expect(s.attempts()).toBe(2);
    expect(s.rules).toEqual([{ tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-data', serverName: 'contoso' }]);
    expect(s.notifier.shown.filter((m) => m.kind === 'error')).toHaveLength(2);
    const contoso = "'contoso' (pgadmin@contoso.postgres.database.azure.com, SqlLogin)";
    expect(s.logged).toEqual([
      `[info] Connecting to ${contoso}…`,
      `[warn] Connecting to ${contoso} failed (firewall): The server's firewall does not allow connections from 203.0.113.7.`,
      "[info] Adding a firewall rule for 203.0.113.7 to 'contoso', as the user asked.",
      `[info] Connecting to ${contoso}…`,
      `[warn] Connecting to ${contoso} failed (firewall): The server's firewall does not allow connections from 203.0.113.7.`,
    ]);
  });

  it('logs a success', async () => {
    const s = await setup([]);
    await s.run();
    expect(s.logged.at(-1)).toBe("[info] Connected to 'contoso' (pgadmin@contoso.postgres.database.azure.com, SqlLogin).");
  });

  it('shows an authentication failure with its next step and offers nothing else', async () => {
    const s = await setup([new ConnectionFailure('authentication', "Password authentication failed for user 'pgadmin'.", 'Check the user name and password.')]);
    await s.run();
    expect(s.notifier.shown).toEqual([{ kind: 'error', message: "Could not connect to 'contoso': Password authentication failed for user 'pgadmin'. Check the user name and password.", actions: [] }]);
  });
});
