import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FormPrefill } from '../../machines/webview/createServerMessages';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { NAME_CHECK_DEBOUNCE_MS } from '../../webview-ui/createServer/useCreateServerForm';
import { SUB, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const current = useFakeHost();
const OTHER_SUB = { subscriptionId: '00000000-0000-0000-0000-000000000002', tenantId: 'tenant-1', displayName: 'Contoso Prod' };
const subscriptionBox = () => screen.getByLabelText<HTMLSelectElement>('Subscription');
const clientIpBox = () => screen.getByRole<HTMLInputElement>('checkbox', { name: /Add my client IP address/ });

function openBeforeTheCatalog(prefill?: FormPrefill): void {
  render(<CreateServerApp host={current.host} />);
  fromHost({ type: 'form.init', ...(prefill ? { prefill } : {}) });
}

// The form appears at once: the host's first message needs no catalog call, and the subscriptions
// and the client IP follow when Azure answers (issue 13, createFormInteractiveMs).
describe('the create form before the catalog answers', () => {
  it('takes input while the subscriptions load, and asks Azure nothing until one is chosen', async () => {
    openBeforeTheCatalog();
    expect(subscriptionBox().disabled).toBe(true);
    expect(subscriptionBox().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('option', { name: 'Loading your Azure subscriptions…' })).toBeTruthy();
    type('Server name', 'pg-early');
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    expect(current.host.ofType('form.subscriptionSelected')).toEqual([]);
    expect(current.host.ofType('form.serverNameChanged')).toEqual([]);

    fromHost({ type: 'catalog.subscriptions', subscriptions: [SUB, OTHER_SUB] });
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    expect(subscriptionBox().disabled).toBe(false);
    expect(subscriptionBox().value).toBe(SUB.subscriptionId);
    expect(screen.getByLabelText<HTMLInputElement>('Server name').value).toBe('pg-early');
    expect(current.host.ofType('form.subscriptionSelected')).toEqual([{ type: 'form.subscriptionSelected', subscriptionId: SUB.subscriptionId }]);
    expect(current.host.ofType('form.serverNameChanged').map((m) => m.serverName)).toEqual(['pg-early']);
  });

  it("keeps a Retry's subscription when the list arrives, and asks for its choices only then", async () => {
    openBeforeTheCatalog({ subscriptionId: OTHER_SUB.subscriptionId, location: 'westeurope', serverName: 'pg-retry' });
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    // The host answers only for subscriptions it listed: asked before, it would not answer at all.
    expect(current.host.posted.filter((m) => m.type !== 'ready')).toEqual([]);
    fromHost({ type: 'catalog.subscriptions', subscriptions: [SUB, OTHER_SUB] });
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    expect(subscriptionBox().value).toBe(OTHER_SUB.subscriptionId);
    expect(current.host.ofType('form.subscriptionSelected')).toEqual([{ type: 'form.subscriptionSelected', subscriptionId: OTHER_SUB.subscriptionId }]);
    expect(current.host.ofType('form.locationSelected')).toHaveLength(1);
    expect(current.host.ofType('form.serverNameChanged')).toHaveLength(1);
  });

  it('adds the client IP once it is detected, unless a Retry carried a firewall without it', () => {
    openBeforeTheCatalog();
    expect(clientIpBox().disabled).toBe(true);
    expect(clientIpBox().checked).toBe(false);
    fromHost({ type: 'catalog.clientIp', clientIp: '203.0.113.7' });
    expect(clientIpBox().checked).toBe(true);
    expect(screen.getByText('Add my client IP address (203.0.113.7)')).toBeTruthy();

    fromHost({ type: 'form.init', prefill: { serverName: 'pg-retry', firewall: { allowAzureServices: true, ranges: [] } } });
    fromHost({ type: 'catalog.clientIp', clientIp: '203.0.113.7' });
    expect(clientIpBox().checked).toBe(false);
  });

  it('says so when the account has no subscription, or when listing them failed', () => {
    openBeforeTheCatalog();
    fromHost({ type: 'catalog.subscriptions', subscriptions: [] });
    expect(subscriptionBox().getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('option', { name: 'No subscriptions: this account has none you can use' })).toBeTruthy();

    fromHost({ type: 'form.init' });
    fromHost({ type: 'catalog.failed', message: 'Could not list your Azure subscriptions: offline' });
    expect(screen.getByRole('alert').textContent).toBe('Could not list your Azure subscriptions: offline');
    expect(screen.getByRole('option', { name: 'Subscriptions not listed (see above)' })).toBeTruthy();
  });
});
