import type { AuthenticationMode } from '../flexDeployment/retryableRequest';
import type { HighAvailabilityMode } from '../flexDeployment/serverOptions';
import type { NetworkAccess } from '../flexDeployment/networking';

/**
 * Azure's values in the portal's words: the create form, its review and the server dashboard show
 * these, never the raw values. One home for each label, so the three never disagree.
 */

export const TIER_LABELS: Record<string, string> = {
  Burstable: 'Burstable',
  GeneralPurpose: 'General Purpose',
  MemoryOptimized: 'Memory Optimized',
};

export const AUTHENTICATION_LABELS: Record<AuthenticationMode, string> = {
  PostgreSQLOnly: 'PostgreSQL authentication only',
  EntraOnly: 'Microsoft Entra authentication only',
  Hybrid: 'PostgreSQL and Microsoft Entra authentication',
};

export const HIGH_AVAILABILITY_LABELS: Record<HighAvailabilityMode, string> = {
  Disabled: 'Disabled',
  SameZone: 'Same zone',
  ZoneRedundant: 'Zone redundant',
};

export const NETWORK_ACCESS_LABELS: Record<NetworkAccess, string> = {
  Public: 'Public access (allowed IP addresses)',
  None: 'No public access',
};

export function zoneLabel(zone: string): string {
  return zone ? `Zone ${zone}` : 'No preference';
}

export function skuLabel(sku: { name: string; vCores: number; memoryMb?: number }): string {
  return `${sku.name} (${sku.vCores} vCores${sku.memoryMb ? `, ${Math.round(sku.memoryMb / 1024)} GiB RAM` : ''})`;
}

/** "18" → "PostgreSQL 18", as the portal names a major version. */
export function postgresVersionLabel(version: string): string {
  return `PostgreSQL ${version}`;
}

/** "P30 (5,000 IOPS)", as the portal names a performance tier; the name alone where its IOPS are unknown. */
export function storageTierLabel(tier: string, iops: number | undefined): string {
  return iops ? `${tier} (${iops.toLocaleString('en-US')} IOPS)` : tier;
}
