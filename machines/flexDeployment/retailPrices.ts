import * as z from 'zod';

/**
 * The Azure Retail Prices API's answer (https://prices.azure.com/api/retail/prices), the fields the
 * estimate reads. Unauthenticated list prices, in USD unless another currency is asked for.
 */
export const RETAIL_PRICES_URL = 'https://prices.azure.com/api/retail/prices';
export const POSTGRES_SERVICE_NAME = 'Azure Database for PostgreSQL';

export const retailPriceSchema = z.object({
  currencyCode: z.string(),
  retailPrice: z.number(),
  unitOfMeasure: z.string(),
  armRegionName: z.string(),
  meterName: z.string(),
  productName: z.string(),
  skuName: z.string(),
  serviceName: z.string(),
  type: z.string(),
});

export type RetailPrice = z.infer<typeof retailPriceSchema>;

export const retailPricesPageSchema = z.object({
  Items: z.array(retailPriceSchema),
  NextPageLink: z.string().nullable().optional(),
});

/** The OData filter for a region's pay-as-you-go PostgreSQL prices (values are case-sensitive). */
export function postgresPricesFilter(location: string): string {
  return `serviceName eq '${POSTGRES_SERVICE_NAME}' and armRegionName eq '${location}' and priceType eq 'Consumption'`;
}
