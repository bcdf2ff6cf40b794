import { postgresPricesFilter, RETAIL_PRICES_URL, retailPricesPageSchema, type RetailPrice } from '../../machines/flexDeployment/retailPrices';
import type { ArmEnvironment } from './armEnvironment';
import { getText } from './httpGet';

/** Enough for every PostgreSQL meter of a region many times over; a runaway NextPageLink stops here. */
const MAX_PAGES = 20;

/**
 * A region's pay-as-you-go PostgreSQL prices from the Retail Prices API (no sign-in: it is public),
 * every page of them. In sandbox mode the sandbox's stand-in answers, so nothing leaves the machine.
 */
export async function readPostgresPrices(env: ArmEnvironment, location: string): Promise<RetailPrice[]> {
  const base = env.kind === 'sandbox' ? `${env.endpoint}/_sandbox/retailPrices` : RETAIL_PRICES_URL;
  const ca = env.kind === 'sandbox' ? env.ca : undefined;
  let url: string | undefined = `${base}?$filter=${encodeURIComponent(postgresPricesFilter(location))}`;
  const prices: RetailPrice[] = [];
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const text = await getText(url, ca);
    if (text === undefined) throw new Error(`The Retail Prices API did not answer ${url}`);
    const parsed = retailPricesPageSchema.parse(JSON.parse(text));
    prices.push(...parsed.Items);
    url = parsed.NextPageLink ?? undefined;
  }
  return prices;
}
