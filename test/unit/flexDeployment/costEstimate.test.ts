import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateMonthlyCost, ESTIMATE_EXCLUDES, HOURS_PER_MONTH } from '../../../machines/flexDeployment/costEstimate';
import type { RetailPrice } from '../../../machines/flexDeployment/retailPrices';
import { DEFAULT_SERVER_OPTIONS } from '../../../machines/flexDeployment/serverOptions';

const PRODUCT = 'Azure Database for PostgreSQL Flexible Server';

function price(productName: string, meterName: string, retailPrice: number, unitOfMeasure = '1 Hour'): RetailPrice {
  return { currencyCode: 'USD', retailPrice, unitOfMeasure, armRegionName: 'eastus', meterName, productName, skuName: meterName, serviceName: 'Azure Database for PostgreSQL', type: 'Consumption' };
}

/**
 * Made-up look-alikes of the meters the estimate reads, each differing in one respect only (another
 * service, product, size, meter or unit), listed first so that reading one would change the sum.
 */
const LOOK_ALIKES = [
  price('Virtual Machines BS Series', 'B2s', 0.0416),
  price(`${PRODUCT} Burstable BS Series Compute`, 'B1ms', 0.0208),
  price(`${PRODUCT} Burstable BS Series Compute`, 'B2s', 60.74, '1/Month'),
  price(`${PRODUCT} General Purpose Dadsv5 Series Compute`, 'vCore', 64.6, '1/Month'),
  price(`${PRODUCT} General Purpose Dadsv5 Series Compute`, 'Zone Redundant vCore', 0.0123),
  price('Azure Database for PostgreSQL Single Server General Purpose Storage', 'Storage Data Stored', 0.23, '1 GB/Month'),
  price(`${PRODUCT} Storage`, 'Additional IOPS', 0.05, '1 IOPS/Month'),
  price(`${PRODUCT} Backup Storage`, 'Backup Storage LRS Data Stored', 0.095, '1 GB/Month'),
  price('Azure Database for PostgreSQL Single Server Backup Storage', 'Backup Storage GRS Data Stored', 0.19, '1 GB/Month'),
];

const PRICES = [
  ...LOOK_ALIKES,
  price(`${PRODUCT} General Purpose Ddsv5 Series Compute`, 'vCore', 0.09),
  price(`${PRODUCT} General Purpose Dadsv5 Series Compute`, 'vCore', 0.0885),
  price(`${PRODUCT} Burstable BS Series Compute`, 'B2s', 0.0832),
  price(`${PRODUCT} Storage`, 'Storage Data Stored', 0.115, '1 GB/Month'),
  price(`${PRODUCT} Backup Storage`, 'Backup Storage GRS Data Stored', 0.2, '1 GB/Month'),
];

const burstable = { ...DEFAULT_SERVER_OPTIONS, tier: 'Burstable' as const, skuName: 'Standard_B2s', storageSizeGB: 32 };
const generalPurpose = { ...DEFAULT_SERVER_OPTIONS, tier: 'GeneralPurpose' as const, skuName: 'Standard_D4ads_v5', storageSizeGB: 64 };

describe('the monthly cost estimate', () => {
  it('says what it leaves out, each in words of its own', () => {
    expect(ESTIMATE_EXCLUDES).toEqual([
      'taxes',
      'discounts, reservations and savings plans',
      'data transfer out of Azure',
      'backup storage within the free allowance (as much as the provisioned storage) is free; more is billed and not counted here',
      'additional IOPS beyond the disk tier',
      "a storage performance tier above the size's default: storage is priced by its size alone, not by its tier",
    ]);
  });

  it('Burstable: the size’s hourly price × 730, plus storage per GiB-month', () => {
    expect(estimateMonthlyCost(burstable, 2, PRICES)).toEqual({
      kind: 'estimate',
      currency: 'USD',
      lines: [{ label: 'Compute', monthly: 0.0832 * 730 }, { label: 'Storage', monthly: 0.115 * 32 }],
      total: 0.0832 * 730 + 0.115 * 32,
    });
  });

  it('General Purpose with zone-redundant HA and geo-redundant backup: the series’ vCore price × vCores, server and standby, and backup storage as large as the disk', () => {
    const estimate = estimateMonthlyCost({ ...generalPurpose, highAvailability: { mode: 'ZoneRedundant' }, backup: { retentionDays: 7, geoRedundant: true } }, 4, PRICES);
    expect(estimate.kind === 'estimate' && estimate.lines).toEqual([
      { label: 'Compute, server and standby', monthly: 0.0885 * 4 * 730 * 2 },
      { label: 'Storage, server and standby', monthly: 0.115 * 64 * 2 },
      { label: 'Geo-redundant backup storage (as much as the provisioned storage)', monthly: 0.2 * 64 },
    ]);
  });

  it('a high-availability standby doubles compute and storage, for any size of the series and any disk', () => {
    const vCoreCounts = fc.constantFrom(2, 4, 8, 16, 32, 48, 64, 96);
    fc.assert(
      fc.property(vCoreCounts, fc.integer({ min: 32, max: 32767 }), fc.constantFrom('SameZone' as const, 'ZoneRedundant' as const), (vCores, storageSizeGB, mode) => {
        const size = { ...generalPurpose, skuName: `Standard_D${vCores}ads_v5`, storageSizeGB };
        const single = estimateMonthlyCost(size, vCores, PRICES);
        const paired = estimateMonthlyCost({ ...size, highAvailability: { mode } }, vCores, PRICES);
        if (single.kind !== 'estimate' || paired.kind !== 'estimate') throw new Error('no estimate');
        expect(paired.total).toBeCloseTo(single.total * 2, 6);
        expect(single.total).toBeCloseTo(0.0885 * vCores * HOURS_PER_MONTH + 0.115 * storageSizeGB, 6);
      }),
    );
  });

  it('names what the price list lacks rather than guessing', () => {
    expect(estimateMonthlyCost({ ...generalPurpose, skuName: 'Standard_E4ads_v5', tier: 'MemoryOptimized' }, 4, PRICES)).toEqual({ kind: 'unpriced', missing: ['compute for Standard_E4ads_v5'] });
    expect(estimateMonthlyCost({ ...burstable, backup: { retentionDays: 7, geoRedundant: true } }, 2, PRICES.filter((p) => !p.meterName.startsWith('Backup')))).toEqual({
      kind: 'unpriced',
      missing: ['geo-redundant backup storage'],
    });
    const withoutFlexibleStorage = PRICES.filter((p) => p.productName !== `${PRODUCT} Storage` || p.meterName !== 'Storage Data Stored');
    expect(estimateMonthlyCost(burstable, 2, withoutFlexibleStorage)).toEqual({ kind: 'unpriced', missing: ['storage'] });
  });
});
