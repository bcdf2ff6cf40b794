import { armError, ok, type ArmResponse } from '../http/armResponse';
import type { RouteContext, Router } from '../http/router';
import { SANDBOX_LOCATIONS } from '../subscriptions/seed';

/**
 * A stand-in for the Azure Retail Prices API (https://prices.azure.com/api/retail/prices): the
 * flexible-server meters of every sandbox location, in its response shape ({ Items, NextPageLink,
 * Count }), filtered by its OData `$filter` (`field eq 'value'` joined by `and`; values
 * case-sensitive, as since 2023-01-01-preview) and paged 100 items at a time with `$skip`. The
 * prices are made up, of the order of Azure's pay-as-you-go list prices in USD.
 */
export const RETAIL_PRICES_PATH = '/_sandbox/retailPrices';
const PAGE_SIZE = 100;
const SERVICE_NAME = 'Azure Database for PostgreSQL';
const PRODUCT = 'Azure Database for PostgreSQL Flexible Server';

interface Meter {
  productName: string;
  skuName: string;
  meterName: string;
  unitOfMeasure: string;
  retailPrice: number;
}

const BURSTABLE: [string, number][] = [['B1ms', 0.0208], ['B2s', 0.0832], ['B2ms', 0.166], ['B4ms', 0.333], ['B8ms', 0.666], ['B12ms', 0.999], ['B16ms', 1.332], ['B20ms', 1.665]];
const VCORE_SERIES: [string, string, number][] = [
  ['General Purpose', 'Ddsv5', 0.0885],
  ['General Purpose', 'Dadsv5', 0.0885],
  ['Memory Optimized', 'Edsv5', 0.1225],
  ['Memory Optimized', 'Eadsv5', 0.1225],
];

const METERS: Meter[] = [
  ...BURSTABLE.map(([size, price]) => ({ productName: `${PRODUCT} Burstable BS Series Compute`, skuName: size, meterName: size, unitOfMeasure: '1 Hour', retailPrice: price })),
  ...VCORE_SERIES.map(([tier, series, price]) => ({ productName: `${PRODUCT} ${tier} ${series} Series Compute`, skuName: 'vCore', meterName: 'vCore', unitOfMeasure: '1 Hour', retailPrice: price })),
  { productName: `${PRODUCT} Storage`, skuName: 'Storage', meterName: 'Storage Data Stored', unitOfMeasure: '1 GB/Month', retailPrice: 0.115 },
  { productName: `${PRODUCT} Backup Storage`, skuName: 'Backup Storage LRS', meterName: 'Backup Storage LRS Data Stored', unitOfMeasure: '1 GB/Month', retailPrice: 0.095 },
  { productName: `${PRODUCT} Backup Storage`, skuName: 'Backup Storage GRS', meterName: 'Backup Storage GRS Data Stored', unitOfMeasure: '1 GB/Month', retailPrice: 0.2 },
];

const ITEMS: Record<string, string | number | boolean>[] = SANDBOX_LOCATIONS.flatMap((location) =>
  METERS.map((meter) => ({
    currencyCode: 'USD',
    tierMinimumUnits: 0,
    retailPrice: meter.retailPrice,
    unitPrice: meter.retailPrice,
    armRegionName: location.name,
    location: location.displayName,
    effectiveStartDate: '2025-01-01T00:00:00Z',
    meterId: `${location.name}-${meter.productName}-${meter.meterName}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    meterName: meter.meterName,
    productId: 'DZH318Z08M22',
    skuId: 'DZH318Z08M22/0001',
    productName: meter.productName,
    skuName: meter.skuName,
    serviceName: SERVICE_NAME,
    serviceId: 'DZH317F1HKN0',
    serviceFamily: 'Databases',
    unitOfMeasure: meter.unitOfMeasure,
    type: 'Consumption',
    priceType: 'Consumption',
    isPrimaryMeterRegion: true,
    armSkuName: '',
  })),
);

export function registerRetailPriceRoutes(router: Router): void {
  router.add('GET', RETAIL_PRICES_PATH, 'retailPrices', retailPrices);
}

function retailPrices(ctx: RouteContext): ArmResponse {
  const filter = ctx.query.get('$filter') ?? '';
  const conditions = parseFilter(filter);
  if (!conditions) return armError(400, 'BadRequest', `Invalid OData filter: ${filter}`);
  const matching = ITEMS.filter((item) => conditions.every(([field, value]) => fieldOf(item, field) === value));
  const skip = Number(ctx.query.get('$skip') ?? 0) || 0;
  const page = matching.slice(skip, skip + PAGE_SIZE);
  const next = new URL(`${ctx.baseUrl}${RETAIL_PRICES_PATH}`);
  if (filter) next.searchParams.set('$filter', filter);
  next.searchParams.set('$skip', String(skip + PAGE_SIZE));
  return ok({
    BillingCurrency: 'USD',
    CustomerEntityId: 'Default',
    CustomerEntityType: 'Retail',
    Items: page,
    NextPageLink: skip + PAGE_SIZE < matching.length ? next.toString() : null,
    Count: page.length,
  });
}

/** `a eq 'x' and b eq 'y'` → [[a, x], [b, y]]; undefined for anything else. */
function parseFilter(filter: string): [string, string][] | undefined {
  if (filter.trim() === '') return [];
  const conditions: [string, string][] = [];
  for (const part of filter.split(/\s+and\s+/i)) {
    const match = /^\s*(\w+)\s+eq\s+'([^']*)'\s*$/i.exec(part);
    if (!match) return undefined;
    conditions.push([match[1], match[2]]);
  }
  return conditions;
}

/** Field names are matched in any case, as the API does; values exactly. */
function fieldOf(item: Record<string, string | number | boolean>, field: string): string | number | boolean | undefined {
  const key = Object.keys(item).find((k) => k.toLowerCase() === field.toLowerCase());
  return key === undefined ? undefined : item[key];
}
