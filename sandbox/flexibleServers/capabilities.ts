import { textOr } from '../http/text';
import { defaultTierFor, iopsOfTier, tiersOfferedFor } from './diskTiers';

/**
 * Location capabilities in the shape of the official CapabilitiesByLocationList example, with the
 * data a real region offered in 2026: versions 11–18; Burstable / GeneralPurpose / MemoryOptimized
 * with their portal defaults; managed-disk sizes from 32 GiB to 32 TiB.
 */

const VERSIONS = ['11', '12', '13', '14', '15', '16', '17', '18'];
const STORAGE_GB = [32, 64, 128, 256, 512, 1024, 2048, 4095, 4096, 8192, 16384, 32767];
const ZONES = ['1', '2', '3'];

interface EditionSpec {
  name: 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized';
  defaultSkuName: string;
  defaultStorageGb: number;
  skus: { name: string; vCores: number; iops: number; memoryPerVcoreMb: number }[];
}

/** Why a server's version, compute or storage is not offered; undefined when it is. */
export function unsupportedOffer(version: string, tier: string, skuName: string, storageGb: number): string | undefined {
  if (!VERSIONS.includes(version)) return `PostgreSQL version '${version}' is not supported in this location. Supported versions: ${VERSIONS.join(', ')}.`;
  const edition = EDITIONS.find((e) => e.name === tier);
  if (!edition) return `The compute tier '${tier}' is not supported. Supported tiers: ${EDITIONS.map((e) => e.name).join(', ')}.`;
  if (!edition.skus.some((s) => s.name === skuName)) return `The compute size '${skuName}' is not available in the '${tier}' tier in this location.`;
  if (!STORAGE_GB.includes(storageGb)) return `The storage size ${storageGb} GiB is not supported. Supported sizes (GiB): ${STORAGE_GB.join(', ')}.`;
  return undefined;
}

/** Why a server cannot be placed in a zone; undefined when no zone is asked for or it is offered. */
export function unsupportedZone(zone: unknown): string | undefined {
  if (zone === undefined || (typeof zone === 'string' && ZONES.includes(zone))) return undefined;
  return `The availability zone '${textOr(zone, JSON.stringify(zone))}' is not available in this location. Available zones: ${ZONES.join(', ')}.`;
}

function series(prefix: string, suffix: string, vCores: number[], memoryPerVcoreMb: number): EditionSpec['skus'] {
  return vCores.map((v) => ({ name: `Standard_${prefix}${v}${suffix}`, vCores: v, iops: Math.min(80000, v * 3200), memoryPerVcoreMb }));
}

const EDITIONS: EditionSpec[] = [
  {
    name: 'Burstable',
    defaultSkuName: 'Standard_B2s',
    defaultStorageGb: 32,
    skus: [
      { name: 'Standard_B1ms', vCores: 1, iops: 640, memoryPerVcoreMb: 2048 },
      { name: 'Standard_B2s', vCores: 2, iops: 1280, memoryPerVcoreMb: 2048 },
      { name: 'Standard_B2ms', vCores: 2, iops: 1920, memoryPerVcoreMb: 4096 },
      { name: 'Standard_B4ms', vCores: 4, iops: 2880, memoryPerVcoreMb: 4096 },
      { name: 'Standard_B8ms', vCores: 8, iops: 4320, memoryPerVcoreMb: 4096 },
      { name: 'Standard_B12ms', vCores: 12, iops: 4320, memoryPerVcoreMb: 4096 },
      { name: 'Standard_B16ms', vCores: 16, iops: 4320, memoryPerVcoreMb: 4096 },
      { name: 'Standard_B20ms', vCores: 20, iops: 4320, memoryPerVcoreMb: 4096 },
    ],
  },
  {
    name: 'GeneralPurpose',
    defaultSkuName: 'Standard_D4ads_v5',
    defaultStorageGb: 64,
    skus: [...series('D', 'ds_v5', [2, 4, 8, 16, 32, 48, 64, 96], 4096), ...series('D', 'ads_v5', [2, 4, 8, 16, 32, 48, 64, 96], 4096)],
  },
  {
    name: 'MemoryOptimized',
    defaultSkuName: 'Standard_E4ads_v5',
    defaultStorageGb: 128,
    skus: [...series('E', 'ds_v5', [2, 4, 8, 16, 20, 32, 48, 64, 96], 8192), ...series('E', 'ads_v5', [2, 4, 8, 16, 20, 32, 48, 64, 96], 8192)],
  },
];

/** A compute size's vCores as the capabilities list it; undefined for a size no tier offers. */
export function vCoresOf(skuName: string): number | undefined {
  const wanted = skuName.toLowerCase();
  return EDITIONS.flatMap((e) => e.skus).find((s) => s.name.toLowerCase() === wanted)?.vCores;
}

function storageEntry(sizeGb: number): Record<string, unknown> {
  const defaultTier = defaultTierFor(sizeGb);
  return {
    supportedIops: iopsOfTier(defaultTier),
    storageSizeMb: sizeGb * 1024,
    defaultIopsTier: defaultTier,
    supportedIopsTiers: tiersOfferedFor(sizeGb),
  };
}

/** Why a size is listed Disabled: the reason field of ARM's capability model (CapabilityBase). */
export const SKU_NOT_OFFERED_REASON = 'This compute size is not available to your subscription in this location.';

function edition(spec: EditionSpec, unlisted: (skuName: string) => boolean): Record<string, unknown> {
  return {
    supportedServerSkus: spec.skus.map((sku) => ({
      ...(unlisted(sku.name) ? { status: 'Disabled', reason: SKU_NOT_OFFERED_REASON } : {}),
      supportedFeatures: [],
      name: sku.name,
      vCores: sku.vCores,
      supportedIops: sku.iops,
      supportedMemoryPerVcoreMb: sku.memoryPerVcoreMb,
      supportedZones: ZONES,
      // High availability is not offered on Burstable.
      supportedHaMode: spec.name === 'Burstable' ? [] : ['SameZone', 'ZoneRedundant'],
    })),
    name: spec.name,
    defaultSkuName: spec.defaultSkuName,
    supportedStorageEditions: [
      {
        name: 'ManagedDisk',
        defaultStorageSizeMb: spec.defaultStorageGb * 1024,
        supportedStorageMb: STORAGE_GB.map(storageEntry),
      },
    ],
  };
}

/** A location's capabilities for one subscription; `unlisted` names the sizes it lists as Disabled there. */
export function capabilitiesOf(unlisted: (skuName: string) => boolean = () => false): { value: Record<string, unknown>[] } {
  return {
    value: [
      {
        name: 'FlexibleServerCapabilities',
        supportedServerEditions: EDITIONS.map((spec) => edition(spec, unlisted)),
        supportedServerVersions: VERSIONS.map((name, i) => ({ supportedFeatures: [], name, supportedVersionsToUpgrade: VERSIONS.slice(i + 1) })),
        supportedFastProvisioningEditions: ['12', '13', '14', '15', '16', '17'].map((version) => ({
          supportedTier: 'Burstable',
          supportedSku: 'standard_b1ms',
          supportedStorageGb: 32,
          supportedServerVersions: version,
          serverCount: 0,
        })),
        supportedFeatures: [
          { name: 'FastProvisioning', status: 'Enabled' },
          { name: 'ZoneRedundantHa', status: 'Enabled' },
          { name: 'GeoBackup', status: 'Enabled' },
          { name: 'ZoneRedundantHaAndGeoBackup', status: 'Enabled' },
          { name: 'StorageAutoGrowth', status: 'Enabled' },
          { name: 'OnlineResize', status: 'Enabled' },
          { name: 'OfferRestricted', status: 'Disabled' },
          { name: 'IndexTuning', status: 'Enabled' },
          { name: 'Clusters', status: 'Enabled' },
          { name: 'ConfigTuning', status: 'Disabled' },
        ],
        fastProvisioningSupported: 'Enabled',
        geoBackupSupported: 'Enabled',
        zoneRedundantHaSupported: 'Enabled',
        zoneRedundantHaAndGeoBackupSupported: 'Enabled',
        storageAutoGrowthSupported: 'Enabled',
        onlineResizeSupported: 'Enabled',
      },
    ],
  };
}
