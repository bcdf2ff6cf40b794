import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FlexCapabilities, LocationChoice } from '../../../machines/flexDeployment/catalog';
import type { RefusedOffer } from '../../../machines/flexDeployment/regionsOffering';
import type { HostMessage } from '../../../machines/webview/protocol';
import type { FormCatalog } from '../../../src/createServer/formCatalog';
import { REGION_SEARCH_CONCURRENCY, regionsOffering } from '../../../src/createServer/regionSearch';
import { flexCapabilities } from '../../support/flexCapabilities';
import { FakeCatalog, FakeLog, formCatalogOver, SUBSCRIPTION } from './fakes';

const OFFER: RefusedOffer = { tier: 'GeneralPurpose', skuName: 'Standard_D4ads_v5', version: '17' };
const location = (name: string): LocationChoice => ({ name, displayName: name.toUpperCase() });
/** West Europe's capabilities, less the refused size where it is not offered. */
const capabilitiesOf = (name: string, offersIt: boolean): FlexCapabilities => {
  const all = flexCapabilities(name);
  if (offersIt) return all;
  return { ...all, tiers: all.tiers.map((t) => ({ ...t, skus: t.skus.filter((s) => s.name !== OFFER.skuName) })) };
};

/** Each location's capabilities answered after a tick, so that reads overlap; some fail, some offer the size. */
class RegionCatalog extends FakeCatalog {
  offering = new Set<string>();
  failing = new Set<string>();
  inFlight = 0;
  mostInFlight = 0;
  read: string[] = [];
  override async getCapabilities(_s: string, name: string) {
    this.read.push(name);
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.inFlight -= 1;
    if (this.failing.has(name)) throw new Error(`429 TooManyRequests for ${name}`);
    return capabilitiesOf(name, this.offering.has(name));
  }
}

describe('regionsOffering: each location read a few at a time', () => {
  it('keeps the locations that offer the server, in the order given; reads each once, at most REGION_SEARCH_CONCURRENCY at a time; counts each failed read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.stringMatching(/^[a-z]{3,8}$/), { maxLength: 12 }), fc.func(fc.constantFrom('offers', 'not', 'fails')), async (names, fate) => {
        const catalog = new RegionCatalog();
        for (const name of names) {
          if (fate(name) === 'offers') catalog.offering.add(name);
          if (fate(name) === 'fails') catalog.failing.add(name);
        }
        const { regions, failures } = await regionsOffering(names.map(location), OFFER, (name) => catalog.getCapabilities('s', name));
        expect(regions).toEqual(names.filter((n) => fate(n) === 'offers').map(location));
        expect(failures).toHaveLength(catalog.failing.size);
        expect([...catalog.read].sort()).toEqual([...names].sort());
        expect(catalog.mostInFlight).toBeLessThanOrEqual(REGION_SEARCH_CONCURRENCY);
        if (names.length >= REGION_SEARCH_CONCURRENCY) expect(catalog.mostInFlight).toBe(REGION_SEARCH_CONCURRENCY);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the form asking which locations offer a refused server', () => {
  let catalog: RegionCatalog;
  let log: FakeLog;
  let posted: HostMessage[];
  let form: FormCatalog;
  beforeEach(() => {
    catalog = new RegionCatalog();
    catalog.locations = ['westeurope', 'northeurope', 'swedencentral', 'uksouth'].map(location);
    log = new FakeLog();
    posted = [];
    form = formCatalogOver(catalog, posted, { log, refusedServerName: () => undefined, random: () => 0.5 });
  });

  it('reads the subscription’s other locations (never the refusing one, in any case) and answers with those that offer it', async () => {
    catalog.offering = new Set(['westeurope', 'swedencentral', 'uksouth']);
    catalog.failing = new Set(['uksouth']);
    await form.onSubscriptionSelected(SUBSCRIPTION.subscriptionId);
    await form.onFindRegionsOffering(SUBSCRIPTION.subscriptionId, OFFER, 'WestEurope');
    expect(catalog.read.sort()).toEqual(['northeurope', 'swedencentral', 'uksouth']);
    expect(posted.filter((m) => m.type === 'catalog.regionsOffering')).toEqual([
      { type: 'catalog.regionsOffering', subscriptionId: SUBSCRIPTION.subscriptionId, offer: OFFER, regions: [location('swedencentral')], unchecked: 1 },
    ]);
    expect(log.lines.some((line) => /Could not read what 1 of 3 locations offer: 429 TooManyRequests for uksouth/.test(line))).toBe(true);
  });

  it('reads nothing for a subscription it did not offer, nor before its locations were listed', async () => {
    await form.onFindRegionsOffering('00000000-0000-0000-0000-00000000dead', OFFER, 'westeurope');
    expect(catalog.read).toEqual([]);
    expect(posted).toEqual([]);
    await form.onFindRegionsOffering(SUBSCRIPTION.subscriptionId, OFFER, 'westeurope');
    expect(catalog.read).toEqual([]);
    // No answer rather than "no location offers it": nothing was searched.
    expect(posted).toEqual([]);
    expect(log.lines.filter((line) => line.startsWith('warn Rejected'))).toHaveLength(2);
  });
});
