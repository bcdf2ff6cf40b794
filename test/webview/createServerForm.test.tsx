import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LOGIN_IN_PASSWORD_MESSAGE } from '../../machines/flexDeployment/loginInPassword';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { NAME_CHECK_DEBOUNCE_MS } from '../../webview-ui/createServer/useCreateServerForm';
import { fillValid, openCreateForm, PASSWORD, pressReview, startForm, SUB, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const current = useFakeHost();
const openFilledCatalog = () => openCreateForm(current.host);

function reviewAndCreate(): void {
  pressReview();
  fireEvent.click(screen.getByRole('button', { name: 'Create' }));
}

describe('the create form', () => {
  it('says ready first, then asks for the choices of the chosen subscription and location', () => {
    openFilledCatalog();
    expect(current.host.posted[0]).toEqual({ type: 'ready' });
    expect(current.host.ofType('form.subscriptionSelected')).toEqual([{ type: 'form.subscriptionSelected', subscriptionId: SUB.subscriptionId }]);
    expect(current.host.ofType('form.locationSelected')).toHaveLength(1);
  });

  it("offers only what the location's capabilities list, with Azure's defaults", () => {
    openFilledCatalog();
    expect(screen.getByLabelText<HTMLSelectElement>('PostgreSQL version').value).toBe('17');
    expect(screen.getAllByRole('option', { name: /^PostgreSQL / }).map((o) => o.textContent)).toContain('PostgreSQL 17');
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
    pressReview();
    expect(current.host.ofType('form.submit')).toHaveLength(0);
  });

  it("names a new resource group that already exists in the subscription, in any case, and will not submit it", () => {
    openFilledCatalog();
    fillValid();
    fireEvent.click(screen.getByLabelText('Create new'));
    type('Resource group', 'RG-Dev');
    expect(screen.getByText('A resource group with this name already exists.')).toBeTruthy();
    pressReview();
    expect(current.host.ofType('form.submit')).toHaveLength(0);
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
    expect(current.host.ofType('form.serverNameChanged')).toHaveLength(0);
    await act(() => vi.advanceTimersByTime(1));
    expect(current.host.ofType('form.serverNameChanged')).toEqual([{ type: 'form.serverNameChanged', subscriptionId: SUB.subscriptionId, serverName: 'pg-dev', location: 'westeurope' }]);
    type('Server name', 'PG');
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    expect(current.host.ofType('form.serverNameChanged')).toHaveLength(1);
  });

  it('shows a taken name and will not submit it', () => {
    openFilledCatalog();
    fillValid();
    fromHost({ type: 'form.serverNameAvailability', serverName: 'pg-dev-1', available: false, message: "The name 'pg-dev-1' is already in use." });
    expect(screen.getByText("The name 'pg-dev-1' is already in use.")).toBeTruthy();
    pressReview();
    expect(current.host.ofType('form.submit')).toHaveLength(0);
  });

  it('shows every broken rule on Create and sends nothing', () => {
    openFilledCatalog();
    pressReview();
    expect(current.host.ofType('form.submit')).toHaveLength(0);
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
    pressReview();
    expect(current.host.ofType('form.submit')).toHaveLength(0);
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
    const [submit] = current.host.ofType('form.submit');
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
    expect(JSON.stringify(current.host.states)).not.toContain(PASSWORD);
  });

  it("shows the current.host's field errors after it refused the request", () => {
    openFilledCatalog();
    fillValid();
    reviewAndCreate();
    fromHost({ type: 'form.rejected', errors: { skuName: ['Standard_B2s is not offered in East US.'] } });
    expect(screen.getByText('Standard_B2s is not offered in East US.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Review + create' })).toBeTruthy();
  });

  it('prefills a retry without a password', () => {
    render(<CreateServerApp host={current.host} />);
    startForm({ subscriptionId: SUB.subscriptionId, serverName: 'pg-retry', adminLogin: 'ada', authenticationMode: 'Hybrid', resourceGroup: { name: 'rg-new', isNew: true } });
    expect(screen.getByLabelText<HTMLInputElement>('Server name').value).toBe('pg-retry');
    expect(screen.getByLabelText<HTMLInputElement>('Resource group').value).toBe('rg-new');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });

  it('starts afresh when a retry refills the open form: its values, empty password boxes, no old errors', () => {
    openFilledCatalog();
    fillValid();
    reviewAndCreate();
    fromHost({ type: 'form.rejected', errors: { skuName: ['Standard_B2s is not offered in East US.'] }, message: 'Azure said no.' });

    startForm({ subscriptionId: SUB.subscriptionId, serverName: 'pg-retry', adminLogin: 'grace' });
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
    startForm({ subscriptionId: SUB.subscriptionId, location: 'eastus', serverName: 'pg-retry' });
    await act(() => vi.advanceTimersByTime(NAME_CHECK_DEBOUNCE_MS));
    expect(current.host.ofType('form.subscriptionSelected')).toHaveLength(2);
    expect(current.host.ofType('form.locationSelected')).toHaveLength(2);
    expect(current.host.ofType('form.serverNameChanged').map((m) => m.serverName)).toEqual(['pg-retry', 'pg-retry']);
  });
});
