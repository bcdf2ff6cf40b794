import type { ComputeTier, FlexCapabilities, TierCapability } from '../../machines/flexDeployment/catalog';
import { offeredSku } from '../../machines/flexDeployment/offeredOptions';
import { MIN_BACKUP_RETENTION_DAYS, type HighAvailabilityMode } from '../../machines/flexDeployment/serverOptions';
import type { FormValues } from './formValues';
import type { WorkloadType } from './workloadType';

/**
 * The portal's "Workload type": a choice that fills compute, storage, high availability and backup
 * with defaults for a kind of server. Only the form knows it; the request gets the fields it set,
 * each still the user's to change.
 *
 * Where the values come from. Microsoft's portal quickstart (MicrosoftDocs/azure-docs,
 * articles/postgresql/flexible-server/quickstart-create-server-portal.md, 2021: "Workload type:
 * Default SKU selection") names Development the Burstable tier, Production small/medium General
 * Purpose and Production large Memory Optimized; it gives the (production small/medium) default as
 * General Purpose, 4 vCores, 512 GB, 7 days, and suggests zone-redundant HA. Its free-account
 * article (how-to-deploy-on-azure-free-account.md) gives Development as a Burstable B1ms with
 * 32 GB. For Production large the documentation names no size: it takes the location's default
 * size and storage of its tier (the capabilities' defaultSkuName and defaultStorageSizeMb). Not
 * from Microsoft but this extension's choice: HA for Production large as for small/medium, and
 * its 14 days of geo-redundant backup.
 */
interface WorkloadPreset {
  tier: ComputeTier;
  /** Undefined: the tier's default size in the location. */
  skuName?: string;
  /** A size with this many vCores, the tier's default first; undefined: the tier's default size. */
  vCores?: number;
  /** Undefined: the tier's default storage size in the location. */
  storageSizeGB?: number;
  /** In order of preference; Disabled where the size offers none of them. */
  highAvailability: Exclude<HighAvailabilityMode, 'Disabled'>[];
  backupRetentionDays: number;
  geoRedundantBackup: boolean;
}

const PRESETS: Record<WorkloadType, WorkloadPreset> = {
  Development: { tier: 'Burstable', skuName: 'Standard_B1ms', storageSizeGB: 32, highAvailability: [], backupRetentionDays: MIN_BACKUP_RETENTION_DAYS, geoRedundantBackup: false },
  ProductionSmallMedium: { tier: 'GeneralPurpose', vCores: 4, storageSizeGB: 512, highAvailability: ['ZoneRedundant', 'SameZone'], backupRetentionDays: MIN_BACKUP_RETENTION_DAYS, geoRedundantBackup: false },
  ProductionLarge: { tier: 'MemoryOptimized', highAvailability: ['ZoneRedundant', 'SameZone'], backupRetentionDays: 14, geoRedundantBackup: true },
};

/**
 * The fields a workload type sets, as far as the location offers them: a tier it lacks keeps the
 * form's compute and storage, a size or storage size it lacks gives way to the tier's default, and
 * HA or geo-redundant backup it does not offer is left off. The storage tier goes back to the
 * size's default and the standby zone to no preference.
 */
export function workloadPresetValues(type: WorkloadType, values: FormValues, capabilities: FlexCapabilities): Partial<FormValues> {
  const preset = PRESETS[type];
  const tier = capabilities.tiers.find((t) => t.tier === preset.tier);
  const compute = tier
    ? {
        tier: tier.tier,
        skuName: presetSku(preset, tier),
        storageSizeGB: String(preset.storageSizeGB && tier.storageSizesGB.includes(preset.storageSizeGB) ? preset.storageSizeGB : tier.defaultStorageSizeGB),
      }
    : { tier: values.tier, skuName: values.skuName, storageSizeGB: values.storageSizeGB };
  const sku = offeredSku(capabilities, compute.tier, compute.skuName);
  const highAvailabilityMode = preset.highAvailability.find((mode) => sku?.haModes.includes(mode)) ?? 'Disabled';
  const geoRedundantBackup = preset.geoRedundantBackup && capabilities.geoBackupSupported
    && (highAvailabilityMode !== 'ZoneRedundant' || capabilities.zoneRedundantHaAndGeoBackupSupported);
  return {
    workloadType: type,
    ...compute,
    storageTier: '',
    highAvailabilityMode,
    standbyAvailabilityZone: '',
    backupRetentionDays: String(preset.backupRetentionDays),
    geoRedundantBackup,
  };
}

function presetSku(preset: WorkloadPreset, tier: TierCapability): string {
  if (preset.skuName && tier.skus.some((s) => s.name === preset.skuName)) return preset.skuName;
  const sized = tier.skus.filter((s) => s.vCores === preset.vCores);
  return sized.find((s) => s.name === tier.defaultSkuName)?.name ?? sized[0]?.name ?? tier.defaultSkuName;
}
