import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlexCapabilities, TierCapability } from '../../../machines/flexDeployment/catalog';
import { unofferedOptions } from '../../../machines/flexDeployment/offeredOptions';
import { serverOptionsSchema } from '../../../machines/flexDeployment/serverOptions';
import { initialValues, toRequestInput, type FormCatalog, type FormValues } from '../../../webview-ui/createServer/formValues';
import { workloadPresetValues } from '../../../webview-ui/createServer/workloadPresets';
import { WORKLOAD_TYPES, type WorkloadType } from '../../../webview-ui/createServer/workloadType';
import { flexCapabilities, sizeTiers } from '../../support/flexCapabilities';

const ZONES = ['1', '2', '3'];
const memoryOptimized: TierCapability = {
  tier: 'MemoryOptimized',
  defaultSkuName: 'Standard_E4ads_v5',
  skus: [
    { name: 'Standard_E2ads_v5', vCores: 2, zones: ZONES, haModes: ['SameZone', 'ZoneRedundant'] },
    { name: 'Standard_E4ads_v5', vCores: 4, zones: ZONES, haModes: ['SameZone', 'ZoneRedundant'] },
  ],
  storageSizesGB: [128, 256],
  defaultStorageSizeGB: 128,
  storageTiers: [sizeTiers(128, 'P10'), sizeTiers(256, 'P15')],
};
const full = flexCapabilities('eastus');
const everyTier: FlexCapabilities = { ...full, tiers: [...full.tiers, memoryOptimized] };

const catalog = (capabilities: FlexCapabilities): FormCatalog => ({ subscriptions: [], resourceGroups: [], locations: [], capabilities });
/** A form as the user left it: General Purpose with its second size, 128 GiB, a chosen tier, same-zone HA, 20 days. */
const before: FormValues = {
  ...initialValues(undefined),
  location: 'eastus',
  tier: 'GeneralPurpose',
  skuName: 'Standard_D2ads_v5',
  storageSizeGB: '128',
  storageTier: 'P30',
  highAvailabilityMode: 'SameZone',
  backupRetentionDays: '20',
};

/** What a location may lack: whole tiers, sizes, HA modes, geo-redundant backup. */
const locations = fc
  .record({
    tiers: fc.subarray(everyTier.tiers, { minLength: 1 }),
    withoutHa: fc.boolean(),
    withoutZoneRedundantHa: fc.boolean(),
    withoutB1ms: fc.boolean(),
    geoBackupSupported: fc.boolean(),
    zoneRedundantHaAndGeoBackupSupported: fc.boolean(),
  })
  .map(({ tiers, withoutHa, withoutZoneRedundantHa, withoutB1ms, ...flags }): FlexCapabilities => ({
    ...everyTier,
    ...flags,
    tiers: tiers.map((t) => ({
      ...t,
      skus: t.skus
        .filter((s) => !(withoutB1ms && s.name === 'Standard_B1ms'))
        .map((s) => ({ ...s, haModes: withoutHa ? [] : s.haModes.filter((m) => !(withoutZoneRedundantHa && m === 'ZoneRedundant')) })),
    })),
  }));

function applied(type: WorkloadType, capabilities: FlexCapabilities): FormValues {
  return { ...before, ...workloadPresetValues(type, before, capabilities) };
}

describe('workload type presets', () => {
  it('Development: Burstable B1ms, 32 GiB, no HA, 7 days of local backup', () => {
    expect(workloadPresetValues('Development', before, everyTier)).toEqual({
      workloadType: 'Development',
      tier: 'Burstable',
      skuName: 'Standard_B1ms',
      storageSizeGB: '32',
      storageTier: '',
      highAvailabilityMode: 'Disabled',
      standbyAvailabilityZone: '',
      backupRetentionDays: '7',
      geoRedundantBackup: false,
    });
  });

  it("Production: General Purpose 4 vCores or Memory Optimized's default size, the tier's default storage where 512 GiB is not offered, zone-redundant HA; the large one 14 days of geo-redundant backup", () => {
    expect(workloadPresetValues('ProductionSmallMedium', before, everyTier)).toMatchObject({
      tier: 'GeneralPurpose', skuName: 'Standard_D4ads_v5', storageSizeGB: '64', highAvailabilityMode: 'ZoneRedundant', backupRetentionDays: '7', geoRedundantBackup: false,
    });
    expect(workloadPresetValues('ProductionLarge', before, everyTier)).toMatchObject({
      tier: 'MemoryOptimized', skuName: 'Standard_E4ads_v5', storageSizeGB: '128', highAvailabilityMode: 'ZoneRedundant', backupRetentionDays: '14', geoRedundantBackup: true,
    });
  });

  it('Production (small / medium): a 4-vCore General Purpose size with 512 GiB where the location offers them', () => {
    const [burstable, generalPurpose] = everyTier.tiers;
    const larger = { ...everyTier, tiers: [burstable, { ...generalPurpose, defaultSkuName: 'Standard_D2ads_v5', storageSizesGB: [64, 128, 512] }] };
    expect(workloadPresetValues('ProductionSmallMedium', before, larger)).toMatchObject({ skuName: 'Standard_D4ads_v5', storageSizeGB: '512' });
    const without4 = { ...larger, tiers: [burstable, { ...larger.tiers[1], skus: larger.tiers[1].skus.filter((s) => s.vCores !== 4) }] };
    expect(workloadPresetValues('ProductionSmallMedium', before, without4)).toMatchObject({ skuName: 'Standard_D2ads_v5' });
  });

  it('whatever the location lacks, a preset sets only what it offers, and the tier is the preset’s wherever the location has it', () => {
    const presetTier = { Development: 'Burstable', ProductionSmallMedium: 'GeneralPurpose', ProductionLarge: 'MemoryOptimized' } as const;
    fc.assert(
      fc.property(locations, fc.constantFrom(...WORKLOAD_TYPES), (capabilities, type) => {
        const values = applied(type, capabilities);
        const request = toRequestInput(values, catalog(capabilities));
        const offersTier = capabilities.tiers.some((t) => t.tier === presetTier[type]);
        expect(values.tier).toBe(offersTier ? presetTier[type] : before.tier);
        const tier = capabilities.tiers.find((t) => t.tier === values.tier);
        if (!tier) return;
        expect(tier.skus.map((s) => s.name)).toContain(values.skuName);
        expect(tier.storageSizesGB).toContain(Number(values.storageSizeGB));
        const options = serverOptionsSchema.parse(request);
        expect(unofferedOptions({ ...options, tier: values.tier, skuName: values.skuName, storageSizeGB: Number(values.storageSizeGB), location: 'eastus' }, capabilities)).toEqual({});
        expect(values.workloadType).toBe(type);
      }),
    );
  });

  it('HA falls back to same zone, then none, as the size offers; geo-redundant backup only where the location has it with that HA', () => {
    const sameZoneOnly = { ...everyTier, tiers: everyTier.tiers.map((t) => ({ ...t, skus: t.skus.map((s) => ({ ...s, haModes: s.haModes.filter((m) => m === 'SameZone') })) })) };
    expect(applied('ProductionLarge', sameZoneOnly)).toMatchObject({ highAvailabilityMode: 'SameZone', geoRedundantBackup: true });
    expect(applied('ProductionLarge', { ...everyTier, zoneRedundantHaAndGeoBackupSupported: false })).toMatchObject({ highAvailabilityMode: 'ZoneRedundant', geoRedundantBackup: false });
    expect(applied('ProductionLarge', { ...everyTier, geoBackupSupported: false }).geoRedundantBackup).toBe(false);
  });

  it('is not part of the request', () => {
    expect(toRequestInput(applied('Development', everyTier), catalog(everyTier))).not.toHaveProperty('workloadType');
  });
});
