import type { CreateServerRequest } from '../../machines/flexDeployment/createServerRequest';
import { offeredSku, offeredStorageTier, offeredStorageTiers } from '../../machines/flexDeployment/offeredOptions';
import { AUTHENTICATION_LABELS, HIGH_AVAILABILITY_LABELS, NETWORK_ACCESS_LABELS, postgresVersionLabel, skuLabel, storageTierLabel, TIER_LABELS, zoneLabel } from '../../machines/webview/displayNames';
import type { FormCatalog } from './formValues';
import { flexServerHostName } from '../../machines/flexDeployment/serverHostName';
import { sameLocation } from '../../machines/flexDeployment/locationName';

export interface ReviewLine {
  label: string;
  value: string;
}

export interface ReviewSection {
  heading: string;
  lines: ReviewLine[];
}

const onOff = (on: boolean) => (on ? 'Enabled' : 'Disabled');

/** Every choice of a valid request in plain words, by display name wherever Azure has one. */
export function reviewSummary(request: CreateServerRequest, catalog: FormCatalog): ReviewSection[] {
  const subscription = catalog.subscriptions.find((s) => s.subscriptionId === request.subscriptionId);
  const region = catalog.locations.find((l) => sameLocation(l.name, request.location));
  const sku = offeredSku(catalog.capabilities, request.tier, request.skuName);
  const { highAvailability: ha, backup, storageTier } = request;
  const storageTiers = offeredStorageTiers(catalog.capabilities, request.tier, request.storageSizeGB);
  const firewall = [
    ...(request.firewall.clientIp ? [`Your client IP address (${request.firewall.clientIp})`] : []),
    ...(request.firewall.allowAzureServices ? ['Azure services'] : []),
    ...request.firewall.ranges.map((r) => `${r.name} (${r.startIpAddress === r.endIpAddress ? r.startIpAddress : `${r.startIpAddress} to ${r.endIpAddress}`})`),
  ];
  return [
    {
      heading: 'Basics',
      lines: [
        { label: 'Subscription', value: subscription?.displayName ?? request.subscriptionId },
        { label: 'Resource group', value: request.resourceGroup.isNew ? `${request.resourceGroup.name} (new)` : request.resourceGroup.name },
        { label: 'Server name', value: flexServerHostName(request.serverName) },
        { label: 'Region', value: region?.displayName ?? request.location },
        { label: 'PostgreSQL version', value: postgresVersionLabel(request.version) },
      ],
    },
    {
      heading: 'Compute and storage',
      lines: [
        { label: 'Compute tier', value: TIER_LABELS[request.tier] ?? request.tier },
        { label: 'Compute size', value: sku ? skuLabel(sku) : request.skuName },
        { label: 'Storage', value: `${request.storageSizeGB} GiB` },
        { label: 'Storage performance tier', value: storageTier ? storageTierLabel(storageTier, offeredStorageTier(storageTiers, storageTier)?.iops) : "The size's default" },
        { label: 'Storage autogrow', value: onOff(request.storageAutoGrow) },
        { label: 'Availability zone', value: zoneLabel(request.availabilityZone ?? '') },
        {
          label: 'High availability',
          value: ha.mode === 'ZoneRedundant'
            ? `${HIGH_AVAILABILITY_LABELS[ha.mode]}, standby in ${zoneLabel(ha.standbyAvailabilityZone ?? '').toLowerCase()}`
            : HIGH_AVAILABILITY_LABELS[ha.mode],
        },
        { label: 'Backup retention', value: `${backup.retentionDays} days` },
        { label: 'Geo-redundant backup', value: onOff(backup.geoRedundant) },
      ],
    },
    {
      heading: 'Authentication and networking',
      lines: [
        { label: 'Authentication', value: AUTHENTICATION_LABELS[request.authenticationMode] },
        ...(request.adminLogin ? [{ label: 'Admin login', value: request.adminLogin }] : []),
        ...(request.entraAdmin ? [{ label: 'Microsoft Entra administrator', value: request.entraAdmin.principalName }] : []),
        { label: 'Network access', value: NETWORK_ACCESS_LABELS[request.networkAccess] },
        ...(request.networkAccess === 'Public'
          ? [{ label: 'Firewall rules', value: firewall.length ? firewall.join('; ') : 'None: no address can connect until a rule is added' }]
          : []),
      ],
    },
    {
      heading: 'Tags',
      lines: request.tags.length ? request.tags.map((t) => ({ label: t.name, value: t.value })) : [{ label: 'Tags', value: 'None' }],
    },
  ];
}
