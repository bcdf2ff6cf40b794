import * as l10n from '../l10n';
import type { AuthenticationMode } from '../flexDeployment/retryableRequest';
import type { HighAvailabilityMode } from '../flexDeployment/serverOptions';
import type { NetworkAccess } from '../flexDeployment/networking';

/**
 * Azure's values in the portal's words: the create form, its review and the server dashboard show
 * these, never the raw values. One home for each label, so the three never disagree.
 */

export const TIER_LABELS: Record<string, string> = {
  Burstable: l10n.t('Burstable'),
  GeneralPurpose: l10n.t('General Purpose'),
  MemoryOptimized: l10n.t('Memory Optimized'),
};

export function skuLabel(sku: { name: string; vCores: number; memoryMb?: number }): string {
  return sku.memoryMb
    ? l10n.t('{0} ({1} vCores, {2} GiB RAM)', sku.name, sku.vCores, Math.round(sku.memoryMb / 1024))
    : l10n.t('{0} ({1} vCores)', sku.name, sku.vCores);
}

/** "18" → "PostgreSQL 18", as the portal names a major version. */
export function postgresVersionLabel(version: string): string {
  return `PostgreSQL ${version}`;
}

/** "P30 (5,000 IOPS)", as the portal names a performance tier; the name alone where its IOPS are unknown. */
export function storageTierLabel(tier: string, iops: number | undefined): string {
  return iops ? l10n.t('{0} ({1} IOPS)', tier, l10n.formatNumber(iops)) : tier;
}

export const HIGH_AVAILABILITY_LABELS: Record<HighAvailabilityMode, string> = {
  Disabled: l10n.t('Disabled'),
  SameZone: l10n.t('Same zone'),
  ZoneRedundant: l10n.t('Zone redundant'),
};

export function zoneLabel(zone: string): string {
  return zone ? l10n.t('Zone {0}', zone) : l10n.t('No preference');
}

export const NETWORK_ACCESS_LABELS: Record<NetworkAccess, string> = {
  Public: l10n.t('Public access (allowed IP addresses)'),
  None: l10n.t('No public access'),
};

export const AUTHENTICATION_LABELS: Record<AuthenticationMode, string> = {
  PostgreSQLOnly: l10n.t('PostgreSQL authentication only'),
  EntraOnly: l10n.t('Microsoft Entra authentication only'),
  Hybrid: l10n.t('PostgreSQL and Microsoft Entra authentication'),
};
