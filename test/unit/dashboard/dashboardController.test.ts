import { describe, expect, it } from 'vitest';
import { ConnectionFailure } from '../../../src/connections/connectionFailure';
import { facts, fakeDashboard, profile, states } from './dashboardFakes';

const controller = fakeDashboard;

describe('DashboardController', () => {
  it("answers ready with the Azure facts (the region by its name), the firewall and the live stats", async () => {
    const rule = { name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' };
    const { c, posted, read } = controller({ connected: true, rules: [rule], clientIp: '203.0.113.7' });
    await c.onMessage({ type: 'ready' });
    expect(read).toEqual([{ tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-data', serverName: 'contoso' }]);
    expect(states(posted)).toEqual([
      {
        profileId: profile.id,
        profileName: 'contoso',
        server: profile.server,
        user: 'pgadmin',
        database: 'postgres',
        arm: { status: 'loaded', facts: { ...facts, locationDisplayName: 'West Europe' } },
        live: { status: 'connected', serverVersion: '16.4', databases: [{ name: 'postgres', sizeBytes: 8_000_000 }], activeConnections: 3 },
        firewall: { status: 'loaded', rules: [rule], clientIp: '203.0.113.7' },
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

  it('shows the raw region when the location list does not name it', async () => {
    const { c, posted } = controller({ regionsFail: true });
    await c.onMessage({ type: 'ready' });
    expect(states(posted)[0].arm).toEqual({ status: 'loaded', facts });
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
