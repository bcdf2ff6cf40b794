import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlexCapabilities } from '../../../machines/flexDeployment/catalog';
import { offersServer, refusedOfferSchema, type RefusedOffer } from '../../../machines/flexDeployment/regionsOffering';
import { flexCapabilities } from '../../support/flexCapabilities';

const OFFER: RefusedOffer = { tier: 'GeneralPurpose', skuName: 'Standard_D4ads_v5', version: '17' };
const WEST_EUROPE = flexCapabilities('westeurope');

const without = (capabilities: FlexCapabilities, skuName: string): FlexCapabilities => ({
  ...capabilities,
  tiers: capabilities.tiers.map((t) => ({ ...t, skus: t.skus.filter((s) => s.name !== skuName) })),
});

describe('offersServer: a location offers the refused server', () => {
  it('when it lists the version and the size in its tier, whatever the case of the size’s name', () => {
    expect(offersServer(WEST_EUROPE, OFFER)).toBe(true);
    expect(offersServer(WEST_EUROPE, { ...OFFER, skuName: 'standard_d4ADS_v5' })).toBe(true);
  });

  it('not when the version, the size, or the size in that tier is missing', () => {
    expect(offersServer({ ...WEST_EUROPE, versions: WEST_EUROPE.versions.filter((v) => v !== '17') }, OFFER)).toBe(false);
    expect(offersServer(without(WEST_EUROPE, OFFER.skuName), OFFER)).toBe(false);
    expect(offersServer({ ...WEST_EUROPE, tiers: WEST_EUROPE.tiers.filter((t) => t.tier !== 'GeneralPurpose') }, OFFER)).toBe(false);
    // A size of another tier: Burstable is offered, but not with this size.
    expect(offersServer(WEST_EUROPE, { ...OFFER, tier: 'Burstable' })).toBe(false);
  });

  it('for every size a tier lists: offered with it, not once it is taken out', () => {
    const listed = WEST_EUROPE.tiers.flatMap((t) => t.skus.map((s) => ({ tier: t.tier, skuName: s.name })));
    fc.assert(
      fc.property(fc.constantFrom(...listed), fc.constantFrom(...WEST_EUROPE.versions), ({ tier, skuName }, version) => {
        const offer = { tier, skuName, version };
        expect(offersServer(WEST_EUROPE, offer)).toBe(true);
        expect(offersServer(without(WEST_EUROPE, skuName), offer)).toBe(false);
      }),
    );
  });
});

describe('refusedOfferSchema: what a webview may ask about', () => {
  it('takes a tier, size and version; refuses an unknown tier, an empty or overlong size, and extra keys', () => {
    expect(refusedOfferSchema.safeParse(OFFER).success).toBe(true);
    expect(refusedOfferSchema.safeParse({ ...OFFER, tier: 'Premium' }).success).toBe(false);
    expect(refusedOfferSchema.safeParse({ ...OFFER, skuName: '' }).success).toBe(false);
    expect(refusedOfferSchema.safeParse({ ...OFFER, skuName: 'x'.repeat(101) }).success).toBe(false);
    expect(refusedOfferSchema.safeParse({ ...OFFER, version: '' }).success).toBe(false);
    expect(refusedOfferSchema.safeParse({ ...OFFER, version: '1'.repeat(11) }).success).toBe(false);
    expect(refusedOfferSchema.safeParse({ ...OFFER, password: 'x' }).success).toBe(false);
  });
});
