import { describe, expect, it } from 'vitest';
import { RestError } from '@azure/core-rest-pipeline';
import { fakeDashboard, notices, profile, states } from './dashboardFakes';

const office = { name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' };
const PASSWORD = 'Sup3r$ecret!';

function armRefusal(status: number, code: string, message: string): RestError {
  return new RestError(message, { statusCode: status, code });
}

describe('the dashboard actions', () => {
  it('Disconnect closes the connection and shows Connect again', async () => {
    const { c, posted, disconnects } = fakeDashboard({ connected: true });
    await c.onMessage({ type: 'dashboard.disconnect' });
    expect(disconnects).toEqual([profile.id]);
    expect(states(posted).at(-1)?.live).toEqual({ status: 'disconnected' });
  });

  it('Copy Connection String copies the libpq string without a password and shows what it copied, without reading Azure again', async () => {
    const { c, posted, copied, read } = fakeDashboard();
    await c.onMessage({ type: 'dashboard.copyConnectionString' });
    const connectionString = 'host=contoso.postgres.database.azure.com port=5432 dbname=postgres user=pgadmin sslmode=require';
    expect(copied).toEqual([connectionString]);
    expect(notices(posted)).toEqual([{ kind: 'info', message: 'Copied the connection string to the clipboard (no password in it):', code: connectionString }]);
    expect(read).toEqual([]);
  });

  it('a failed copy is told in the dashboard, not thrown', async () => {
    const { c, posted } = fakeDashboard({ copyError: new Error('clipboard unavailable') });
    await c.onMessage({ type: 'dashboard.copyConnectionString' });
    expect(notices(posted)).toEqual([{ kind: 'error', message: 'That did not work: clipboard unavailable', nextStep: 'Refresh, then try again.' }]);
    expect(states(posted)).toHaveLength(1);
  });

  it('New Query says where it opened and what psql will ask for', async () => {
    const terminal = fakeDashboard({ queryOpens: 'terminal' });
    await terminal.c.onMessage({ type: 'dashboard.newQuery' });
    expect(terminal.queries).toEqual([profile.id]);
    expect(notices(terminal.posted)).toEqual([{ kind: 'info', message: `Opened psql in a terminal for ${profile.server}.`, nextStep: 'psql asks for the password there.' }]);

    const editor = fakeDashboard({ queryOpens: 'editor' });
    await editor.c.onMessage({ type: 'dashboard.newQuery' });
    expect(notices(editor.posted)[0]).toMatchObject({ kind: 'info', message: 'Opened a new SQL editor.' });
  });

  it("Add my IP adds the rule for the address Azure sees, logs it and lists it", async () => {
    const { c, posted, infos } = fakeDashboard({ rules: [office], clientIp: '203.0.113.7' });
    await c.onMessage({ type: 'dashboard.addClientIpRule' });
    expect(posted[0]).toEqual({ type: 'dashboard.loading', activity: "Adding the firewall rule 'pgflex-client-203-0-113-7' for 203.0.113.7…" });
    expect(notices(posted)).toEqual([{ kind: 'info', message: "Added the firewall rule 'pgflex-client-203-0-113-7': connections from 203.0.113.7 are allowed." }]);
    expect(infos).toEqual(["Dashboard: added the firewall rule 'pgflex-client-203-0-113-7' (203.0.113.7) to 'contoso'."]);
    const firewall = states(posted).at(-1)?.firewall;
    expect(firewall).toEqual({ status: 'loaded', clientIp: '203.0.113.7', rules: [office, { name: 'pgflex-client-203-0-113-7', startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' }] });
  });

  it('a server without public access shows no firewall to change, and an Add my IP posted anyway adds nothing', async () => {
    const { c, posted, rules } = fakeDashboard({ rules: [office], clientIp: '203.0.113.7', publicNetworkAccess: 'Disabled' });
    await c.onMessage({ type: 'dashboard.refresh' });
    expect(states(posted)[0].firewall).toEqual({ status: 'noPublicAccess' });

    await c.onMessage({ type: 'dashboard.addClientIpRule' });
    expect(notices(posted)).toEqual([
      { kind: 'error', message: "'contoso' has no public access: a firewall rule would admit nobody.", nextStep: 'Enable public access in the Azure Portal (Networking), then add your IP.' },
    ]);
    expect([...rules.keys()]).toEqual(['office']);
    expect(states(posted)).toHaveLength(2);
  });

  it('a server whose public access is enabled lists its rules as before', async () => {
    const { c, posted } = fakeDashboard({ rules: [office], clientIp: '203.0.113.7', publicNetworkAccess: 'Enabled' });
    await c.onMessage({ type: 'dashboard.refresh' });
    expect(states(posted)[0].firewall).toEqual({ status: 'loaded', rules: [office], clientIp: '203.0.113.7' });
  });

  it('Add my IP without a known address says so and adds nothing', async () => {
    const { c, posted, rules } = fakeDashboard({ rules: [office] });
    await c.onMessage({ type: 'dashboard.addClientIpRule' });
    expect(notices(posted)).toEqual([
      { kind: 'error', message: 'Could not tell the public IP address Azure sees this machine at.', nextStep: 'Check the network connection and try again, or add the rule in the Azure Portal.' },
    ]);
    expect([...rules.keys()]).toEqual(['office']);
  });

  it('an ARM refusal to add the rule says why and what to do, and the dashboard is read again', async () => {
    const { c, posted } = fakeDashboard({ clientIp: '203.0.113.7', firewallError: armRefusal(403, 'AuthorizationFailed', 'The client does not have authorization.') });
    await c.onMessage({ type: 'dashboard.addClientIpRule' });
    expect(notices(posted)).toEqual([
      {
        kind: 'error',
        message: "Could not add a firewall rule for 203.0.113.7: Azure says your account lacks the permission for that on 'contoso' (AuthorizationFailed).",
        nextStep: 'Ask an owner of the server or its resource group for a role that may change its firewall (such as Contributor), then try again.',
      },
    ]);
    // The list itself failed the same way: shown in its place, the rest of the dashboard still there.
    expect(states(posted).at(-1)?.firewall).toMatchObject({ status: 'failed', message: expect.stringContaining('Could not read the firewall rules') as string });
    expect(states(posted).at(-1)?.arm.status).toBe('loaded');
  });

  it('removes a listed rule once the user confirms, and not without', async () => {
    const declined = fakeDashboard({ rules: [office], confirms: false });
    await declined.c.onMessage({ type: 'ready' });
    await declined.c.onMessage({ type: 'dashboard.removeFirewallRule', ruleName: 'office' });
    expect(declined.questions).toEqual(["Remove the firewall rule 'office' from 'contoso'?"]);
    expect(declined.removed).toEqual([]);
    expect(states(declined.posted)).toHaveLength(1);

    const confirmed = fakeDashboard({ rules: [office], confirms: true });
    await confirmed.c.onMessage({ type: 'ready' });
    await confirmed.c.onMessage({ type: 'dashboard.removeFirewallRule', ruleName: 'office' });
    expect(confirmed.removed).toEqual(['office']);
    expect(notices(confirmed.posted)).toEqual([{ kind: 'info', message: "Removed the firewall rule 'office'." }]);
    expect(states(confirmed.posted).at(-1)?.firewall).toEqual({ status: 'loaded', rules: [] });
  });

  it('refuses to remove a rule the dashboard did not list, without asking', async () => {
    const { c, posted, questions, removed } = fakeDashboard({ rules: [office] });
    await c.onMessage({ type: 'ready' });
    await c.onMessage({ type: 'dashboard.removeFirewallRule', ruleName: 'AllowAll' });
    expect(questions).toEqual([]);
    expect(removed).toEqual([]);
    expect(notices(posted)).toEqual([{ kind: 'error', message: "'contoso' has no firewall rule 'AllowAll' in the list shown.", nextStep: 'Refresh to see its rules as Azure has them now.' }]);
  });

  it("tells ARM's refusal of a rule name in ARM's words, with a next step", async () => {
    const badName = armRefusal(400, 'InvalidParameterValue', 'Invalid value given for parameter FirewallRuleName. Specify a valid parameter value.');
    const { c, posted } = fakeDashboard({ rules: [{ ...office, name: 'ends-' }], removeError: badName });
    await c.onMessage({ type: 'ready' });
    await c.onMessage({ type: 'dashboard.removeFirewallRule', ruleName: 'ends-' });
    expect(notices(posted)).toEqual([
      {
        kind: 'error',
        message: "Could not remove the firewall rule 'ends-': Invalid value given for parameter FirewallRuleName. Specify a valid parameter value. (InvalidParameterValue)",
        nextStep: 'Check the server in the Azure Portal, then try again.',
      },
    ]);
  });

  it('ignores a firewall message with an unknown field, and never echoes its values into the log', async () => {
    const { c, posted, warnings, removed } = fakeDashboard({ rules: [office] });
    await c.onMessage({ type: 'dashboard.removeFirewallRule', ruleName: 'office', password: PASSWORD });
    await c.onMessage({ type: 'dashboard.addClientIpRule', ip: '10.0.0.1' });
    expect(posted).toEqual([]);
    expect(removed).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).not.toContain(PASSWORD);
    expect(warnings.join('\n')).not.toContain('10.0.0.1');
  });
});
