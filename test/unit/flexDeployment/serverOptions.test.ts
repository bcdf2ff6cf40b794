import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { unofferedOptions } from '../../../machines/flexDeployment/offeredOptions';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from '../../../machines/flexDeployment/serverOptions';
import { flexCapabilities } from '../../support/flexCapabilities';
import { createRequest } from '../../support/trackerFakes';

function errorsOf(overrides: Record<string, unknown>) {
  const result = validateCreateServerRequest({ ...createRequest(), ...overrides });
  return result.ok ? {} : result.errors;
}

/** Azure's tag rules, written out independently of the schema: field → messages. */
function brokenTagRules(tags: { name: string; value: string }[]): Record<string, string[]> {
  const broken: Record<string, string[]> = {};
  const add = (field: string, message: string) => (broken[field] = [...(broken[field] ?? []), message]);
  if (tags.length > 50) add('tags', 'A server can have at most 50 tags.');
  const seen: string[] = [];
  tags.forEach(({ name, value }, i) => {
    if (name.length === 0) add(`tags.${i}.name`, 'A tag needs a name.');
    if (name.length > 512) add(`tags.${i}.name`, 'A tag name must be at most 512 characters long.');
    if (/[<>%&\\?/]/.test(name)) add(`tags.${i}.name`, 'A tag name cannot contain < > % & \\ ? /.');
    if (value.length > 256) add(`tags.${i}.value`, 'A tag value must be at most 256 characters long.');
    if (name !== '' && seen.includes(name.toLowerCase())) {
      add(`tags.${i}.name`, `Tag '${name}' is already set: tag names are compared without regard to case.`);
    }
    seen.push(name.toLowerCase());
  });
  return broken;
}

const onlyTagErrors = (errors: Record<string, string[]>) => Object.fromEntries(Object.entries(errors).filter(([field]) => field.startsWith('tags')));

describe('the server options of a create request', () => {
  it("default to what a server got before they existed, so an older request still validates", () => {
    const { highAvailability: _h, backup: _b, storageAutoGrow: _s, tags: _t, ...before } = createRequest();
    const result = validateCreateServerRequest(before);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request).toMatchObject({ highAvailability: { mode: 'Disabled' }, backup: { retentionDays: 7, geoRedundant: false }, storageAutoGrow: false, tags: [] });
    expect(result.request.availabilityZone).toBeUndefined();
    expect(DEFAULT_SERVER_OPTIONS).toEqual({ highAvailability: { mode: 'Disabled' }, backup: { retentionDays: 7, geoRedundant: false }, storageAutoGrow: false, tags: [] });
  });

  it('backup retention is a whole number of days from 7 to 35', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ noNaN: false })), (retentionDays) => {
        const valid = Number.isInteger(retentionDays) && retentionDays >= 7 && retentionDays <= 35;
        const errors = errorsOf({ backup: { retentionDays, geoRedundant: false } })['backup.retentionDays'];
        expect(errors === undefined).toBe(valid);
      }),
    );
  });

  it('tells which backup retention rule a value breaks', () => {
    const RANGE = 'Backup retention must be 7 to 35 days.';
    const retentionErrors = (retentionDays: unknown) => errorsOf({ backup: { retentionDays, geoRedundant: false } })['backup.retentionDays'];
    expect(retentionErrors(6)).toEqual([RANGE]);
    expect(retentionErrors(36)).toEqual([RANGE]);
    expect(retentionErrors('seven')).toEqual([RANGE]);
    expect(retentionErrors(Number.NaN)).toEqual([RANGE]);
    expect(retentionErrors(7.5)).toEqual(['Backup retention must be a whole number of days.']);
  });

  it('lists exactly the tag rules a list of tags breaks, for any tags', () => {
    const name = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '1', '-', ' ', '<', '>', '%', '&', '\\', '?', '/', 'é'), maxLength: 4 }),
      fc.constantFrom('x'.repeat(512), 'x'.repeat(513)),
    );
    const value = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('v'.repeat(256), 'v'.repeat(257)));
    fc.assert(
      fc.property(fc.array(fc.record({ name, value }), { maxLength: 55 }), (tags) => {
        expect(onlyTagErrors(errorsOf({ tags }))).toEqual(brokenTagRules(tags));
      }),
      { numRuns: 200 },
    );
  });

  it('takes 50 well-formed tags, with names of 512 and values of 256 characters', () => {
    const tags = Array.from({ length: 50 }, (_, i) => ({ name: `${i}`.padEnd(512, 'n'), value: 'v'.repeat(256) }));
    expect(errorsOf({ tags })).toEqual({});
    expect(errorsOf({ tags: [...tags, { name: 'one-too-many', value: '' }] })).toEqual({ tags: ['A server can have at most 50 tags.'] });
  });

  it('compares tag names letter by letter without case, as Azure does: Maß and MASS are two tags', () => {
    expect(errorsOf({ tags: [{ name: 'Maß', value: 'weight' }, { name: 'MASS', value: 'bulk' }] })).toEqual({});
  });

  it('a standby zone only for zone-redundant HA, never the server’s own zone, and no zone named by an empty string', () => {
    expect(errorsOf({ highAvailability: { mode: 'SameZone', standbyAvailabilityZone: '2' } })).toEqual({
      'highAvailability.standbyAvailabilityZone': ['A standby zone is chosen only for zone-redundant high availability.'],
    });
    expect(errorsOf({ availabilityZone: '1', highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '1' } })).toEqual({
      'highAvailability.standbyAvailabilityZone': ['A zone-redundant standby must be in another zone than the server.'],
    });
    expect(errorsOf({ availabilityZone: '1', highAvailability: { mode: 'SameZone', standbyAvailabilityZone: '1' } })).toEqual({
      'highAvailability.standbyAvailabilityZone': ['A standby zone is chosen only for zone-redundant high availability.'],
    });
    expect(errorsOf({ availabilityZone: '1', highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '2' } })).toEqual({});
    expect(errorsOf({ highAvailability: { mode: 'ZoneRedundant' } })).toEqual({});
    expect(Object.keys(errorsOf({ availabilityZone: '' }))).toEqual(['availabilityZone']);
    expect(Object.keys(errorsOf({ highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '' } }))).toEqual(['highAvailability.standbyAvailabilityZone']);
    expect(errorsOf({ highAvailability: { mode: 'Always' } })).toEqual({ 'highAvailability.mode': ['Choose a high availability mode.'] });
  });
});

const capabilities = flexCapabilities('eastus', { zoneRedundantHaAndGeoBackupSupported: false });

function unoffered(options: Partial<ServerOptions>, tier = 'GeneralPurpose', skuName = 'Standard_D4ads_v5', offer = capabilities) {
  return unofferedOptions({ ...DEFAULT_SERVER_OPTIONS, ...options, tier, skuName, storageSizeGB: 64, location: 'eastus' }, offer);
}

describe("the server options against the location's capabilities", () => {
  it('accepts the defaults on every size, and what the size offers', () => {
    expect(unoffered({}, 'Burstable', 'Standard_B2s')).toEqual({});
    expect(unoffered({ availabilityZone: '2', highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' }, storageAutoGrow: true })).toEqual({});
  });

  it('no high availability in the Burstable tier, nor a mode the size lacks', () => {
    expect(unoffered({ highAvailability: { mode: 'SameZone' } }, 'Burstable', 'Standard_B2s')).toEqual({
      'highAvailability.mode': ['High availability is not offered in the Burstable tier. Choose General Purpose or Memory Optimized.'],
    });
    expect(unoffered({ highAvailability: { mode: 'ZoneRedundant' } }, 'GeneralPurpose', 'Standard_D2ads_v5')).toEqual({
      'highAvailability.mode': ['Zone-redundant high availability is not offered for Standard_D2ads_v5 in eastus.'],
    });
    const withoutHa = { ...capabilities, tiers: capabilities.tiers.map((t) => ({ ...t, skus: t.skus.map((s) => ({ ...s, haModes: [] })) })) };
    expect(unoffered({ highAvailability: { mode: 'SameZone' } }, 'GeneralPurpose', 'Standard_D2ads_v5', withoutHa)).toEqual({
      'highAvailability.mode': ['Same-zone high availability is not offered for Standard_D2ads_v5 in eastus.'],
    });
  });

  it('zones the size is not placed in, for the server and its standby, each on its field, naming the zones it is in if any', () => {
    expect(unoffered({ availabilityZone: '3', highAvailability: { mode: 'SameZone' } }, 'GeneralPurpose', 'Standard_D2ads_v5')).toEqual({
      availabilityZone: ['Zone 3 is not offered for Standard_D2ads_v5 in eastus. Available zones: 1.'],
    });
    expect(unoffered({ highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '4' } })['highAvailability.standbyAvailabilityZone']).toHaveLength(1);
    const zoneless = { ...capabilities, tiers: capabilities.tiers.map((t) => ({ ...t, skus: t.skus.map((sku) => ({ ...sku, zones: [] })) })) };
    expect(unoffered({ availabilityZone: '1' }, 'GeneralPurpose', 'Standard_D4ads_v5', zoneless)).toEqual({
      availabilityZone: ['Zone 1 is not offered for Standard_D4ads_v5 in eastus.'],
    });
  });

  it('geo-redundant backup and autogrow only where the location offers them, geo backup with zone-redundant HA only where both are', () => {
    const none = { ...capabilities, geoBackupSupported: false, storageAutoGrowthSupported: false };
    expect(unoffered({ backup: { retentionDays: 7, geoRedundant: true }, storageAutoGrow: true }, 'GeneralPurpose', 'Standard_D4ads_v5', none)).toEqual({
      'backup.geoRedundant': ['Geo-redundant backup is not offered in eastus.'],
      storageAutoGrow: ['Storage autogrow is not offered in eastus.'],
    });
    expect(unoffered({ backup: { retentionDays: 7, geoRedundant: true }, highAvailability: { mode: 'ZoneRedundant' } })).toEqual({
      'backup.geoRedundant': ['Geo-redundant backup together with zone-redundant high availability is not offered in eastus.'],
    });
    expect(unoffered({ backup: { retentionDays: 7, geoRedundant: true }, highAvailability: { mode: 'SameZone' } })).toEqual({});
  });
});
