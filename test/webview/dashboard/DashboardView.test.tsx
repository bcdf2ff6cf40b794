import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardState } from '../../../machines/webview/dashboardMessages';
import type { WebviewMessage, WebviewState } from '../../../machines/webview/protocol';
import { DashboardView } from '../../../webview-ui/dashboard/DashboardView';

vi.mock('../../../webview-ui/elements', () => import('../support/vscodeElementsStub'));

afterEach(cleanup);

const office = { name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' };

const state: DashboardState = {
  profileId: 'profile-contoso',
  profileName: 'contoso',
  server: 'contoso.postgres.database.azure.com',
  user: 'pgadmin',
  database: 'postgres',
  arm: {
    status: 'loaded',
    facts: {
      resourceId: '/x', state: 'Ready', version: '18', minorVersion: '1', skuName: 'Standard_D2ds_v5', tier: 'GeneralPurpose', location: 'westeurope',
      locationDisplayName: 'West Europe', storageSizeGB: 32, fqdn: 'contoso.postgres.database.azure.com', authentication: 'Hybrid',
      publicNetworkAccess: 'Enabled',
    },
  },
  live: { status: 'connected', serverVersion: '18.1', databases: [{ name: 'postgres', sizeBytes: 8_000_000 }, { name: 'azure_sys' }], activeConnections: 3 },
  firewall: { status: 'loaded', rules: [office], clientIp: '203.0.113.7' },
  refreshedAt: 0,
};

function send(data: unknown) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data }));
  });
}

function renderDashboard() {
  const posted: WebviewMessage[] = [];
  const kept: WebviewState[] = [];
  render(<DashboardView post={(m) => posted.push(m)} setState={(s) => kept.push(s)} />);
  return { posted, kept };
}

const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
const section = (name: string) => within(screen.getByRole('region', { name }));

describe('DashboardView', () => {
  it("says ready, then renders Azure's facts in the portal's words, the live facts, and keeps only the profile id", () => {
    const { posted, kept } = renderDashboard();
    expect(posted).toEqual([{ type: 'ready' }]);

    send({ type: 'dashboard.state', state });

    expect(screen.getByRole('heading', { name: 'contoso' })).toBeTruthy();
    expect(fact('State')).toBe('Ready');
    expect(fact('PostgreSQL version')).toBe('PostgreSQL 18');
    expect(fact('Minor version')).toBe('18.1');
    expect(fact('Compute')).toBe('General Purpose · Standard_D2ds_v5');
    expect(fact('Region')).toBe('West Europe');
    expect(fact('Authentication')).toBe('PostgreSQL and Microsoft Entra authentication');
    expect(fact('Storage')).toBe('32 GiB');
    expect(fact('Public access')).toBe('Enabled');
    expect(fact('Server version')).toBe('18.1');
    expect(screen.getByText('7.6 MB')).toBeTruthy();
    expect(screen.getByText('no access')).toBeTruthy();
    expect(kept).toEqual([{ profileId: 'profile-contoso' }]);
  });

  it("falls back to ARM's region name when the host has no display name for it", () => {
    renderDashboard();
    const facts = state.arm.status === 'loaded' ? state.arm.facts : undefined;
    send({ type: 'dashboard.state', state: { ...state, arm: { status: 'loaded', facts: { ...facts!, locationDisplayName: undefined } } } });
    expect(fact('Region')).toBe('westeurope');
  });

  it('asks the host to refresh, connect, disconnect, copy the connection string and open a query', () => {
    const { posted } = renderDashboard();
    send({ type: 'dashboard.state', state: { ...state, live: { status: 'disconnected', reason: 'Password authentication failed.', nextStep: 'Check the password.' } } });

    expect(section('Connection').getByRole('alert').textContent).toContain('Password authentication failed.');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy Connection String' }));
    fireEvent.click(screen.getByRole('button', { name: 'New Query' }));
    send({ type: 'dashboard.state', state });
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(posted.slice(1)).toEqual([
      { type: 'dashboard.refresh' },
      { type: 'dashboard.connect' },
      { type: 'dashboard.copyConnectionString' },
      { type: 'dashboard.newQuery' },
      { type: 'dashboard.disconnect' },
    ]);
  });

  it('offers Open in Azure Portal and the firewall for an Azure server only', () => {
    const { posted } = renderDashboard();
    send({ type: 'dashboard.state', state });
    fireEvent.click(screen.getByRole('button', { name: 'Open in Azure Portal' }));
    expect(posted).toEqual([{ type: 'ready' }, { type: 'dashboard.openInPortal' }]);

    send({ type: 'dashboard.state', state: { ...state, arm: { status: 'notAzure' }, firewall: { status: 'notAzure' } } });
    expect(screen.queryByRole('button', { name: 'Open in Azure Portal' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Firewall rules' })).toBeNull();
  });

  it('a server moved away: says where, in place of the facts, and asks the host to follow it (the host knows where)', () => {
    const { posted } = renderDashboard();
    const moved = { status: 'moved' as const, message: "Azure has 'contoso' in resource group 'rg-dev' now.", to: { subscriptionId: 'sub-1', resourceGroup: 'rg-dev' } };
    send({ type: 'dashboard.state', state: { ...state, arm: moved } });
    const azure = section('Azure');
    expect(azure.getByRole('alert').textContent).toBe(moved.message);
    expect(azure.queryByText('State', { selector: 'dt' })).toBeNull();
    fireEvent.click(azure.getByRole('button', { name: 'Update Saved Connection' }));
    expect(posted).toEqual([{ type: 'ready' }, { type: 'dashboard.followMove' }]);

    send({ type: 'dashboard.state', state });
    expect(screen.queryByRole('button', { name: 'Update Saved Connection' })).toBeNull();
  });

  it('lists the firewall rules, says the address is not allowed, and asks to add it or remove a rule', () => {
    const { posted } = renderDashboard();
    send({ type: 'dashboard.state', state });
    const firewall = section('Firewall rules');
    expect(firewall.getByText('Your IP address as Azure sees it, 203.0.113.7, is not allowed by any rule.')).toBeTruthy();
    expect(firewall.getAllByRole('cell').map((c) => c.textContent)).toEqual(['office', '198.51.100.0', '198.51.100.255', 'Remove']);

    fireEvent.click(firewall.getByRole('button', { name: 'Add my IP' }));
    fireEvent.click(firewall.getByRole('button', { name: 'Remove rule office' }));
    expect(posted.slice(1)).toEqual([{ type: 'dashboard.addClientIpRule' }, { type: 'dashboard.removeFirewallRule', ruleName: 'office' }]);
  });

  it('does not offer Add my IP when a rule already lets the address in', () => {
    renderDashboard();
    send({ type: 'dashboard.state', state: { ...state, firewall: { status: 'loaded', rules: [office], clientIp: '198.51.100.20' } } });
    const firewall = section('Firewall rules');
    expect(firewall.getByText("Your IP address as Azure sees it, 198.51.100.20, is allowed by 'office'.")).toBeTruthy();
    expect(firewall.getByRole<HTMLButtonElement>('button', { name: 'Add my IP' }).disabled).toBe(true);
  });

  it('offers no firewall rule and no Add my IP for a server without public access, and says how to reach it', () => {
    renderDashboard();
    send({ type: 'dashboard.state', state: { ...state, firewall: { status: 'noPublicAccess' } } });
    const firewall = section('Firewall rules');
    expect(firewall.getByText(/^Public access is disabled: the server takes connections only from inside its virtual network/)).toBeTruthy();
    expect(firewall.queryByRole('button')).toBeNull();
    expect(firewall.queryByRole('table')).toBeNull();
  });

  it("shows why the rules could not be read and what to do, in the firewall's place", () => {
    renderDashboard();
    send({ type: 'dashboard.state', state: { ...state, firewall: { status: 'failed', message: 'Could not read the firewall rules: no permission.', nextStep: 'Ask for Contributor.' } } });
    expect(section('Firewall rules').getByRole('alert').textContent).toBe('Could not read the firewall rules: no permission. Ask for Contributor.');
  });

  it('shows what the host is busy with, with every firewall button disabled until the next state', () => {
    renderDashboard();
    send({ type: 'dashboard.state', state });
    send({ type: 'dashboard.loading', activity: "Removing the firewall rule 'office'…" });
    expect(screen.getByRole('status').textContent).toContain("Removing the firewall rule 'office'…");
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Remove rule office' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Add my IP' }).disabled).toBe(true);

    send({ type: 'dashboard.state', state });
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Remove rule office' }).disabled).toBe(false);
  });

  it("shows the last action's outcome with its next step until the next action is asked for", () => {
    renderDashboard();
    send({ type: 'dashboard.state', state });
    send({ type: 'dashboard.notice', notice: { kind: 'error', message: 'Could not add a firewall rule for 203.0.113.7: no permission.', nextStep: 'Ask for Contributor.' } });
    const notice = within(screen.getByLabelText('Last action'));
    expect(notice.getByText('Could not add a firewall rule for 203.0.113.7: no permission.')).toBeTruthy();
    expect(notice.getByText('Ask for Contributor.')).toBeTruthy();
    expect(screen.getByRole('alert')).toBe(screen.getByLabelText('Last action'));

    send({ type: 'dashboard.notice', notice: { kind: 'info', message: 'Copied the connection string to the clipboard (no password in it):', code: 'host=contoso port=5432' } });
    expect(screen.getByRole('status').querySelector('code')?.textContent).toBe('host=contoso port=5432');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.queryByLabelText('Last action')).toBeNull();
  });
});
