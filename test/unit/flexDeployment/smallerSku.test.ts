import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallerSkuThan } from '../../../machines/flexDeployment/smallerSku';

const SERIES: readonly (readonly [family: string, suffix: string])[] = [
  ['D', 'ds_v5'],
  ['D', 'ads_v5'],
  ['E', 'ds_v5'],
  ['B', 'ms'],
  ['B', 's'],
];

interface Sku {
  name: string;
  vCores: number;
}

const skuArb: fc.Arbitrary<Sku> = fc
  .record({ series: fc.constantFrom(...SERIES), vCores: fc.integer({ min: 1, max: 128 }) })
  .map(({ series: [family, suffix], vCores }) => ({ name: `Standard_${family}${vCores}${suffix}`, vCores }));

/** A tier's offer as Azure lists it: sizes in any order, no name twice. */
const offerArb = fc.uniqueArray(skuArb, { selector: (s) => s.name, maxLength: 20 });

const seriesOf = (name: string) => name.replace(/\d+/, '#');

describe('smallerSkuThan: the size suggested after the vCore quota was used up', () => {
  it('is offered, has fewer vCores, and no offered size lies between it and the failed one', () => {
    fc.assert(
      fc.property(offerArb, skuArb, (offered, failed) => {
        const suggested = smallerSkuThan(failed, offered);
        const smaller = offered.filter((s) => s.vCores < failed.vCores);
        if (smaller.length === 0) {
          expect(suggested).toBeUndefined();
          return;
        }
        expect(suggested).toBeDefined();
        expect(offered).toContain(suggested);
        expect(suggested!.vCores).toBeLessThan(failed.vCores);
        expect(smaller.every((s) => s.vCores <= suggested!.vCores)).toBe(true);
      }),
    );
  });

  it("prefers the failed size's own series among the sizes of that many vCores, else the first listed", () => {
    fc.assert(
      fc.property(offerArb, skuArb, (offered, failed) => {
        const suggested = smallerSkuThan(failed, offered);
        if (!suggested) return;
        const tied = offered.filter((s) => s.vCores === suggested.vCores);
        const sameSeries = tied.find((s) => seriesOf(s.name) === seriesOf(failed.name));
        expect(suggested).toBe(sameSeries ?? tied[0]);
      }),
    );
  });

  it('picks the next size down in the lists the sandbox and Azure offer', () => {
    const generalPurpose = [2, 4, 8].flatMap((v) => [
      { name: `Standard_D${v}ds_v5`, vCores: v },
      { name: `Standard_D${v}ads_v5`, vCores: v },
    ]);
    expect(smallerSkuThan({ name: 'Standard_D4ds_v5', vCores: 4 }, generalPurpose)?.name).toBe('Standard_D2ds_v5');
    expect(smallerSkuThan({ name: 'Standard_D8ads_v5', vCores: 8 }, generalPurpose)?.name).toBe('Standard_D4ads_v5');
    const burstable = [
      { name: 'Standard_B1ms', vCores: 1 },
      { name: 'Standard_B2s', vCores: 2 },
      { name: 'Standard_B2ms', vCores: 2 },
      { name: 'Standard_B4ms', vCores: 4 },
    ];
    expect(smallerSkuThan({ name: 'Standard_B4ms', vCores: 4 }, burstable)?.name).toBe('Standard_B2ms');
    expect(smallerSkuThan({ name: 'Standard_B1ms', vCores: 1 }, burstable)).toBeUndefined();
  });

  it('reads a series of several letters, and a vCore count of several digits', () => {
    // DC is its own series, not D: the confidential-computing sizes.
    const confidential = [
      { name: 'Standard_D2ads_v5', vCores: 2 },
      { name: 'Standard_DC2ads_v5', vCores: 2 },
    ];
    expect(smallerSkuThan({ name: 'Standard_DC4ads_v5', vCores: 4 }, confidential)?.name).toBe('Standard_DC2ads_v5');
    const memoryFirst = [
      { name: 'Standard_E8ds_v5', vCores: 8 },
      { name: 'Standard_D8ds_v5', vCores: 8 },
    ];
    expect(smallerSkuThan({ name: 'Standard_D16ds_v5', vCores: 16 }, memoryFirst)?.name).toBe('Standard_D8ds_v5');
  });
});
