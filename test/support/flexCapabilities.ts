import type { FlexCapabilities, StorageSizeTiers } from '../../machines/flexDeployment/catalog';

const ZONES = ['1', '2', '3'];

/** Premium SSD tiers up to P50 with their IOPS, as the official capabilities example lists them. */
const DISK_TIERS = [['P4', 120], ['P6', 240], ['P10', 500], ['P15', 1100], ['P20', 2300], ['P30', 5000], ['P40', 7500], ['P50', 7500]] as const;

/** A size's tiers: its default and every higher one up to P50, as Azure offers for disks up to 4 TiB. */
export function sizeTiers(sizeGB: number, defaultTier: string): StorageSizeTiers {
  const from = DISK_TIERS.findIndex(([name]) => name === defaultTier);
  return { sizeGB, defaultTier, tiers: DISK_TIERS.slice(from).map(([name, iops]) => ({ name, iops })) };
}

/**
 * A location's capabilities as the form gets them: Burstable without HA; General Purpose with one
 * size offering both HA modes in three zones and one offering same-zone HA in zone 1 only. Each
 * storage size offers the performance tiers from its default up to P50.
 */
export function flexCapabilities(location: string, overrides: Partial<FlexCapabilities> = {}): FlexCapabilities {
  return {
    location,
    versions: ['16', '17'],
    defaultVersion: '17',
    tiers: [
      {
        tier: 'Burstable',
        defaultSkuName: 'Standard_B2s',
        skus: [{ name: 'Standard_B1ms', vCores: 1, zones: ZONES, haModes: [] }, { name: 'Standard_B2s', vCores: 2, zones: ZONES, haModes: [] }],
        storageSizesGB: [32, 64],
        defaultStorageSizeGB: 32,
        storageTiers: [sizeTiers(32, 'P4'), sizeTiers(64, 'P6')],
      },
      {
        tier: 'GeneralPurpose',
        defaultSkuName: 'Standard_D4ads_v5',
        skus: [
          { name: 'Standard_D4ads_v5', vCores: 4, memoryMb: 16384, zones: ZONES, haModes: ['SameZone', 'ZoneRedundant'] },
          { name: 'Standard_D2ads_v5', vCores: 2, memoryMb: 8192, zones: ['1'], haModes: ['SameZone'] },
        ],
        storageSizesGB: [64, 128],
        defaultStorageSizeGB: 64,
        storageTiers: [sizeTiers(64, 'P6'), sizeTiers(128, 'P10')],
      },
    ],
    geoBackupSupported: true,
    zoneRedundantHaAndGeoBackupSupported: true,
    storageAutoGrowthSupported: true,
    ...overrides,
  };
}
