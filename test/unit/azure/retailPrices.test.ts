import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readPostgresPrices } from '../../../src/azure/retailPrices';

/** The public GETs the reader makes, answered from `pages` by URL (unknown URLs: no answer). */
const web = vi.hoisted(() => ({ asked: [] as string[], pages: new Map<string, string>() }));
vi.mock('../../../src/azure/httpGet', () => ({
  getText: async (url: string) => {
    web.asked.push(url);
    return web.pages.get(url);
  },
}));

beforeEach(() => {
  web.asked.length = 0;
  web.pages.clear();
});

const AZURE = { kind: 'azure', endpoint: 'https://management.azure.com' } as const;
const FIRST_PAGE = `https://prices.azure.com/api/retail/prices?$filter=${encodeURIComponent("serviceName eq 'Azure Database for PostgreSQL' and armRegionName eq 'westeurope' and priceType eq 'Consumption'")}`;
const SECOND_PAGE = 'https://prices.azure.com/api/retail/prices?$skip=100';

function meter(meterName: string) {
  return { currencyCode: 'USD', retailPrice: 0.1, unitOfMeasure: '1 Hour', armRegionName: 'westeurope', meterName, productName: 'p', skuName: meterName, serviceName: 'Azure Database for PostgreSQL', type: 'Consumption' };
}

describe('reading a region’s prices from the public Retail Prices API', () => {
  it('asks prices.azure.com for the region’s pay-as-you-go PostgreSQL meters and follows NextPageLink to the last page', async () => {
    web.pages.set(FIRST_PAGE, JSON.stringify({ Items: [meter('B1ms')], NextPageLink: SECOND_PAGE }));
    web.pages.set(SECOND_PAGE, JSON.stringify({ Items: [meter('B2s')], NextPageLink: null }));
    const prices = await readPostgresPrices(AZURE, 'westeurope');
    expect(web.asked).toEqual([FIRST_PAGE, SECOND_PAGE]);
    expect(prices.map((p) => p.meterName)).toEqual(['B1ms', 'B2s']);
  });

  it('fails naming the page that did not answer', async () => {
    await expect(readPostgresPrices(AZURE, 'westeurope')).rejects.toThrow(`The Retail Prices API did not answer ${FIRST_PAGE}`);
  });
});
