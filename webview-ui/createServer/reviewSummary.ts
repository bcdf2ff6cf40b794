import * as l10n from '../../machines/l10n';
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

const onOff = (on: boolean) => (on ? l10n.t('Enabled') : l10n.t('Disabled'));

/** Every choice of a valid request in plain words, by display name wherever Azure has one. */
export function reviewSummary(request: CreateServerRequest, catalog: FormCatalog): ReviewSection[] {
  const subscription = catalog.subscriptions.find((s) => s.subscriptionId === request.subscriptionId);
  const region = catalog.locations.find((l) => sameLocation(l.name, request.location));
  const sku = offeredSku(catalog.capabilities, request.tier, request.skuName);
  const { highAvailability: ha, backup, storageTier } = request;
  const storageTiers = offeredStorageTiers(catalog.capabilities, request.tier, request.storageSizeGB);
  const firewall = [
    ...(request.firewall.clientIp ? [l10n.t('Your client IP address ({0})', request.firewall.clientIp)] : []),
    ...(request.firewall.allowAzureServices ? [l10n.t('Azure services')] : []),
    ...request.firewall.ranges.map((r) => `${r.name} (${r.startIpAddress === r.endIpAddress ? r.startIpAddress : l10n.t('{0} to {1}', r.startIpAddress, r.endIpAddress)})`),
  ];
  return [
    {
      heading: l10n.t('Basics'),
      lines: [
        { label: l10n.t('Subscription'), value: subscription?.displayName ?? request.subscriptionId },
        { label: l10n.t('Resource group'), value: request.resourceGroup.isNew ? l10n.t('{0} (new)', request.resourceGroup.name) : request.resourceGroup.name },
        { label: l10n.t('Server name'), value: flexServerHostName(request.serverName) },
        { label: l10n.t('Region'), value: region?.displayName ?? request.location },
        { label: l10n.t('PostgreSQL version'), value: postgresVersionLabel(request.version) },
      ],
    },
    {
      heading: l10n.t('Compute and storage'),
      lines: [
        { label: l10n.t('Compute tier'), value: TIER_LABELS[request.tier] ?? request.tier },
        { label: l10n.t('Compute size'), value: sku ? skuLabel(sku) : request.skuName },
        { label: l10n.t('Storage'), value: l10n.t('{0} GiB', request.storageSizeGB) },
        { label: l10n.t('Storage performance tier'), value: storageTier ? storageTierLabel(storageTier, offeredStorageTier(storageTiers, storageTier)?.iops) : l10n.t("The size's default") },
        { label: l10n.t('Storage autogrow'), value: onOff(request.storageAutoGrow) },
        { label: l10n.t('Availability zone'), value: zoneLabel(request.availabilityZone ?? '') },
        {
          label: l10n.t('High availability'),
          value: ha.mode === 'ZoneRedundant'
            ? l10n.t('{0}, standby in {1}', HIGH_AVAILABILITY_LABELS[ha.mode], zoneLabel(ha.standbyAvailabilityZone ?? '').toLowerCase())
            : HIGH_AVAILABILITY_LABELS[ha.mode],
        },
        { label: l10n.t('Backup retention'), value: l10n.t('{0} days', backup.retentionDays) },
        { label: l10n.t('Geo-redundant backup'), value: onOff(backup.geoRedundant) },
      ],
    },
    {
      heading: l10n.t('Authentication and networking'),
      lines: [
        { label: l10n.t('Authentication'), value: AUTHENTICATION_LABELS[request.authenticationMode] },
        ...(request.adminLogin ? [{ label: l10n.t('Admin login'), value: request.adminLogin }] : []),
        ...(request.entraAdmin ? [{ label: l10n.t('Microsoft Entra administrator'), value: request.entraAdmin.principalName }] : []),
        { label: l10n.t('Network access'), value: NETWORK_ACCESS_LABELS[request.networkAccess] },
        ...(request.networkAccess === 'Public'
          ? [{ label: l10n.t('Firewall rules'), value: firewall.length ? firewall.join('; ') : l10n.t('None: no address can connect until a rule is added') }]
          : []),
      ],
    },
    {
      heading: l10n.t('Tags'),
      lines: request.tags.length ? request.tags.map((t) => ({ label: t.name, value: t.value })) : [{ label: l10n.t('Tags'), value: l10n.t('None') }],
    },
  ];
}
