import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LOGIN_IN_PASSWORD_MESSAGE } from '../../machines/flexDeployment/loginInPassword';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { fillValid, openCreateForm, PASSWORD, pressReview, startForm, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

/** One-round validation, the server options and the review step of the create form. */

const current = useFakeHost();

function reviewed(label: string): string | null | undefined {
  const review = screen.getByRole('heading', { name: 'Review + create' }).closest('main')!;
  return within(review).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
}

describe('validation in one round', () => {
  it('names nothing before a field is touched, and every broken field at once on Review + create', () => {
    openCreateForm(current.host);
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(screen.queryAllByRole('alert')).toEqual([]);

    pressReview();
    for (const message of [
      'Choose a resource group.',
      'Server name must be 3 to 63 characters long.',
      'Admin login is required when password authentication is enabled.',
      'Password must be 8 to 128 characters long.',
      'A tag needs a name.',
    ]) {
      expect(screen.getByText(message)).toBeTruthy();
    }
    expect(screen.queryByRole('heading', { name: 'Review + create' })).toBeNull();
    expect(current.host.ofType('form.submit')).toHaveLength(0);
  });

  it('turns only touched fields red before Review + create', () => {
    openCreateForm(current.host);
    type('Server name', 'Bad_Name');
    type('Backup retention (days)', '40');
    expect(screen.getByLabelText('Server name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Backup retention must be 7 to 35 days.')).toBeTruthy();
    expect(screen.getByLabelText('Admin login').getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByText('Choose a resource group.')).toBeNull();
    pressReview();
    expect(screen.getByLabelText('Admin login').getAttribute('aria-invalid')).toBe('true');
  });

  it('flags a password holding the login, and a tag name Azure refuses, in the same round', () => {
    openCreateForm(current.host);
    fillValid();
    type('Password', 'Ada-Secret-99');
    type('Confirm password', 'Ada-Secret-99');
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    type('Tag 1 name', 'team/owner');
    pressReview();
    expect(screen.getByText(LOGIN_IN_PASSWORD_MESSAGE)).toBeTruthy();
    expect(screen.getByText('A tag name cannot contain < > % & \\ ? /.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Review + create' })).toBeNull();
  });
});

describe('the server options follow what the location offers', () => {
  it('no high availability in the Burstable tier; zone-redundant with a standby zone in General Purpose, switched off again on Burstable', () => {
    openCreateForm(current.host);
    expect(screen.getByLabelText<HTMLSelectElement>('High availability').disabled).toBe(true);
    expect(screen.getByText('High availability is not offered in the Burstable tier.')).toBeTruthy();

    type('Compute tier', 'GeneralPurpose');
    const modes = within(screen.getByLabelText('High availability')).getAllByRole('option').map((o) => o.textContent);
    expect(modes).toEqual(['Disabled', 'Same zone', 'Zone redundant']);
    type('Availability zone', '1');
    type('High availability', 'ZoneRedundant');
    const standby = within(screen.getByLabelText('Standby zone')).getAllByRole('option').map((o) => o.textContent);
    expect(standby).toEqual(['No preference', 'Zone 2', 'Zone 3']);

    type('Compute tier', 'Burstable');
    expect(screen.getByLabelText<HTMLSelectElement>('High availability').value).toBe('Disabled');
    expect(screen.queryByLabelText('Standby zone')).toBeNull();
  });

  it('says nothing of what a location offers before its capabilities are in', () => {
    render(<CreateServerApp host={current.host} />);
    startForm();
    expect(screen.getByLabelText<HTMLSelectElement>('High availability').disabled).toBe(true);
    expect(screen.queryByText(/offers no zone choice/)).toBeNull();
    expect(screen.queryByText(/High availability is not offered/)).toBeNull();
    cleanup();
    openCreateForm(current.host);
    expect(screen.getByText('High availability is not offered in the Burstable tier.')).toBeTruthy();
  });

  it('geo-redundant backup and autogrow cannot be chosen where the location lacks them', () => {
    openCreateForm(current.host, { geoBackupSupported: false, storageAutoGrowthSupported: false });
    expect(screen.getByLabelText<HTMLInputElement>(/^Geo-redundant backup/).disabled).toBe(true);
    expect(screen.getByText('Geo-redundant backup (not offered in westeurope)')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/^Storage autogrow/).disabled).toBe(true);
  });
});

describe('the review before Create', () => {
  function fillWithOptions(): void {
    fillValid();
    type('Compute tier', 'GeneralPurpose');
    type('Availability zone', '1');
    type('High availability', 'ZoneRedundant');
    type('Standby zone', '3');
    type('Backup retention (days)', '14');
    fireEvent.click(screen.getByLabelText('Geo-redundant backup'));
    fireEvent.click(screen.getByLabelText('Storage autogrow'));
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    type('Tag 1 name', 'env');
    type('Tag 1 value', 'prod');
  }

  it('shows every choice in plain words, region and tier by display name, and sends nothing yet', () => {
    openCreateForm(current.host);
    fillWithOptions();
    pressReview();
    expect(current.host.ofType('form.submit')).toHaveLength(0);
    expect(reviewed('Subscription')).toBe('Contoso Dev');
    expect(reviewed('Region')).toBe('West Europe');
    expect(reviewed('Compute tier')).toBe('General Purpose');
    expect(reviewed('Compute size')).toBe('Standard_D4ads_v5 (4 vCores, 16 GiB RAM)');
    expect(reviewed('Storage')).toBe('64 GiB');
    expect(reviewed('Storage autogrow')).toBe('Enabled');
    expect(reviewed('Availability zone')).toBe('Zone 1');
    expect(reviewed('High availability')).toBe('Zone redundant, standby in zone 3');
    expect(reviewed('Backup retention')).toBe('14 days');
    expect(reviewed('Geo-redundant backup')).toBe('Enabled');
    expect(reviewed('Authentication')).toBe('PostgreSQL authentication only');
    expect(reviewed('Firewall rules')).toBe('Your client IP address (203.0.113.7)');
    expect(reviewed('env')).toBe('prod');
    const review = screen.getByRole('heading', { name: 'Review + create' }).closest('main')!;
    expect(review.textContent).not.toMatch(/westeurope|GeneralPurpose|ZoneRedundant/);
    expect(review.textContent).not.toContain(PASSWORD);
  });

  it('Back returns to the form as it was, password included; Create sends the request with its options', () => {
    openCreateForm(current.host);
    fillWithOptions();
    pressReview();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('heading', { name: 'Review + create' })).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe(PASSWORD);

    pressReview();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const [submit] = current.host.ofType('form.submit');
    expect(submit.request).toMatchObject({
      location: 'westeurope',
      tier: 'GeneralPurpose',
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
      backup: { retentionDays: 14, geoRedundant: true },
      storageAutoGrow: true,
      tags: [{ name: 'env', value: 'prod' }],
    });
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeTruthy();
    expect(JSON.stringify(current.host.states)).not.toContain(PASSWORD);
  });

  it("goes back to the form with the current.host's field errors when the current.host refuses", () => {
    openCreateForm(current.host);
    fillWithOptions();
    pressReview();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    fromHost({ type: 'form.rejected', errors: { 'highAvailability.mode': ['Zone-redundant high availability is not offered for Standard_D4ads_v5 in westeurope.'] } });
    expect(screen.queryByRole('heading', { name: 'Review + create' })).toBeNull();
    expect(screen.getByText('Zone-redundant high availability is not offered for Standard_D4ads_v5 in westeurope.')).toBeTruthy();
  });
});

describe('Save as Template on the review', () => {
  it('sends the reviewed request, then shows where the files went and the commands, without the password', () => {
    openCreateForm(current.host);
    fillValid();
    pressReview();
    fireEvent.click(screen.getByRole('button', { name: 'Save as Template' }));
    const [save] = current.host.ofType('review.saveTemplate');
    expect(save.request).toMatchObject({ location: 'westeurope', adminPassword: PASSWORD });
    expect(current.host.ofType('form.submit')).toHaveLength(0);

    const commands = ['az account set --subscription s', 'az deployment group create --resource-group rg --template-file pg.template.json --parameters @pg.parameters.json'];
    fromHost({ type: 'review.templateSaved', folder: '/work/space', files: ['pg.template.json', 'pg.parameters.json'], commands });
    const status = screen.getByRole('status', { name: 'Saved template' });
    expect(status.textContent).toContain('Saved pg.template.json and pg.parameters.json in /work/space.');
    expect(status.querySelector('pre')?.textContent).toBe(commands.join('\n'));
    expect(status.textContent).not.toContain(PASSWORD);
    expect(JSON.stringify(current.host.states)).not.toContain(PASSWORD);

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    pressReview();
    expect(screen.queryByRole('status', { name: 'Saved template' })).toBeNull();
  });

  it('says why when the host could not save it', () => {
    openCreateForm(current.host);
    fillValid();
    pressReview();
    fromHost({ type: 'review.templateNotSaved', message: 'The template was not saved: EACCES' });
    expect(screen.getByRole('alert').textContent).toBe('The template was not saved: EACCES');
  });
});

describe('the cost estimate on the review', () => {
  const PRODUCT = 'Azure Database for PostgreSQL Flexible Server';
  const item = (productName: string, meterName: string, retailPrice: number, unitOfMeasure: string) => ({
    currencyCode: 'USD', retailPrice, unitOfMeasure, armRegionName: 'westeurope', meterName, productName, skuName: meterName, serviceName: 'Azure Database for PostgreSQL', type: 'Consumption',
  });

  it('shows each line and the total from the list prices, and says what it leaves out', () => {
    openCreateForm(current.host);
    fromHost({
      type: 'catalog.prices',
      location: 'westeurope',
      prices: [item(`${PRODUCT} Burstable BS Series Compute`, 'B2s', 0.1, '1 Hour'), item(`${PRODUCT} Storage`, 'Storage Data Stored', 0.125, '1 GB/Month')],
    });
    fillValid();
    pressReview();
    const estimate = screen.getByRole('region', { name: 'Estimated cost' });
    expect(within(estimate).getByText('Compute', { selector: 'dt' }).nextElementSibling?.textContent).toBe('$73.00');
    expect(within(estimate).getByText('Storage', { selector: 'dt' }).nextElementSibling?.textContent).toBe('$4.00');
    expect(within(estimate).getByText('Total per month', { selector: 'dt' }).nextElementSibling?.textContent).toBe('$77.00');
    expect(estimate.textContent).toMatch(/Not included: taxes; discounts, reservations and savings plans; data transfer out of Azure/);
  });

  it('says there is no estimate when the prices could not be read, and Create still works', () => {
    openCreateForm(current.host);
    fromHost({ type: 'catalog.pricesUnavailable', location: 'westeurope', message: 'prices.azure.com did not answer' });
    fillValid();
    pressReview();
    expect(screen.getByText('No estimate: the prices could not be read (prices.azure.com did not answer).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(current.host.ofType('form.submit')).toHaveLength(1);
  });
});
