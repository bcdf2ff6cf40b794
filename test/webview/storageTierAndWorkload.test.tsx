import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { flexCapabilities } from '../support/flexCapabilities';
import { fillValid, openCreateForm, pressReview, type, useFakeHost } from './support/createForm';
import { fromHost } from './support/fakeHost';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

/** The storage performance tier and the workload type of the create form. */

const current = useFakeHost();

const selected = (label: string) => screen.getByLabelText<HTMLSelectElement>(label).value;
const tierOptions = () => within(screen.getByLabelText('Performance tier')).getAllByRole('option').map((o) => o.textContent);

describe('the storage performance tier', () => {
  it("offers the size's tiers with their IOPS, the size's default chosen", () => {
    openCreateForm(current.host);
    type('Compute tier', 'GeneralPurpose');
    expect(selected('Performance tier')).toBe('P6');
    expect(tierOptions()).toEqual([
      'P6 (240 IOPS), the default for this size', 'P10 (500 IOPS)', 'P15 (1,100 IOPS)', 'P20 (2,300 IOPS)', 'P30 (5,000 IOPS)', 'P40 (7,500 IOPS)', 'P50 (7,500 IOPS)',
    ]);
  });

  it('is not offered where the location lists one tier for the size, or none', () => {
    const burstable = flexCapabilities('westeurope').tiers[0];
    openCreateForm(current.host, {
      tiers: [{ ...burstable, storageTiers: [{ sizeGB: 32, defaultTier: 'P4', tiers: [{ name: 'P4', iops: 120 }] }] }],
    });
    expect(selected('Storage size')).toBe('32');
    expect(screen.queryByLabelText('Performance tier')).toBeNull();
    type('Storage size', '64');
    expect(screen.queryByLabelText('Performance tier')).toBeNull();
  });

  it('keeps a chosen tier when the storage size still offers it, else goes back to the new size’s default', () => {
    openCreateForm(current.host);
    type('Compute tier', 'GeneralPurpose');
    type('Performance tier', 'P30');
    type('Storage size', '128');
    expect(selected('Performance tier')).toBe('P30');
    type('Storage size', '64');
    type('Performance tier', 'P6');
    type('Storage size', '128');
    expect(selected('Performance tier')).toBe('P10');
    expect(tierOptions()[0]).toBe('P10 (500 IOPS), the default for this size');
  });

  it('is sent by name and shown on the review with its IOPS; a refusal by the host shows on its field', () => {
    openCreateForm(current.host);
    fromHost({ type: 'catalog.prices', location: 'westeurope', prices: [] });
    fillValid();
    type('Performance tier', 'P30');
    pressReview();
    const review = screen.getByRole('heading', { name: 'Review + create' }).closest('main')!;
    expect(within(review).getByText('Storage performance tier', { selector: 'dt' }).nextElementSibling?.textContent).toBe('P30 (5,000 IOPS)');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(current.host.ofType('form.submit')[0].request).toMatchObject({ storageSizeGB: 32, storageTier: 'P30' });
    const refusal = 'Performance tier P30 is not offered for 32 GiB of storage in westeurope. Available tiers: P4, P6.';
    fromHost({ type: 'form.rejected', errors: { storageTier: [refusal] } });
    expect(screen.getByLabelText('Performance tier').closest('div')?.textContent).toContain(refusal);
  });

  it('names the tier on the review’s estimate among what it leaves out', () => {
    openCreateForm(current.host);
    const PRODUCT = 'Azure Database for PostgreSQL Flexible Server';
    const item = (productName: string, meterName: string, retailPrice: number, unitOfMeasure: string) => ({
      currencyCode: 'USD', retailPrice, unitOfMeasure, armRegionName: 'westeurope', meterName, productName, skuName: meterName, serviceName: 'Azure Database for PostgreSQL', type: 'Consumption',
    });
    fromHost({
      type: 'catalog.prices',
      location: 'westeurope',
      prices: [item(`${PRODUCT} Burstable BS Series Compute`, 'B2s', 0.1, '1 Hour'), item(`${PRODUCT} Storage`, 'Storage Data Stored', 0.125, '1 GB/Month')],
    });
    fillValid();
    type('Performance tier', 'P30');
    pressReview();
    const estimate = screen.getByRole('region', { name: 'Estimated cost' });
    expect(within(estimate).getByText('Storage', { selector: 'dt' }).nextElementSibling?.textContent).toBe('$4.00');
    expect(estimate.textContent).toContain("a storage performance tier above the size's default: storage is priced by its size alone, not by its tier");
  });
});

describe('the workload type', () => {
  it('fills compute, storage, HA and backup; each field stays editable; the type is not sent', () => {
    openCreateForm(current.host);
    type('Workload type', 'ProductionSmallMedium');
    expect([selected('Compute tier'), selected('Compute size'), selected('Storage size'), selected('High availability')])
      .toEqual(['GeneralPurpose', 'Standard_D4ads_v5', '64', 'ZoneRedundant']);
    expect(screen.getByLabelText<HTMLInputElement>('Backup retention (days)').value).toBe('7');

    type('Workload type', 'Development');
    expect([selected('Compute tier'), selected('Compute size'), selected('Storage size'), selected('High availability')])
      .toEqual(['Burstable', 'Standard_B1ms', '32', 'Disabled']);

    type('Compute size', 'Standard_B2s');
    type('Backup retention (days)', '21');
    fillValid();
    pressReview();
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    const { request } = current.host.ofType('form.submit')[0];
    expect(request).toMatchObject({ tier: 'Burstable', skuName: 'Standard_B2s', storageSizeGB: 32, backup: { retentionDays: 21 } });
    expect(request).not.toHaveProperty('workloadType');
  });

  it('sets only what the location offers: without Memory Optimized, Production (large) keeps the compute; geo backup only where offered', () => {
    openCreateForm(current.host);
    type('Workload type', 'ProductionLarge');
    expect([selected('Compute tier'), selected('Compute size'), selected('High availability')]).toEqual(['Burstable', 'Standard_B2s', 'Disabled']);
    expect(screen.getByLabelText<HTMLInputElement>('Backup retention (days)').value).toBe('14');
    expect(screen.getByLabelText<HTMLInputElement>('Geo-redundant backup').checked).toBe(true);
  });

  it('leaves geo-redundant backup off where the location has none, and zone-redundant HA gives way to same-zone where the size lacks it', () => {
    const [burstable, generalPurpose] = flexCapabilities('westeurope').tiers;
    openCreateForm(current.host, {
      geoBackupSupported: false,
      tiers: [burstable, { ...generalPurpose, skus: generalPurpose.skus.map((s) => ({ ...s, haModes: ['SameZone' as const] })) }],
    });
    type('Workload type', 'ProductionSmallMedium');
    expect(selected('High availability')).toBe('SameZone');
    expect(screen.getByLabelText<HTMLInputElement>(/^Geo-redundant backup/).checked).toBe(false);
  });
});
