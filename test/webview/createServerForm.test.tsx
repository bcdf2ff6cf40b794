import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlexCapabilities } from '../../machines/flexDeployment/catalog';
import { LOGIN_IN_PASSWORD_MESSAGE } from '../../machines/flexDeployment/loginInPassword';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { NAME_CHECK_DEBOUNCE_MS } from '../../webview-ui/createServer/useCreateServerForm';
import { FakeHost, fromHost } from './support/fakeHost';

vi.mock('@vscode-elements/react-elements', () => import('./support/vscodeElementsStub'));

const SUB = { subscriptionId: '00000000-0000-0000-0000-000000000001', tenantId: 'tenant-1', displayName: 'Dev' };
const PASSWORD = 'S3cret-Passw0rd!';
let host: FakeHost;

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

const ZONAL_NO_HA = { zones: ['1', '2', '3'], haModes: [] };

function openFilledCatalog(capabilities: Partial<FlexCapabilities> = {}): void {
  render(<CreateServerApp host={host} />);
  fromHost({ type: 'form.init', subscriptions: [SUB], clientIp: '203.0.113.7' });
  fromHost({ type: 'catalog.subscriptionChoices', subscriptionId: SUB.subscriptionId, resourceGroups: [{ name: 'rg-dev', location: 'eastus' }], locations: [{ name: 'eastus', displayName: 'East US' }] });
  type('Location', 'eastus');
  fromHost({
    type: 'catalog.capabilities',
    subscriptionId: SUB.subscriptionId,
    location: 'eastus',
    capabilities: {
      location: 'eastus',
      versions: ['16', '17'],
      defaultVersion: '17',
      tiers: [
        {
          tier: 'Burstable',
          defaultSkuName: 'Standard_B2s',
          skus: [{ name: 'Standard_B1ms', vCores: 1, ...ZONAL_NO_HA }, { name: 'Standard_B2s', vCores: 2, ...ZONAL_NO_HA }],
          storageSizesGB: [32, 64],
          defaultStorageSizeGB: 32,
        },
        {
          tier: 'GeneralPurpose',
          defaultSkuName: 'Standard_D4ads_v5',
          skus: [{ name: 'Standard_D4ads_v5', vCores: 4, zones: ['1', '2', '3'], haModes: ['SameZone', 'ZoneRedundant'] }],
          storageSizesGB: [64, 128],
          defaultStorageSizeGB: 64,
        },
      ],
      geoBackupSupported: true,
      zoneRedundantHaAndGeoBackupSupported: true,
      storageAutoGrowthSupported: true,
      ...capabilities,
    },
  });
}

function fillValid(): void {
  type('Resource group', 'rg-dev');
  type('Server name', 'pg-dev-1');
  type('Admin login', 'ada');
  type('Password', PASSWORD);
  type('Confirm password', PASSWORD);
}

function review(): void {
  fireEvent.click(screen.getByRole('button', { name: 'Review + create' }));
}

function reviewAndCreate(): void {
  review();
  fireEvent.click(screen.getByRole('button', { name: 'Create' }));
}

beforeEach(() => {
  vi.useFakeTimers();
  host = new FakeHost();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the create form', () => {
  it('says ready first, then asks for the choices of the chosen subscription and location', () => {
    openFilledCatalog();
    expect(host.posted[0]).toEqual({ type: 'ready' });
    expect(host.ofType('form.subscriptionSelected')).toEqual([{ type: 'form.subscriptionSelected', subscriptionId: SUB.subscriptionId }]);
    expect(host.ofType('form.locationSelected')).toHaveLength(1);
  });

  it("offers only what the location's capabilities list, with Azure's defaults", () => {
    openFilledCatalog();
    expect(screen.getByLabelText<HTMLSelectElement>('PostgreSQL version').value).toBe('17');
    expect(screen.getByLabelText<HTMLSelectElement>('Compute size').value).toBe('Standard_B2s');
    type('Compute tier', 'GeneralPurpose');
    expect(screen.getByLabelText<HTMLSelectElement>('Compute size').value).toBe('Standard_D4ads_v5');
    expect(screen.getByLabelText<HTMLSelectElement>('Storage size').value).toBe('64');
    expect(screen.getAllByRole('option', { name: /GiB$/ }).map((o) => o.textContent)).toEqual(['64 GiB', '128 GiB']);
  });

  it('names the broken rule as the user types', () => {
    openFilledCatalog();
    type('Server name', 'Bad_Name');
    type('Admin login', 'azure_superuser');
    type('Password', 'short');
    type('Confirm password', 'other');
    expect(screen.getByText('Server name can contain only lowercase letters, numbers and hyphens.')).toBeTruthy();
    expect(screen.getByText(/Admin login cannot be a reserved name/)).toBeTruthy();
    expect(screen.getByText('Password must be 8 to 128 characters long.')).toBeTruthy();
    expect(screen.getByText('Passwords do not match.')).toBeTruthy();
  });

  it.each(['-a', 'a-'])('names both rules the server name %j breaks, the length and the hyphen', (serverName) => {
    openFilledCatalog();
    type('Server name', serverName);
    expect(screen.getByText('Server name must be 3 to 63 characters long.')).toBeTruthy();
    expect(screen.getByText('Server name cannot start or end with a hyphen.')).toBeTruthy();
  });

  it('names the login rule as soon as the password or the login makes it broken', () => {
    openFilledCatalog();
    type('Admin login', 'ada');
    type('Password', 'S3cret-ADA-pass');
    expect(screen.getByText(LOGIN_IN_PASSWORD_MESSAGE)).toBeTruthy();
    type('Admin login', 'pgadmin');
    expect(screen.queryByText(LOGIN_IN_PASSWORD_MESSAGE)).toBeNull();
    type('Admin login', 'secret_owner');
    expect(screen.getByText(LOGIN_IN_PASSWORD_MESSAGE)).toBeTruthy();
    review();
    expect(host.ofType('form.submit')).toHaveLength(0);
  });

  it("names a new resource group that already exists in the subscription, in any case, and will not submit it", () => {
    openFilledCatalog();
    fillValid();
    fireEvent.click(screen.getByLabelText('Create new'));
    type('Resource group', 'RG-Dev');
    expect(screen.getByText('A resource group with this name already exists.')).toBeTruthy();
    review();
    expect(host.ofType('form.submit')).toHaveLength(0);
    type('Resource group', 'rg-dev-2');
    expect(screen.queryByText('A resource group with this name already exists.')).toBeNull();
  });

  it('checks name availability once typing pauses, only for well-formed names', async () => {
    openFilledCatalog();
    type('Server name', 'p');
    type('Server name', 'pg');
    type('Server name', 'pg-d');
    type('Server name', 'pg-dev');
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS - 1));
    expect(host.ofType('form.serverNameChanged')).toHaveLength(0);
    await act(() => vi.advanceTimersByTime(1));
    expect(host.ofType('form.serverNameChanged')).toEqual([{ type: 'form.serverNameChanged', subscriptionId: SUB.subscriptionId, serverName: 'pg-dev' }]);
    type('Server name', 'PG');
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    expect(host.ofType('form.serverNameChanged')).toHaveLength(1);
  });

  it('shows a taken name and will not submit it', () => {
    openFilledCatalog();
    fillValid();
    fromHost({ type: 'form.serverNameAvailability', serverName: 'pg-dev-1', available: false, message: "The name 'pg-dev-1' is already in use." });
    expect(screen.getByText("The name 'pg-dev-1' is already in use.")).toBeTruthy();
    review();
    expect(host.ofType('form.submit')).toHaveLength(0);
  });

  it('shows every broken rule on Create and sends nothing', () => {
    openFilledCatalog();
    review();
    expect(host.ofType('form.submit')).toHaveLength(0);
    expect(screen.getByText('Server name must be 3 to 63 characters long.')).toBeTruthy();
    expect(screen.getByText('Admin login is required when password authentication is enabled.')).toBeTruthy();
  });

  it('hides the password fields for Microsoft Entra only, and forgets what was typed in them', () => {
    openFilledCatalog();
    fillValid();
    fireEvent.click(screen.getByLabelText('Microsoft Entra authentication only'));
    expect(screen.queryByLabelText('Password')).toBeNull();
    fireEvent.click(screen.getByLabelText('PostgreSQL and Microsoft Entra authentication'));
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
    review();
    expect(host.ofType('form.submit')).toHaveLength(0);
    expect(screen.getByText('Password must be 8 to 128 characters long.')).toBeTruthy();
  });

  it('takes the password in native password inputs that keep it out of the markup', () => {
    openFilledCatalog();
    fillValid();
    for (const label of ['Password', 'Confirm password']) {
      const input = screen.getByLabelText<HTMLInputElement>(label);
      expect(input).toBeInstanceOf(HTMLInputElement);
      expect(input.type).toBe('password');
      expect(input.autocomplete).toBe('new-password');
      expect(input.value).toBe(PASSWORD);
    }
    expect(document.body.innerHTML).not.toContain(PASSWORD);
  });

  it('submits a valid request, and keeps the password out of the webview state', () => {
    openFilledCatalog();
    fillValid();
    reviewAndCreate();
    const [submit] = host.ofType('form.submit');
    expect(submit.request).toMatchObject({
      tenantId: 'tenant-1',
      resourceGroup: { name: 'rg-dev', isNew: false },
      serverName: 'pg-dev-1',
      skuName: 'Standard_B2s',
      storageSizeGB: 32,
      adminPassword: PASSWORD,
      firewall: { allowAzureServices: false, clientIp: '203.0.113.7' },
    });
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeTruthy();
    expect(JSON.stringify(host.states)).not.toContain(PASSWORD);
  });

  it("shows the host's field errors after it refused the request", () => {
    openFilledCatalog();
    fillValid();
    reviewAndCreate();
    fromHost({ type: 'form.rejected', errors: { skuName: ['Standard_B2s is not offered in East US.'] } });
    expect(screen.getByText('Standard_B2s is not offered in East US.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Review + create' })).toBeTruthy();
  });

  it('prefills a retry without a password', () => {
    render(<CreateServerApp host={host} />);
    fromHost({
      type: 'form.init',
      subscriptions: [SUB],
      prefill: { subscriptionId: SUB.subscriptionId, serverName: 'pg-retry', adminLogin: 'ada', authenticationMode: 'Hybrid', resourceGroup: { name: 'rg-new', isNew: true } },
    });
    expect(screen.getByLabelText<HTMLInputElement>('Server name').value).toBe('pg-retry');
    expect(screen.getByLabelText<HTMLInputElement>('Resource group').value).toBe('rg-new');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });

  it('starts afresh when a retry refills the open form: its values, empty password boxes, no old errors', () => {
    openFilledCatalog();
    fillValid();
    reviewAndCreate();
    fromHost({ type: 'form.rejected', errors: { skuName: ['Standard_B2s is not offered in East US.'] }, message: 'Azure said no.' });

    fromHost({ type: 'form.init', subscriptions: [SUB], prefill: { subscriptionId: SUB.subscriptionId, serverName: 'pg-retry', adminLogin: 'grace' } });
    expect(screen.getByLabelText<HTMLInputElement>('Server name').value).toBe('pg-retry');
    expect(screen.getByLabelText<HTMLInputElement>('Admin login').value).toBe('grace');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Confirm password').value).toBe('');
    expect(screen.queryByText('Standard_B2s is not offered in East US.')).toBeNull();
    expect(screen.queryByText('Azure said no.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Review + create' })).toBeTruthy();
    // Nothing is shown as broken before the user touches the refilled form again.
    expect(screen.queryByText('Password must be 8 to 128 characters long.')).toBeNull();
  });

  it("asks again for Azure's choices when refilled, even for the subscription and location it had", async () => {
    openFilledCatalog();
    type('Server name', 'pg-retry');
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    fromHost({ type: 'form.init', subscriptions: [SUB], prefill: { subscriptionId: SUB.subscriptionId, location: 'eastus', serverName: 'pg-retry' } });
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    expect(host.ofType('form.subscriptionSelected')).toHaveLength(2);
    expect(host.ofType('form.locationSelected')).toHaveLength(2);
    expect(host.ofType('form.serverNameChanged').map((m) => m.serverName)).toEqual(['pg-retry', 'pg-retry']);
  });
});
