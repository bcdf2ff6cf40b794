import * as l10n from '../l10n';
import type { FlexCapabilities, SkuCapability, StorageSizeTiers, StorageTierCapability } from './catalog';
import type { ValidationErrors } from './createServerRequest';
import type { ServerOptions } from './serverOptions';

/** The compute size a request names, as the location offers it; undefined when it does not. */
export function offeredSku(capabilities: FlexCapabilities | undefined, tier: string, skuName: string): SkuCapability | undefined {
  return capabilities?.tiers.find((t) => t.tier === tier)?.skus.find((s) => s.name === skuName);
}

/**
 * The performance tiers the location lists for a storage size in a compute tier; undefined when it
 * lists none (the size's default is then Azure's to pick, and no other can be asked for).
 */
export function offeredStorageTiers(capabilities: FlexCapabilities | undefined, tier: string, storageSizeGB: number): StorageSizeTiers | undefined {
  const sizes = capabilities?.tiers.find((t) => t.tier === tier)?.storageTiers;
  return sizes?.find((s) => s.sizeGB === storageSizeGB && s.tiers.length > 0);
}

/** A performance tier as the location offers it for a storage size; undefined when it does not. */
export function offeredStorageTier(sizeTiers: StorageSizeTiers | undefined, name: string | undefined): StorageTierCapability | undefined {
  return sizeTiers?.tiers.find((t) => t.name === name);
}

/**
 * The options against what the location offers for the chosen size: every option it does not
 * offer, on its own field, so the form and the host name all of them at once. The size itself is
 * checked before this (preflight.ts); without it no option can be judged.
 */
export function unofferedOptions(
  request: ServerOptions & { tier: string; skuName: string; storageSizeGB: number; location: string },
  capabilities: FlexCapabilities,
): ValidationErrors {
  const sku = offeredSku(capabilities, request.tier, request.skuName);
  if (!sku) return {};
  const errors: ValidationErrors = {};
  const { mode, standbyAvailabilityZone } = request.highAvailability;
  if (mode !== 'Disabled' && !sku.haModes.includes(mode)) {
    errors['highAvailability.mode'] = [
      request.tier === 'Burstable'
        ? l10n.t('High availability is not offered in the Burstable tier. Choose General Purpose or Memory Optimized.')
        : mode === 'ZoneRedundant'
          ? l10n.t('Zone-redundant high availability is not offered for {0} in {1}.', sku.name, request.location)
          : l10n.t('Same-zone high availability is not offered for {0} in {1}.', sku.name, request.location),
    ];
  }
  const zoneError = (zone: string | undefined) =>
    zone !== undefined && !sku.zones.includes(zone)
      ? [[l10n.t('Zone {0} is not offered for {1} in {2}.', zone, sku.name, request.location), sku.zones.length ? l10n.t('Available zones: {0}.', sku.zones.join(', ')) : ''].filter(Boolean).join(' ')]
      : undefined;
  const zone = zoneError(request.availabilityZone);
  if (zone) errors.availabilityZone = zone;
  const standby = zoneError(standbyAvailabilityZone);
  if (standby) errors['highAvailability.standbyAvailabilityZone'] = standby;
  if (request.backup.geoRedundant && !capabilities.geoBackupSupported) {
    errors['backup.geoRedundant'] = [l10n.t('Geo-redundant backup is not offered in {0}.', request.location)];
  } else if (request.backup.geoRedundant && mode === 'ZoneRedundant' && !capabilities.zoneRedundantHaAndGeoBackupSupported) {
    errors['backup.geoRedundant'] = [l10n.t('Geo-redundant backup together with zone-redundant high availability is not offered in {0}.', request.location)];
  }
  if (request.storageTier !== undefined) {
    const sizeTiers = offeredStorageTiers(capabilities, request.tier, request.storageSizeGB);
    if (!offeredStorageTier(sizeTiers, request.storageTier)) {
      const available = sizeTiers ? l10n.t('Available tiers: {0}.', sizeTiers.tiers.map((t) => t.name).join(', ')) : l10n.t('The location offers no choice of tier for this size.');
      errors.storageTier = [`${l10n.t('Performance tier {0} is not offered for {1} GiB of storage in {2}.', request.storageTier, request.storageSizeGB, request.location)} ${available}`];
    }
  }
  if (request.storageAutoGrow && !capabilities.storageAutoGrowthSupported) {
    errors.storageAutoGrow = [l10n.t('Storage autogrow is not offered in {0}.', request.location)];
  }
  return errors;
}
