import type {
  FlexCapabilities,
  LocationChoice,
  ResourceGroupChoice,
  SubscriptionChoice,
  TierCapability,
} from '../../machines/flexDeployment/catalog';
import type { CreateServerRequestInput } from '../../machines/flexDeployment/createServerRequest';
import { offeredSku, offeredStorageTier, offeredStorageTiers } from '../../machines/flexDeployment/offeredOptions';
import { DEFAULT_SERVER_OPTIONS, type HighAvailabilityMode, type Tag } from '../../machines/flexDeployment/serverOptions';
import type { FirewallRange, NetworkAccess } from '../../machines/flexDeployment/networking';
import type { RetailPrice } from '../../machines/flexDeployment/retailPrices';
import type { AuthenticationMode, EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import type { FormPrefill } from '../../machines/webview/createServerMessages';
import type { WorkloadType } from './workloadType';

/** The form's fields as typed: strings and flags, turned into a request by toRequestInput. */
export interface FormValues {
  subscriptionId: string;
  resourceGroupMode: 'existing' | 'new';
  resourceGroupName: string;
  serverName: string;
  location: string;
  version: string;
  /** The workload type last chosen ('' = none): fills the fields below, is never sent. */
  workloadType: WorkloadType | '';
  tier: string;
  skuName: string;
  storageSizeGB: string;
  /** '' = the storage size's default tier, until one is chosen. */
  storageTier: string;
  authenticationMode: AuthenticationMode;
  adminLogin: string;
  adminPassword: string;
  confirmPassword: string;
  networkAccess: NetworkAccess;
  /** The firewall's choices below are kept while no public access hides them, and sent only with public access. */
  addClientIp: boolean;
  allowAzureServices: boolean;
  firewallRanges: FirewallRange[];
  /** '' = no preference. */
  availabilityZone: string;
  highAvailabilityMode: HighAvailabilityMode;
  /** '' = no preference. */
  standbyAvailabilityZone: string;
  backupRetentionDays: string;
  geoRedundantBackup: boolean;
  storageAutoGrow: boolean;
  tags: Tag[];
  /** Another user or group chosen from a directory search; unset, the signed-in user is the administrator. */
  entraAdmin?: EntraAdministrator;
}

/** What Azure told the form, through the host. */
export interface FormCatalog {
  subscriptions: SubscriptionChoice[];
  resourceGroups: ResourceGroupChoice[];
  locations: LocationChoice[];
  capabilities?: FlexCapabilities;
  entraAdmin?: EntraAdministrator;
  /** The last directory search's answer: users and groups found, or why there are none. */
  entraSearch?: { subscriptionId: string; text: string } & ({ principals: EntraAdministrator[] } | { message: string });
  clientIp?: string;
  /** The chosen location's list prices, or why there are none. */
  prices?: { location: string; items: RetailPrice[] } | { location: string; unavailable: string };
}

/**
 * A form's start, before Azure answers: a Retry's values or the defaults. The first subscription
 * and the client IP are filled in as they arrive (useCreateServerForm).
 */
export function initialValues(prefill: FormPrefill | undefined): FormValues {
  return {
    subscriptionId: prefill?.subscriptionId ?? '',
    resourceGroupMode: prefill?.resourceGroup?.isNew ? 'new' : 'existing',
    resourceGroupName: prefill?.resourceGroup?.name ?? '',
    serverName: prefill?.serverName ?? '',
    location: prefill?.location ?? '',
    version: prefill?.version ?? '',
    workloadType: '',
    tier: prefill?.tier ?? '',
    skuName: prefill?.skuName ?? '',
    storageSizeGB: prefill?.storageSizeGB !== undefined ? String(prefill.storageSizeGB) : '',
    storageTier: prefill?.storageTier ?? '',
    authenticationMode: prefill?.authenticationMode ?? 'PostgreSQLOnly',
    adminLogin: prefill?.adminLogin ?? '',
    adminPassword: '',
    confirmPassword: '',
    networkAccess: prefill?.networkAccess ?? 'Public',
    addClientIp: prefill?.firewall?.clientIp !== undefined,
    allowAzureServices: prefill?.firewall?.allowAzureServices ?? false,
    firewallRanges: prefill?.firewall?.ranges ?? [],
    availabilityZone: prefill?.availabilityZone ?? '',
    highAvailabilityMode: prefill?.highAvailability?.mode ?? DEFAULT_SERVER_OPTIONS.highAvailability.mode,
    standbyAvailabilityZone: prefill?.highAvailability?.standbyAvailabilityZone ?? '',
    backupRetentionDays: String(prefill?.backup?.retentionDays ?? DEFAULT_SERVER_OPTIONS.backup.retentionDays),
    geoRedundantBackup: prefill?.backup?.geoRedundant ?? DEFAULT_SERVER_OPTIONS.backup.geoRedundant,
    storageAutoGrow: prefill?.storageAutoGrow ?? DEFAULT_SERVER_OPTIONS.storageAutoGrow,
    tags: prefill?.tags ?? DEFAULT_SERVER_OPTIONS.tags,
  };
}

/**
 * Keeps version, tier, size and storage when the location offers them, else takes the location's
 * defaults: the choices are Azure's, never a list of our own.
 */
export function fitToCapabilities(values: FormValues, capabilities: FlexCapabilities): FormValues {
  const version = capabilities.versions.includes(values.version) ? values.version : capabilities.defaultVersion;
  const tier = capabilities.tiers.find((t) => t.tier === values.tier) ?? capabilities.tiers[0];
  const located = {
    ...values,
    version,
    geoRedundantBackup: values.geoRedundantBackup && capabilities.geoBackupSupported,
    storageAutoGrow: values.storageAutoGrow && capabilities.storageAutoGrowthSupported,
  };
  if (!tier) return { ...located, tier: '', skuName: '', storageSizeGB: '' };
  return fitToSize({ ...located, ...fitToTier(located, tier) }, capabilities);
}

export function fitToTier(values: Pick<FormValues, 'skuName' | 'storageSizeGB'>, tier: TierCapability) {
  const skuName = tier.skus.some((s) => s.name === values.skuName) ? values.skuName : tier.defaultSkuName;
  const storage = Number(values.storageSizeGB);
  const storageSizeGB = tier.storageSizesGB.includes(storage) ? values.storageSizeGB : String(tier.defaultStorageSizeGB);
  return { tier: tier.tier, skuName, storageSizeGB };
}

/**
 * Keeps high availability and the zones where the chosen size offers them, else falls back to no
 * high availability and no zone preference: a tier change to Burstable switches HA off. A chosen
 * storage performance tier is kept while the storage size offers it, else the size's default.
 */
export function fitToSize(values: FormValues, capabilities: FlexCapabilities): FormValues {
  const sku = offeredSku(capabilities, values.tier, values.skuName);
  const zoneOrNone = (zone: string) => (sku?.zones.includes(zone) ? zone : '');
  const mode = values.highAvailabilityMode === 'Disabled' || sku?.haModes.includes(values.highAvailabilityMode) ? values.highAvailabilityMode : 'Disabled';
  const storageTiers = offeredStorageTiers(capabilities, values.tier, Number(values.storageSizeGB));
  return {
    ...values,
    storageTier: offeredStorageTier(storageTiers, values.storageTier) ? values.storageTier : '',
    availabilityZone: zoneOrNone(values.availabilityZone),
    highAvailabilityMode: mode,
    standbyAvailabilityZone: mode === 'ZoneRedundant' ? zoneOrNone(values.standbyAvailabilityZone) : '',
  };
}

/**
 * A mode without a password drops the typed one: its boxes leave the page and come back empty, so
 * a kept value would be a password nobody can see, change or confirm.
 */
export function withAuthenticationMode(mode: FormValues['authenticationMode']): Partial<FormValues> {
  return mode === 'EntraOnly' ? { authenticationMode: mode, adminPassword: '', confirmPassword: '' } : { authenticationMode: mode };
}

/**
 * The request the shared schema validates, here and again in the host. No conditional spreads:
 * every field is written out, so the type catches one the schema does not have.
 */
export function toRequestInput(values: FormValues, catalog: FormCatalog): CreateServerRequestInput {
  const subscription = catalog.subscriptions.find((s) => s.subscriptionId === values.subscriptionId);
  const usesPassword = values.authenticationMode !== 'EntraOnly';
  const isNew = values.resourceGroupMode === 'new';
  const storageSizeGB = values.storageSizeGB === '' ? 0 : Number(values.storageSizeGB);
  return {
    tenantId: subscription?.tenantId ?? '',
    subscriptionId: values.subscriptionId,
    resourceGroup: { name: values.resourceGroupName, isNew, location: isNew && values.location ? values.location : undefined },
    serverName: values.serverName,
    location: values.location,
    version: values.version,
    tier: values.tier,
    skuName: values.skuName,
    storageSizeGB,
    // The default is sent by name, as the portal does: the template and the review say which tier.
    storageTier: values.storageTier || offeredStorageTiers(catalog.capabilities, values.tier, storageSizeGB)?.defaultTier,
    authenticationMode: values.authenticationMode,
    adminLogin: usesPassword ? values.adminLogin : undefined,
    adminPassword: usesPassword ? values.adminPassword : undefined,
    confirmPassword: usesPassword ? values.confirmPassword : undefined,
    entraAdmin: values.authenticationMode !== 'PostgreSQLOnly' ? (values.entraAdmin ?? catalog.entraAdmin) : undefined,
    networkAccess: values.networkAccess,
    firewall: values.networkAccess === 'Public'
      ? { allowAzureServices: values.allowAzureServices, clientIp: values.addClientIp ? catalog.clientIp : undefined, ranges: values.firewallRanges }
      : { allowAzureServices: false, clientIp: undefined, ranges: [] },
    availabilityZone: values.availabilityZone || undefined,
    highAvailability: { mode: values.highAvailabilityMode, standbyAvailabilityZone: values.standbyAvailabilityZone || undefined },
    backup: { retentionDays: values.backupRetentionDays === '' ? Number.NaN : Number(values.backupRetentionDays), geoRedundant: values.geoRedundantBackup },
    storageAutoGrow: values.storageAutoGrow,
    tags: values.tags,
  };
}
