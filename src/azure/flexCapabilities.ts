import type { Capability } from '@azure/arm-postgresql-flexible';
import { computeTierSchema, type FlexCapabilities, type SkuCapability, type StorageSizeTiers, type TierCapability } from '../../machines/flexDeployment/catalog';

const TIERS = computeTierSchema.options;
/** Premium SSD, the storage the template creates (storage.type left at its default). */
const STORAGE_EDITION = 'ManagedDisk';
const MB_PER_GB = 1024;
const HA_MODES = ['SameZone', 'ZoneRedundant'] as const;

/** The location's capabilities as the create form offers them; Disabled entries are left out. */
export function toFlexCapabilities(location: string, capabilities: readonly Capability[]): FlexCapabilities {
  const flex = capabilities.find((c) => c.name === 'FlexibleServerCapabilities') ?? capabilities[0];
  const offered = <T extends { status?: string }>(items: readonly T[] | undefined): T[] => (items ?? []).filter((item) => item.status !== 'Disabled');

  const versionEntries = offered(flex?.supportedServerVersions).filter((v): v is typeof v & { name: string } => !!v.name);
  const versions = versionEntries.map((v) => v.name).sort((a, b) => Number(a) - Number(b));
  const defaultVersion = versionEntries.find((v) => v.status === 'Default')?.name ?? versions[versions.length - 1] ?? '';

  const enabled = (support: string | undefined) => support === 'Enabled';
  const zoneRedundantHa = enabled(flex?.zoneRedundantHaSupported);

  const tiers: TierCapability[] = [];
  for (const edition of offered(flex?.supportedServerEditions)) {
    const tier = TIERS.find((t) => t === edition.name);
    if (!tier) continue;
    const skus = offered(edition.supportedServerSkus)
      .filter((sku): sku is typeof sku & { name: string } => !!sku.name)
      .map((sku): SkuCapability => ({
        name: sku.name,
        vCores: sku.vCores ?? 0,
        ...(sku.supportedMemoryPerVcoreMb && sku.vCores ? { memoryMb: sku.supportedMemoryPerVcoreMb * sku.vCores } : {}),
        zones: sku.supportedZones ?? [],
        // Capabilities list HA modes on Burstable sizes too (the official example does), but the
        // provider refuses HA in that tier; and zone-redundant HA only where the location has it.
        haModes: tier === 'Burstable'
          ? []
          : HA_MODES.filter((mode) => (sku.supportedHaMode ?? []).includes(mode) && (mode !== 'ZoneRedundant' || zoneRedundantHa)),
      }));
    const storage = offered(edition.supportedStorageEditions).find((s) => s.name === STORAGE_EDITION) ?? offered(edition.supportedStorageEditions)[0];
    const storageSizesGB = offered(storage?.supportedStorageMb)
      .map((s) => (s.storageSizeMb ?? 0) / MB_PER_GB)
      .filter((gb) => Number.isInteger(gb) && gb > 0);
    const defaultStorageSizeGB = storage?.defaultStorageSizeMb ? storage.defaultStorageSizeMb / MB_PER_GB : storageSizesGB[0] ?? 0;
    const storageTiers = offered(storage?.supportedStorageMb).flatMap((s): StorageSizeTiers[] => {
      const tiers = offered(s.supportedIopsTiers)
        .filter((t): t is typeof t & { name: string } => !!t.name)
        .map((t) => ({ name: t.name, iops: t.iops ?? 0 }));
      const sizeGB = (s.storageSizeMb ?? 0) / MB_PER_GB;
      return tiers.length && Number.isInteger(sizeGB) && sizeGB > 0 ? [{ sizeGB, defaultTier: s.defaultIopsTier ?? tiers[0].name, tiers }] : [];
    });
    tiers.push({
      tier,
      defaultSkuName: edition.defaultSkuName && skus.some((s) => s.name === edition.defaultSkuName) ? edition.defaultSkuName : skus[0]?.name ?? '',
      skus,
      storageSizesGB: [...new Set(storageSizesGB)].sort((a, b) => a - b),
      defaultStorageSizeGB,
      storageTiers,
    });
  }
  tiers.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));
  return {
    location,
    versions,
    defaultVersion,
    tiers,
    geoBackupSupported: enabled(flex?.geoBackupSupported),
    zoneRedundantHaAndGeoBackupSupported: enabled(flex?.zoneRedundantHaAndGeoBackupSupported),
    storageAutoGrowthSupported: enabled(flex?.storageAutoGrowthSupported),
  };
}
