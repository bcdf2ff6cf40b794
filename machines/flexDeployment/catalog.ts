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

export type ComputeTier = 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized';

export interface TierCapability {
  tier: ComputeTier;
  defaultSkuName: string;
  skus: { name: string; vCores: number; memoryMb?: number }[];
  storageSizesGB: number[];
  defaultStorageSizeGB: number;
}

export interface FlexCapabilities {
  location: string;
  versions: string[];
  defaultVersion: string;
  tiers: TierCapability[];
}

/** One resource of a deployment, as ARM's deployment operations report it: the stepper's input. */
export interface DeploymentOperationView {
  resourceType: string;
  resourceName: string;
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
