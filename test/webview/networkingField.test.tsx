import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FirewallRange } from '../../machines/flexDeployment/networking';
import { fillValid, openCreateForm, openRetryForm, pressReview, RETRY_PREFILL, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

/** The networking choice of the create form: public access with its firewall rules, or none. */

const current = useFakeHost();

const PRIVATE_ACCESS = 'Private access through a virtual network (VNet) is not offered here yet; you can set it up in the Azure portal.';

const office: FirewallRange = { name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' };
const home: FirewallRange = { name: 'home', startIpAddress: '203.0.113.1', endIpAddress: '203.0.113.1' };

function addRange(n: number, range: FirewallRange): void {
  fireEvent.click(screen.getByRole('button', { name: 'Add range' }));
  type(`Range ${n} name`, range.name);
  type(`Range ${n} start IP address`, range.startIpAddress);
  type(`Range ${n} end IP address`, range.endIpAddress);
}

/** The broken rules named under one box of a range. */
function errorsUnder(id: string): string[] {
  const messages = document.getElementById(`${id}-error`)?.querySelectorAll('.field-rule') ?? [];
  return [...messages].map((m) => m.textContent ?? '');
}

function reviewed(label: string): string | null | undefined {
  const review = screen.getByRole('heading', { name: 'Review + create' }).closest('main')!;
  return within(review).queryByText(label, { selector: 'dt' })?.nextElementSibling?.textContent;
}

describe('network access', () => {
  it('offers public access or none, public by default, and says next to it that private access is not offered here', () => {
    openCreateForm(current.host);
    expect(screen.getByLabelText<HTMLInputElement>('Public access (allowed IP addresses)').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('No public access').checked).toBe(false);
    expect(screen.getByText(PRIVATE_ACCESS)).toBeTruthy();
  });

  it('no public access hides the firewall rules and sends none; public access brings them back as they were', () => {
    openCreateForm(current.host);
    fillValid();
    fireEvent.click(screen.getByLabelText('Allow public access from Azure services within Azure to this server'));
    addRange(1, office);

    fireEvent.click(screen.getByLabelText('No public access'));
    expect(screen.queryByLabelText(/^Add my client IP address/)).toBeNull();
    expect(screen.queryByLabelText('Allow public access from Azure services within Azure to this server')).toBeNull();
    expect(screen.queryByLabelText('Range 1 name')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add range' })).toBeNull();
    expect(screen.getByText(PRIVATE_ACCESS)).toBeTruthy();
    pressReview();
    expect(reviewed('Network access')).toBe('No public access');
    expect(reviewed('Firewall rules')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const [submit] = current.host.ofType('form.submit');
    expect(submit.request).toMatchObject({ networkAccess: 'None', firewall: { allowAzureServices: false, ranges: [] } });
    expect((submit.request.firewall as { clientIp?: string }).clientIp).toBeUndefined();

    fromHost({ type: 'form.rejected', errors: {}, message: 'Azure said no.' });
    fireEvent.click(screen.getByLabelText('Public access (allowed IP addresses)'));
    expect(screen.getByLabelText<HTMLInputElement>('Allow public access from Azure services within Azure to this server').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Range 1 name').value).toBe('office');
  });
});

describe('custom firewall ranges', () => {
  it('names each broken rule under its own box once typed in, not before', () => {
    openCreateForm(current.host);
    fireEvent.click(screen.getByRole('button', { name: 'Add range' }));
    expect(screen.queryAllByRole('alert')).toEqual([]);

    type('Range 1 name', 'my office-');
    type('Range 1 start IP address', '192.168.1.100');
    type('Range 1 end IP address', '192.168.1.20');
    expect(errorsUnder('range-name-1')).toEqual([
      'A firewall rule name can contain only letters, numbers, hyphens and underscores.',
      'A firewall rule name cannot end with a hyphen.',
    ]);
    expect(errorsUnder('range-startIpAddress-1')).toEqual([]);
    expect(errorsUnder('range-endIpAddress-1')).toEqual(['End IP address cannot come before the start IP address.']);
    expect(screen.getByLabelText('Range 1 end IP address').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Range 1 start IP address').getAttribute('aria-invalid')).toBe('false');
  });

  it('on Review + create names the boxes not yet touched, and a name another range or a checkbox took; nothing is reviewed', () => {
    openCreateForm(current.host);
    fillValid();
    fireEvent.click(screen.getByLabelText('Allow public access from Azure services within Azure to this server'));
    addRange(1, office);
    addRange(2, { ...home, name: 'Office' });
    addRange(3, { ...home, name: 'AllowAllAzureServicesAndResourcesWithinAzureIps' });
    fireEvent.click(screen.getByRole('button', { name: 'Add range' }));
    pressReview();
    expect(screen.queryByRole('heading', { name: 'Review + create' })).toBeNull();
    expect(errorsUnder('range-name-2')).toEqual(["Firewall rule 'Office' is already in the list: rule names are compared without regard to case."]);
    expect(errorsUnder('range-name-3')).toEqual([
      "Firewall rule 'AllowAllAzureServicesAndResourcesWithinAzureIps' is one a checkbox above adds: rule names are compared without regard to case.",
    ]);
    expect(errorsUnder('range-name-4')).toEqual(['A firewall rule needs a name.']);
    expect(errorsUnder('range-startIpAddress-4')).toEqual(['Start IP address must be an IPv4 address.']);
    expect(errorsUnder('range-endIpAddress-4')).toEqual(['End IP address must be an IPv4 address.']);

    fireEvent.click(screen.getByRole('button', { name: 'Remove range 4' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove range 3' }));
    type('Range 2 name', 'home');
    pressReview();
    expect(reviewed('Network access')).toBe('Public access (allowed IP addresses)');
    expect(reviewed('Firewall rules')).toBe('Your client IP address (203.0.113.7); Azure services; office (198.51.100.0 to 198.51.100.255); home (203.0.113.1)');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(current.host.ofType('form.submit')[0].request).toMatchObject({
      networkAccess: 'Public',
      firewall: { allowAzureServices: true, clientIp: '203.0.113.7', ranges: [office, home] },
    });
  });
});

describe('a Retry', () => {
  it('comes back with the ranges and the access mode it was sent with', () => {
    openRetryForm(current.host, { ...RETRY_PREFILL, networkAccess: 'Public', firewall: { allowAzureServices: true, ranges: [office] } });
    expect(screen.getByLabelText<HTMLInputElement>('Public access (allowed IP addresses)').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Range 1 name').value).toBe('office');
    expect(screen.getByLabelText<HTMLInputElement>('Range 1 start IP address').value).toBe('198.51.100.0');
    expect(screen.getByLabelText<HTMLInputElement>('Range 1 end IP address').value).toBe('198.51.100.255');
    expect(screen.getByLabelText<HTMLInputElement>('Allow public access from Azure services within Azure to this server').checked).toBe(true);
  });

  it('of a server without public access comes back without it', () => {
    openRetryForm(current.host, { ...RETRY_PREFILL, networkAccess: 'None', firewall: { allowAzureServices: false, ranges: [] } });
    expect(screen.getByLabelText<HTMLInputElement>('No public access').checked).toBe(true);
    expect(screen.queryByRole('button', { name: 'Add range' })).toBeNull();
  });
});
