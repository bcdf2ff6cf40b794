import * as z from 'zod';
import type { HighAvailabilityMode } from './serverOptions';

/** What Azure offers, as the create form shows it. Plain data: it crosses the webview boundary. */

export interface SubscriptionChoice {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
}

export interface ResourceGroupChoice {
  name: string;
  location: string;
}

export interface LocationChoice {
  name: string;
  displayName: string;
}

export const computeTierSchema = z.enum(['Burstable', 'GeneralPurpose', 'MemoryOptimized']);
export type ComputeTier = z.infer<typeof computeTierSchema>;

export interface SkuCapability {
  name: string;
  vCores: number;
  memoryMb?: number;
  /** The availability zones this size can be placed in; empty where the location has none. */
  zones: string[];
  /** The high availability modes offered for this size, besides Disabled. */
  haModes: Exclude<HighAvailabilityMode, 'Disabled'>[];
}

/** A Premium SSD performance tier and its baseline IOPS. */
export interface StorageTierCapability {
  name: string;
  iops: number;
}

/** The performance tiers one storage size can be given, and the one Azure gives it by default. */
export interface StorageSizeTiers {
  sizeGB: number;
  defaultTier: string;
  tiers: StorageTierCapability[];
}

export interface TierCapability {
  tier: ComputeTier;
  defaultSkuName: string;
  skus: SkuCapability[];
  storageSizesGB: number[];
  defaultStorageSizeGB: number;
  /** Per storage size; a size the location lists no tiers for is left out (undefined: none listed). */
  storageTiers?: StorageSizeTiers[];
}

export interface FlexCapabilities {
  location: string;
  versions: string[];
  defaultVersion: string;
  tiers: TierCapability[];
  geoBackupSupported: boolean;
  /** Geo-redundant backup together with zone-redundant high availability. */
  zoneRedundantHaAndGeoBackupSupported: boolean;
  storageAutoGrowthSupported: boolean;
}

/** One resource of a deployment, as ARM's deployment operations report it: the stepper's input. */
export interface DeploymentOperationView {
  resourceType: string;
  resourceName: string;
  /** ARM's `targetResource.id`: which group the resource is in (leftovers are deleted only there). */
  resourceId?: string;
  provisioningState: string;
  /** ISO timestamp of the operation's last change. */
  timestamp?: string;
  /** ISO 8601 duration, e.g. PT4M2.1S. */
  duration?: string;
  /** ARM's provisioningOperation: Create, Read, Action, … */
  provisioningOperation?: string;
  /** What the resource provider answered, e.g. Created, Conflict; absent until it has. */
  statusCode?: string;
  /** The resource provider's error for a failed operation: the innermost code and message. */
  error?: { code: string; message: string };
}
