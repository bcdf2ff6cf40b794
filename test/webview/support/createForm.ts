import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { FlexCapabilities } from '../../../machines/flexDeployment/catalog';
import type { FormPrefill } from '../../../machines/webview/createServerMessages';
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

/** What the host posts to start a form: form.init at once, then the subscriptions and the client IP as each arrives. */
export function startForm(prefill?: FormPrefill, clientIp?: string): void {
  fromHost({ type: 'form.init', ...(prefill ? { prefill } : {}) });
  fromHost({ type: 'catalog.subscriptions', subscriptions: [SUB] });
  if (clientIp) fromHost({ type: 'catalog.clientIp', clientIp });
}

/** The create form with one subscription, one resource group and West Europe's capabilities. */
export function openCreateForm(host: FakeHost, capabilities: Partial<FlexCapabilities> = {}): void {
  render(createElement(CreateServerApp, { host }));
  startForm(undefined, '203.0.113.7');
  fromHost({
    type: 'catalog.subscriptionChoices',
    subscriptionId: SUB.subscriptionId,
    resourceGroups: [{ name: 'rg-dev', location: 'westeurope' }],
    locations: [{ name: 'westeurope', displayName: 'West Europe' }],
  });
  type('Location', 'westeurope');
  fromHost({ type: 'catalog.capabilities', subscriptionId: SUB.subscriptionId, location: 'westeurope', capabilities: flexCapabilities('westeurope', capabilities) });
}

/** A failed deployment's request, as Retry prefills the form with it. */
export const RETRY_PREFILL: FormPrefill = {
  subscriptionId: SUB.subscriptionId,
  resourceGroup: { name: 'rg-dev', isNew: false },
  serverName: 'pg-retry',
  location: 'westeurope',
  version: '17',
  tier: 'GeneralPurpose',
  skuName: 'Standard_D4ads_v5',
  storageSizeGB: 128,
  adminLogin: 'ada',
};

/** The Retry's form: the prefill, then West Europe's choices and capabilities as the host sends them. */
export function openRetryForm(host: FakeHost, prefill: FormPrefill): void {
  render(createElement(CreateServerApp, { host }));
  startForm(prefill);
  fromHost({
    type: 'catalog.subscriptionChoices',
    subscriptionId: SUB.subscriptionId,
    resourceGroups: [{ name: 'rg-dev', location: 'westeurope' }],
    locations: [{ name: 'westeurope', displayName: 'West Europe' }],
  });
  fromHost({ type: 'catalog.capabilities', subscriptionId: SUB.subscriptionId, location: 'westeurope', capabilities: flexCapabilities('westeurope') });
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
