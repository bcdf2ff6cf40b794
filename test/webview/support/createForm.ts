import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { FlexCapabilities } from '../../../machines/flexDeployment/catalog';
import { CreateServerApp } from '../../../webview-ui/createServer/CreateServerApp';
import { flexCapabilities } from '../../support/flexCapabilities';
import { FakeHost, fromHost } from './fakeHost';

export const SUB = { subscriptionId: '00000000-0000-0000-0000-000000000001', tenantId: 'tenant-1', displayName: 'Contoso Dev' };
export const PASSWORD = 'S3cret-Passw0rd!';

/** A fresh host for each test, with fake timers; what a test rendered is removed after it. */
export function useFakeHost(): { readonly host: FakeHost } {
  const current = { host: new FakeHost() };
  beforeEach(() => {
    vi.useFakeTimers();
    current.host = new FakeHost();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
  return current;
}

export function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** The create form with one subscription, one resource group and West Europe's capabilities. */
export function openCreateForm(host: FakeHost, capabilities: Partial<FlexCapabilities> = {}): void {
  render(createElement(CreateServerApp, { host }));
  fromHost({ type: 'form.init', subscriptions: [SUB], clientIp: '203.0.113.7' });
  fromHost({
    type: 'catalog.subscriptionChoices',
    subscriptionId: SUB.subscriptionId,
    resourceGroups: [{ name: 'rg-dev', location: 'westeurope' }],
    locations: [{ name: 'westeurope', displayName: 'West Europe' }],
  });
  type('Location', 'westeurope');
  fromHost({ type: 'catalog.capabilities', subscriptionId: SUB.subscriptionId, location: 'westeurope', capabilities: flexCapabilities('westeurope', capabilities) });
}

export function fillValid(): void {
  type('Resource group', 'rg-dev');
  type('Server name', 'pg-dev-1');
  type('Admin login', 'ada');
  type('Password', PASSWORD);
  type('Confirm password', PASSWORD);
}

export function pressReview(): void {
  fireEvent.click(screen.getByRole('button', { name: 'Review + create' }));
}
