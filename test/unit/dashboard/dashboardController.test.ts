import { describe, expect, it } from 'vitest';
import type { DashboardHostMessage, ServerFacts } from '../../../machines/webview/dashboardMessages';
import { DashboardController } from '../../../src/dashboard/dashboardController';
import { ConnectionFailure } from '../../../src/connections/connectionFailure';
import type { ConnectionProfile } from '../../../src/connections/connectionProfile';
import type { FirewallTarget } from '../../../src/connections/firewallRules';
import { recordingPortal } from '../../support/recordingPortal';

const profile: ConnectionProfile = {
  id: 'flex-stg-1',
  server: 'contoso.postgres.database.azure.com',
  profileName: 'contoso',
  database: '',
  user: 'pgadmin',
  authenticationType: 'SqlLogin',
  azureResourceId: '/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso',
  azureTenantId: 'tenant-1',
  savePassword: true,
};

const facts: ServerFacts = { resourceId: profile.azureResourceId!, state: 'Ready', version: '16', skuName: 'Standard_B1ms', location: 'westeurope', fqdn: profile.server };

function controller(opts: { connected: boolean; failure?: ConnectionFailure; armFails?: boolean }) {
  const posted: DashboardHostMessage[] = [];
  const warnings: string[] = [];
  const read: FirewallTarget[] = [];
  let connected = opts.connected;
  const connects: string[] = [];
  const { portal, opened } = recordingPortal();
  const c = new DashboardController(profile.id, {
    store: { getProfile: (id) => (id === profile.id ? profile : undefined) },
    facts: {
      read: async (target) => {
        read.push(target);
        if (opts.armFails) throw new Error('AuthorizationFailed');
        return facts;
      },
    },
    manager: {
      isConnected: () => connected,
      lastFailure: () => (connected ? undefined : opts.failure),
      readLiveStats: async () => ({ serverVersion: '16.4', databases: [{ name: 'postgres', sizeBytes: 8_000_000 }], activeConnections: 3 }),
    },
    connect: async (id) => {
      connects.push(id);
      connected = true;
      return { connected: true };
    },
    portal,
    now: () => 1_700_000_000_000,
    post: (m) => posted.push(m),
    warn: (m) => warnings.push(m),
  });
  return { c, posted, warnings, read, connects, opened };
}

const states = (posted: DashboardHostMessage[]) => posted.flatMap((m) => (m.type === 'dashboard.state' ? [m.state] : []));

describe('DashboardController', () => {
  it('answers ready with the Azure facts and the live stats', async () => {
    const { c, posted, read } = controller({ connected: true });
    await c.onMessage({ type: 'ready' });
    expect(read).toEqual([{ tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-data', serverName: 'contoso' }]);
    expect(states(posted)).toEqual([
      {
        profileId: profile.id,
        profileName: 'contoso',
        server: profile.server,
        user: 'pgadmin',
        database: 'postgres',
        arm: { status: 'loaded', facts },
        live: { status: 'connected', serverVersion: '16.4', databases: [{ name: 'postgres', sizeBytes: 8_000_000 }], activeConnections: 3 },
        refreshedAt: 1_700_000_000_000,
      },
    ]);
  });

  it('does not connect on its own: a refused connection shows its reason until the user presses Connect', async () => {
    const failure = new ConnectionFailure('firewall', "The server's firewall does not allow connections from 1.2.3.4.", 'Add a firewall rule for 1.2.3.4 to the server, then connect again.', '1.2.3.4');
    const { c, posted, connects } = controller({ connected: false, failure });
    await c.onMessage({ type: 'dashboard.refresh' });
    expect(connects).toEqual([]);
    expect(states(posted)[0].live).toEqual({ status: 'disconnected', reason: failure.reason, nextStep: failure.nextStep });

    await c.onMessage({ type: 'dashboard.connect' });
    expect(connects).toEqual([profile.id]);
    expect(states(posted)[1].live.status).toBe('connected');
  });

  it('shows an ARM failure without hiding the live part', async () => {
    const { c, posted } = controller({ connected: true, armFails: true });
    await c.onMessage({ type: 'dashboard.refresh' });
    const [state] = states(posted);
    expect(state.arm).toEqual({ status: 'failed', message: "Could not read 'contoso' from Azure: AuthorizationFailed" });
    expect(state.live.status).toBe('connected');
  });

  it("Open in Azure Portal opens the server's portal page in its tenant, and posts nothing", async () => {
    const { c, posted, opened } = controller({ connected: true });
    await c.onMessage({ type: 'dashboard.openInPortal' });
    expect(opened).toEqual([`https://portal.azure.com/#@tenant-1/resource${profile.azureResourceId}`]);
    expect(posted).toEqual([]);
  });

  it('ignores a malformed message and says why in the log', async () => {
    const { c, posted, warnings } = controller({ connected: true });
    await c.onMessage({ type: 'dashboard.refresh', extra: 'x' });
    await c.onMessage('nonsense');
    expect(posted).toEqual([]);
    expect(warnings).toHaveLength(2);
  });
});
