import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../../machines/webview/dashboardMessages';
import type { WebviewMessage, WebviewState } from '../../../machines/webview/protocol';
import { DashboardView } from '../../../webview-ui/dashboard/DashboardView';

afterEach(cleanup);

const state: DashboardState = {
  profileId: 'profile-contoso',
  profileName: 'contoso',
  server: 'contoso.postgres.database.azure.com',
  user: 'pgadmin',
  database: 'postgres',
  arm: {
    status: 'loaded',
    facts: { resourceId: '/x', state: 'Ready', version: '16', skuName: 'Standard_B1ms', tier: 'Burstable', location: 'westeurope', storageSizeGB: 32, fqdn: 'contoso.postgres.database.azure.com', authentication: 'PostgreSQL only' },
  },
  live: { status: 'connected', serverVersion: '16.4', databases: [{ name: 'postgres', sizeBytes: 8_000_000 }, { name: 'azure_sys' }], activeConnections: 3 },
  refreshedAt: 0,
};

function send(data: unknown) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data }));
  });
}

describe('DashboardView', () => {
  it('says ready, then renders the Azure and live facts, and keeps only the profile id for a reload', () => {
    const posted: WebviewMessage[] = [];
    const kept: WebviewState[] = [];
    render(<DashboardView post={(m) => posted.push(m)} setState={(s) => kept.push(s)} />);
    expect(posted).toEqual([{ type: 'ready' }]);

    send({ type: 'dashboard.state', state });

    expect(screen.getByRole('heading', { name: 'contoso' })).toBeTruthy();
    expect(screen.getByText('Ready')).toBeTruthy();
    expect(screen.getByText('Burstable · Standard_B1ms')).toBeTruthy();
    expect(screen.getByText('32 GiB')).toBeTruthy();
    expect(screen.getByText('16.4')).toBeTruthy();
    expect(screen.getByText('7.6 MB')).toBeTruthy();
    expect(screen.getByText('no access')).toBeTruthy();
    expect(kept).toEqual([{ profileId: 'profile-contoso' }]);
  });

  it('asks the host to refresh and to connect', () => {
    const posted: WebviewMessage[] = [];
    render(<DashboardView post={(m) => posted.push(m)} setState={() => undefined} />);
    send({ type: 'dashboard.state', state: { ...state, live: { status: 'disconnected', reason: 'Password authentication failed.', nextStep: 'Check the password.' } } });

    expect(screen.getByRole('alert').textContent).toContain('Password authentication failed.');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(posted).toEqual([{ type: 'ready' }, { type: 'dashboard.refresh' }, { type: 'dashboard.connect' }]);
  });

  it('offers Open in Azure Portal for an Azure server only', () => {
    const posted: WebviewMessage[] = [];
    render(<DashboardView post={(m) => posted.push(m)} setState={() => undefined} />);
    send({ type: 'dashboard.state', state });
    fireEvent.click(screen.getByRole('button', { name: 'Open in Azure Portal' }));
    expect(posted).toEqual([{ type: 'ready' }, { type: 'dashboard.openInPortal' }]);

    send({ type: 'dashboard.state', state: { ...state, arm: { status: 'notAzure' } } });
    expect(screen.queryByRole('button', { name: 'Open in Azure Portal' })).toBeNull();
  });
});
