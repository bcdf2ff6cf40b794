import * as l10n from '../l10n';
import type { CreateServerRequest } from './createServerRequest';
import type { RetailPrice } from './retailPrices';

/**
 * The monthly list price of what a create request asks for, from the Retail Prices API's meters:
 * compute by the hour (730 hours a month, as Azure's calculator counts), storage and geo-redundant
 * backup by the GiB-month; a high-availability standby doubles compute and storage.
 */
export const HOURS_PER_MONTH = 730;

export const ESTIMATE_EXCLUDES = [
  l10n.t('taxes'),
  l10n.t('discounts, reservations and savings plans'),
  l10n.t('data transfer out of Azure'),
  l10n.t('backup storage within the free allowance (as much as the provisioned storage) is free; more is billed and not counted here'),
  l10n.t('additional IOPS beyond the disk tier'),
  l10n.t("a storage performance tier above the size's default: storage is priced by its size alone, not by its tier"),
];

export interface CostLine {
  label: string;
  monthly: number;
}

export type CostEstimate =
  | { kind: 'estimate'; currency: string; lines: CostLine[]; total: number }
  | { kind: 'unpriced'; missing: string[] };

type Priced = Pick<CreateServerRequest, 'tier' | 'skuName' | 'storageSizeGB' | 'highAvailability' | 'backup'>;

export function estimateMonthlyCost(request: Priced, vCores: number, prices: readonly RetailPrice[]): CostEstimate {
  const compute = computePrice(request, prices);
  const storage = prices.find((p) => p.meterName === 'Storage Data Stored' && p.productName.includes('Flexible Server Storage'));
  const geoBackup = request.backup.geoRedundant
    ? prices.find((p) => p.meterName === 'Backup Storage GRS Data Stored' && p.productName.includes('Flexible Server Backup Storage'))
    : undefined;
  const missing = [
    ...(compute ? [] : [l10n.t('compute for {0}', request.skuName)]),
    ...(storage ? [] : [l10n.t('storage')]),
    ...(request.backup.geoRedundant && !geoBackup ? [l10n.t('geo-redundant backup storage')] : []),
  ];
  if (!compute || !storage || missing.length) return { kind: 'unpriced', missing };

  const copies = request.highAvailability.mode === 'Disabled' ? 1 : 2;
  const perHour = compute.perVCore ? compute.price.retailPrice * vCores : compute.price.retailPrice;
  const lines: CostLine[] = [
    { label: copies === 2 ? l10n.t('Compute, server and standby') : l10n.t('Compute'), monthly: perHour * HOURS_PER_MONTH * copies },
    { label: copies === 2 ? l10n.t('Storage, server and standby') : l10n.t('Storage'), monthly: storage.retailPrice * request.storageSizeGB * copies },
    ...(geoBackup ? [{ label: l10n.t('Geo-redundant backup storage (as much as the provisioned storage)'), monthly: geoBackup.retailPrice * request.storageSizeGB }] : []),
  ];
  return { kind: 'estimate', currency: compute.price.currencyCode, lines, total: lines.reduce((sum, l) => sum + l.monthly, 0) };
}

/**
 * Burstable sizes are priced per instance (meter `B2s`); the others per vCore of their series, the
 * size without its vCore count (`Standard_D4ads_v5` → product "… General Purpose Dadsv5 Series
 * Compute", meter `vCore`). A name that fits no product of the price list is left unpriced.
 */
function computePrice(request: Priced, prices: readonly RetailPrice[]): { price: RetailPrice; perVCore: boolean } | undefined {
  const size = request.skuName.replace('Standard_', '');
  if (request.tier === 'Burstable') {
    const price = prices.find((p) => p.productName.includes('Burstable') && p.meterName === size && p.unitOfMeasure === '1 Hour');
    return price ? { price, perVCore: false } : undefined;
  }
  const series = size.replace(/\d+/, '').replace('_', '');
  const price = prices.find((p) => p.productName.endsWith(`${series} Series Compute`) && p.meterName === 'vCore' && p.unitOfMeasure === '1 Hour');
  return price ? { price, perVCore: true } : undefined;
}
