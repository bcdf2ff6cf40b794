import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { armPipelineOptions, resolveArmEnvironment } from '../../../src/azure/armEnvironment';
import { parseIp } from '../../../src/azure/clientIp';
import { toFlexCapabilities } from '../../../src/azure/flexCapabilities';
import { checkAgainstCapabilities } from '../../../src/azure/flexProvisioning/preflight';
import { DEFAULT_SERVER_OPTIONS } from '../../../machines/flexDeployment/serverOptions';

// The official REST API example (azure-rest-api-specs), as ARM answers capabilities.
const example = JSON.parse(readFileSync(new URL('../../fixtures/arm-examples/postgresql-2025-08-01/CapabilitiesByLocationList.json', import.meta.url), 'utf8'));
const capabilities = toFlexCapabilities('eastus', example.responses['200'].body.value);

const request = {
  location: 'eastus',
  version: '17',
  tier: 'GeneralPurpose',
  skuName: 'Standard_D2s_v3',
  storageSizeGB: 128,
  ...DEFAULT_SERVER_OPTIONS,
} as CreateServerRequest;

describe('toFlexCapabilities (official example)', () => {
  it('versions ascending, the newest as default', () => {
    expect(capabilities.versions).toEqual(['11', '12', '13', '14', '15', '16', '17']);
    expect(capabilities.defaultVersion).toBe('17');
  });

  it('the three tiers with their SKUs, memory and Premium SSD sizes in GiB', () => {
    expect(capabilities.tiers.map((t) => t.tier)).toEqual(['Burstable', 'GeneralPurpose', 'MemoryOptimized']);
    const burstable = capabilities.tiers[0];
    // The example lists HA modes on Burstable sizes; the provider refuses HA in that tier.
    expect(burstable.skus[0]).toEqual({ name: 'Standard_B1ms', vCores: 1, memoryMb: 2048, zones: ['1', '2', '3'], haModes: [] });
    expect(burstable.defaultSkuName).toBe('Standard_B1ms');
    expect(burstable.storageSizesGB).toEqual([32, 64, 128, 256, 512, 1024, 2048, 4095, 4096, 8192, 16384, 32767]);
    expect(capabilities.tiers[1].defaultStorageSizeGB).toBe(64);
  });
});

describe('toFlexCapabilities: the options a location offers', () => {
  const flex = example.responses['200'].body.value[0];

  it('zones and both HA modes per size outside Burstable; geo backup and autogrow where the location has them', () => {
    const generalPurpose = capabilities.tiers[1].skus[0];
    expect(generalPurpose).toMatchObject({ zones: ['1', '2', '3'], haModes: ['SameZone', 'ZoneRedundant'] });
    expect(capabilities).toMatchObject({ geoBackupSupported: true, zoneRedundantHaAndGeoBackupSupported: true, storageAutoGrowthSupported: true });
  });

  it('no zone-redundant HA, geo backup or autogrow where the location says Disabled', () => {
    const limited = toFlexCapabilities('westcentralus', [
      { ...flex, zoneRedundantHaSupported: 'Disabled', geoBackupSupported: 'Disabled', zoneRedundantHaAndGeoBackupSupported: 'Disabled', storageAutoGrowthSupported: 'Disabled' },
    ]);
    expect(limited.tiers[1].skus[0].haModes).toEqual(['SameZone']);
    expect(limited).toMatchObject({ geoBackupSupported: false, zoneRedundantHaAndGeoBackupSupported: false, storageAutoGrowthSupported: false });
  });

  it('the host names an option the location lacks on its field', () => {
    const burstableHa = { ...request, tier: 'Burstable', skuName: 'Standard_B1ms', storageSizeGB: 32, highAvailability: { mode: 'SameZone' } } as CreateServerRequest;
    expect(checkAgainstCapabilities(burstableHa, capabilities)?.field).toBe('highAvailability.mode');
  });
});

describe('checkAgainstCapabilities', () => {
  it('accepts what the location offers', () => {
    expect(checkAgainstCapabilities(request, capabilities)).toBeUndefined();
  });

  it.each([
    [{ version: '9' }, 'version', 'PostgreSQL 9 is not offered in eastus'],
    [{ tier: 'MemoryOptimized', skuName: 'Standard_D2s_v3' }, 'skuName', 'Compute size Standard_D2s_v3 is not offered in the MemoryOptimized tier in eastus'],
    [{ storageSizeGB: 100 }, 'storageSizeGB', 'Storage size 100 GiB is not offered'],
  ])('rejects %o on its field', (change, field, message) => {
    const error = checkAgainstCapabilities({ ...request, ...change } as CreateServerRequest, capabilities);
    expect(error?.field).toBe(field);
    expect(error?.message).toContain(message);
  });

  it('a tier the location lacks', () => {
    const error = checkAgainstCapabilities(request, { ...capabilities, tiers: capabilities.tiers.filter((t) => t.tier !== 'GeneralPurpose') });
    expect(error?.field).toBe('tier');
  });
});

describe('resolveArmEnvironment', () => {
  const pem = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
  const read = async () => pem;

  it('empty endpoint = real Azure', async () => {
    expect(await resolveArmEnvironment({ endpoint: '  ' }, read)).toEqual({ kind: 'azure', endpoint: 'https://management.azure.com' });
  });

  it('sandbox: https endpoint and the CA file’s PEM', async () => {
    const env = await resolveArmEnvironment({ endpoint: 'https://localhost:4443/', caFile: '/x.pem' }, read);
    expect(env).toEqual({ kind: 'sandbox', endpoint: 'https://localhost:4443', ca: pem });
    expect(armPipelineOptions(env, { sdkRetries: false })).toEqual({ endpoint: 'https://localhost:4443', tlsOptions: { ca: pem }, retryOptions: { maxRetries: 0 } });
    expect(armPipelineOptions(env, { sdkRetries: true })).toEqual({ endpoint: 'https://localhost:4443', tlsOptions: { ca: pem } });
  });

  it('clear errors for unusable settings', async () => {
    await expect(resolveArmEnvironment({ endpoint: 'http://localhost:1', caFile: '/x' }, read)).rejects.toThrow(/must be an https:\/\/ URL/);
    await expect(resolveArmEnvironment({ endpoint: 'https://localhost:1' }, read)).rejects.toThrow(/caFile must name/);
    await expect(resolveArmEnvironment({ endpoint: 'https://localhost:1', caFile: '/x' }, async () => 'nope')).rejects.toThrow(/not a PEM certificate/);
    await expect(resolveArmEnvironment({ endpoint: 'https://localhost:1', caFile: '/x' }, async () => Promise.reject(new Error('ENOENT')))).rejects.toThrow(/Cannot read .*ENOENT/);
  });
});

describe('parseIp', () => {
  it('plain text or JSON, IPv4 only', () => {
    expect(parseIp('203.0.113.7\n')).toBe('203.0.113.7');
    expect(parseIp('{"ip":"198.51.100.2"}')).toBe('198.51.100.2');
    expect(parseIp('{"clientIp":"127.0.0.1"}')).toBe('127.0.0.1');
    expect(parseIp('2001:db8::1')).toBeUndefined();
    expect(parseIp('<html>')).toBeUndefined();
  });
});
