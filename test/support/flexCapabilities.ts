import type { FlexCapabilities } from '../../machines/flexDeployment/catalog';

const ZONES = ['1', '2', '3'];

/**
 * A location's capabilities as the form gets them: Burstable without HA; General Purpose with one
 * size offering both HA modes in three zones and one offering same-zone HA in zone 1 only.
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
      },
    ],
    geoBackupSupported: true,
    zoneRedundantHaAndGeoBackupSupported: true,
    storageAutoGrowthSupported: true,
    ...overrides,
  };
}
