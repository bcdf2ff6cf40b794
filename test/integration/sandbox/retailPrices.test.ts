import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateMonthlyCost } from '../../../machines/flexDeployment/costEstimate';
import { retailPricesPageSchema } from '../../../machines/flexDeployment/retailPrices';
import { DEFAULT_SERVER_OPTIONS } from '../../../machines/flexDeployment/serverOptions';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { readPostgresPrices } from '../../../src/azure/retailPrices';
import { armRequest } from './sandboxTestKit';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, postgres: 'none' });
});
afterAll(() => sandbox.stop());

const prices = (query: string) => armRequest(sandbox, 'GET', `/_sandbox/retailPrices${query}`, { token: null });

describe('the Retail Prices stand-in', () => {
  it('answers without a token in the API’s shape, filtered by its OData $filter, values case-sensitive', async () => {
    const response = await prices(`?$filter=${encodeURIComponent("serviceName eq 'Azure Database for PostgreSQL' and armRegionName eq 'westeurope'")}`);
    expect(response.status).toBe(200);
    const page = retailPricesPageSchema.parse(response.body);
    expect(page.Items.length).toBeGreaterThan(0);
    expect(page.Items.every((i) => i.armRegionName === 'westeurope')).toBe(true);
    expect(page.NextPageLink).toBeNull();
    const none = retailPricesPageSchema.parse((await prices(`?$filter=${encodeURIComponent("armRegionName eq 'WestEurope'")}`)).body);
    expect(none.Items).toEqual([]);
  });

  it('pages with NextPageLink, and refuses a filter it cannot read', async () => {
    const first = retailPricesPageSchema.parse((await prices('')).body);
    expect(first.Items).toHaveLength(100);
    expect(first.NextPageLink).toMatch(/(\$|%24)skip=100/);
    expect((await prices(`?$filter=${encodeURIComponent('retailPrice gt 1')}`)).status).toBe(400);
  });

  it('the extension reads a region’s prices (every page) and the estimate is their arithmetic', async () => {
    const items = await readPostgresPrices({ kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca }, 'eastus');
    expect(items.every((i) => i.armRegionName === 'eastus' && i.type === 'Consumption')).toBe(true);
    const request = { ...DEFAULT_SERVER_OPTIONS, tier: 'GeneralPurpose' as const, skuName: 'Standard_D4ads_v5', storageSizeGB: 64, highAvailability: { mode: 'SameZone' as const } };
    const estimate = estimateMonthlyCost(request, 4, items);
    const vCore = items.find((i) => i.productName.endsWith('Dadsv5 Series Compute'))!.retailPrice;
    const storage = items.find((i) => i.meterName === 'Storage Data Stored')!.retailPrice;
    expect(estimate).toMatchObject({ kind: 'estimate', currency: 'USD' });
    expect(estimate.kind === 'estimate' && estimate.total).toBeCloseTo((vCore * 4 * 730 + storage * 64) * 2, 6);
  });
});
