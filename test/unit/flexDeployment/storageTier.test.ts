import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { offeredStorageTiers, unofferedOptions } from '../../../machines/flexDeployment/offeredOptions';
import { DEFAULT_SERVER_OPTIONS, STORAGE_TIERS } from '../../../machines/flexDeployment/serverOptions';
import { storageTierLabel } from '../../../machines/webview/displayNames';
import { toFlexCapabilities } from '../../../src/azure/flexCapabilities';
import { checkAgainstCapabilities } from '../../../src/azure/flexProvisioning/preflight';
import { buildFlexDeployment } from '../../../src/azure/flexProvisioning/flexTemplate';
import { createRequest } from '../../support/trackerFakes';

// The official REST API example: the tiers Azure lists per storage size.
const example = JSON.parse(readFileSync(new URL('../../fixtures/arm-examples/postgresql-2025-08-01/CapabilitiesByLocationList.json', import.meta.url), 'utf8'));
const capabilities = toFlexCapabilities('eastus', example.responses['200'].body.value);
const generalPurpose = capabilities.tiers.find((t) => t.tier === 'GeneralPurpose')!;

const request = (overrides: Partial<CreateServerRequest>): CreateServerRequest =>
  createRequest({ location: 'eastus', tier: 'GeneralPurpose', skuName: generalPurpose.defaultSkuName, storageSizeGB: 128, ...overrides });

describe('storage performance tiers from the capabilities', () => {
  it("each size's tiers as the example lists them: its default and the higher ones up to P50, past 4 TiB up to P80", () => {
    const tiersOf = (gb: number) => offeredStorageTiers(capabilities, 'GeneralPurpose', gb);
    expect(tiersOf(32)).toEqual({
      sizeGB: 32,
      defaultTier: 'P4',
      tiers: [['P4', 120], ['P6', 240], ['P10', 500], ['P15', 1100], ['P20', 2300], ['P30', 5000], ['P40', 7500], ['P50', 7500]].map(([name, iops]) => ({ name, iops })),
    });
    expect(tiersOf(1024)?.tiers.map((t) => t.name)).toEqual(['P30', 'P40', 'P50']);
    expect(tiersOf(4096)).toMatchObject({ defaultTier: 'P50', tiers: [{ name: 'P50', iops: 7500 }] });
    expect(tiersOf(8192)?.tiers.map((t) => t.name)).toEqual(['P60', 'P70', 'P80']);
    expect(tiersOf(100)).toBeUndefined();
  });

  it('a size the location lists without tiers offers none', () => {
    const flex = example.responses['200'].body.value[0];
    const stripped = JSON.parse(JSON.stringify(flex, (key: string, value: unknown) => (key === 'supportedIopsTiers' ? undefined : value)));
    const untiered = toFlexCapabilities('eastus', [stripped]);
    expect(offeredStorageTiers(untiered, 'GeneralPurpose', 128)).toBeUndefined();
    expect(unofferedOptions(request({ storageTier: 'P10' }), untiered)).toEqual({
      storageTier: ['Performance tier P10 is not offered for 128 GiB of storage in eastus. The location offers no choice of tier for this size.'],
    });
    expect(unofferedOptions(request({}), untiered)).toEqual({});
  });

  it('a size the location lists with no tier offers none to choose', () => {
    const withoutTiersAt128 = {
      ...capabilities,
      tiers: capabilities.tiers.map((t) => ({ ...t, storageTiers: t.storageTiers?.map((size) => (size.sizeGB === 128 ? { ...size, tiers: [] } : size)) })),
    };
    expect(offeredStorageTiers(withoutTiersAt128, 'GeneralPurpose', 128)).toBeUndefined();
    expect(offeredStorageTiers(withoutTiersAt128, 'GeneralPurpose', 256)?.sizeGB).toBe(256);
  });
});

describe('a storage tier in the request', () => {
  it('older requests and records, without a tier, still validate and mean the size’s default', () => {
    expect(DEFAULT_SERVER_OPTIONS.storageTier).toBeUndefined();
    const { storageTier: _none, ...older } = createRequest();
    const result = validateCreateServerRequest(older);
    expect(result.ok && result.request.storageTier).toBeUndefined();
  });

  it('the schema takes only ARM’s tier names', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const result = validateCreateServerRequest({ ...createRequest(), storageTier: name });
        const known = (STORAGE_TIERS as readonly string[]).includes(name);
        expect(result.ok).toBe(known);
        if (!result.ok) expect(result.errors.storageTier).toEqual([`A storage performance tier is one of ${STORAGE_TIERS.join(', ')}.`]);
      }),
    );
  });

  it('is refused on its field exactly when the location does not list it for that size, naming the tiers it does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...generalPurpose.storageSizesGB), fc.constantFrom(...STORAGE_TIERS), (storageSizeGB, storageTier) => {
        const offered = offeredStorageTiers(capabilities, 'GeneralPurpose', storageSizeGB)?.tiers.map((t) => t.name) ?? [];
        const errors = unofferedOptions(request({ storageSizeGB, storageTier }), capabilities);
        if (offered.includes(storageTier)) {
          expect(errors).toEqual({});
        } else {
          expect(errors).toEqual({
            storageTier: [`Performance tier ${storageTier} is not offered for ${storageSizeGB} GiB of storage in eastus. Available tiers: ${offered.join(', ')}.`],
          });
        }
      }),
    );
  });

  it('the host refuses it before ARM, on the storageTier field', () => {
    expect(checkAgainstCapabilities(request({ storageSizeGB: 2048, storageTier: 'P30' }), capabilities)).toMatchObject({
      field: 'storageTier',
      message: 'Performance tier P30 is not offered for 2048 GiB of storage in eastus. Available tiers: P40, P50.',
    });
    expect(checkAgainstCapabilities(request({ storageSizeGB: 2048, storageTier: 'P50' }), capabilities)).toBeUndefined();
  });

  it('goes into the template as storage.tier; without one the template leaves the tier to Azure', () => {
    const storageOf = (r: CreateServerRequest) => buildFlexDeployment(r).template.resources[0].properties.storage;
    expect(storageOf(request({ storageTier: 'P30' }))).toEqual({ storageSizeGB: 128, autoGrow: 'Disabled', tier: 'P30' });
    expect(storageOf(request({}))).toEqual({ storageSizeGB: 128, autoGrow: 'Disabled' });
  });

  it('is shown with its IOPS where they are known', () => {
    expect(storageTierLabel('P30', 5000)).toBe('P30 (5,000 IOPS)');
    expect(storageTierLabel('P80', 20000)).toBe('P80 (20,000 IOPS)');
    expect(storageTierLabel('P30', undefined)).toBe('P30');
  });
});
