import { describe, expect, it } from 'vitest';
import { ArmStartError, PreflightError } from '../../../src/services/flexDeployment/serverProvisioner';
import { armRequest } from '../sandbox/sandboxTestKit';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

const GENERAL_PURPOSE = { tier: 'GeneralPurpose', skuName: 'Standard_D4ads_v5', storageSizeGB: 64 } as const;

async function serverAsArmReturnsIt(serverName: string): Promise<Record<string, unknown> & { properties: Record<string, unknown> }> {
  const path = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}?api-version=2025-08-01`;
  const response = await armRequest(h.sandbox, 'GET', path);
  expect(response.status).toBe(200);
  return response.body as Record<string, unknown> & { properties: Record<string, unknown> };
}

describe('server options, from the request to the server the sandbox returns', () => {
  it('HA with its standby zone, the zone, backup, autogrow and tags: preflight passes, and the server GET shows each', async () => {
    const request = createRequest('pg-options', {
      ...GENERAL_PURPOSE,
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
      backup: { retentionDays: 21, geoRedundant: true },
      storageAutoGrow: true,
      tags: [{ name: 'env', value: 'prod' }, { name: 'cost-center', value: '42' }],
    });
    await h.services.provisioner.preflight(request);
    const ref = await startDeployment(h.services, request);
    expect((await readUntilEnded(h.services, ref)).observation.kind).toBe('succeeded');
    const server = await serverAsArmReturnsIt('pg-options');
    expect(server.tags).toEqual({ env: 'prod', 'cost-center': '42' });
    expect(server.properties).toMatchObject({
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', state: 'Healthy', standbyAvailabilityZone: '3' },
      backup: { backupRetentionDays: 21, geoRedundantBackup: 'Enabled' },
      storage: { storageSizeGB: 64, autoGrow: 'Enabled' },
    });
  });

  it('a storage performance tier above the size’s default: preflight passes, and the server GET shows it with its IOPS', async () => {
    const request = createRequest('pg-tier', { ...GENERAL_PURPOSE, storageSizeGB: 128, storageTier: 'P30' });
    await h.services.provisioner.preflight(request);
    const ref = await startDeployment(h.services, request);
    expect((await readUntilEnded(h.services, ref)).observation.kind).toBe('succeeded');
    expect((await serverAsArmReturnsIt('pg-tier')).properties.storage).toMatchObject({ storageSizeGB: 128, tier: 'P30', iops: 5000 });
  });

  it('without a tier the server gets its size’s default, as before the choice', async () => {
    const ref = await startDeployment(h.services, createRequest('pg-tier-default', { ...GENERAL_PURPOSE, storageSizeGB: 128 }));
    await readUntilEnded(h.services, ref);
    expect((await serverAsArmReturnsIt('pg-tier-default')).properties.storage).toMatchObject({ storageSizeGB: 128, tier: 'P10', iops: 500 });
  });

  it('the host refuses a tier the size does not offer before anything reaches ARM, on its field', async () => {
    const error = await h.services.provisioner.preflight(createRequest('pg-tier-low', { ...GENERAL_PURPOSE, storageSizeGB: 2048, storageTier: 'P30' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect(error).toMatchObject({ field: 'storageTier', message: 'Performance tier P30 is not offered for 2048 GiB of storage in eastus. Available tiers: P40, P50.' });
  });

  it('same-zone HA puts the standby in the server’s zone', async () => {
    const request = createRequest('pg-samezone', { ...GENERAL_PURPOSE, availabilityZone: '2', highAvailability: { mode: 'SameZone' } });
    const ref = await startDeployment(h.services, request);
    await readUntilEnded(h.services, ref);
    expect((await serverAsArmReturnsIt('pg-samezone')).properties.highAvailability).toEqual({ mode: 'SameZone', state: 'Healthy', standbyAvailabilityZone: '2' });
  });

  it('the defaults make the server they made before the options: no HA, 7 days of local backup, no autogrow, no tags', async () => {
    const ref = await startDeployment(h.services, createRequest('pg-defaults'));
    await readUntilEnded(h.services, ref);
    const server = await serverAsArmReturnsIt('pg-defaults');
    expect(server).not.toHaveProperty('tags');
    expect(server.properties).toMatchObject({
      highAvailability: { mode: 'Disabled', state: 'NotEnabled' },
      backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' },
      storage: { autoGrow: 'Disabled' },
    });
  });

  it('the host refuses HA in the Burstable tier before anything reaches ARM', async () => {
    const error = await h.services.provisioner.preflight(createRequest('pg-burst-ha', { highAvailability: { mode: 'SameZone' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).field).toBe('highAvailability.mode');
  });

  it.each([
    ['HA in the Burstable tier', { highAvailability: { mode: 'SameZone' as const } }, 'HighAvailabilityNotSupportedForBurstable'],
    ['a retention of 36 days', { backup: { retentionDays: 36, geoRedundant: false } }, 'InvalidBackupRetentionDays'],
    ['a zone the location lacks', { availabilityZone: '4' }, 'AvailabilityZoneNotAvailable'],
    ['a tag name with a slash', { tags: [{ name: 'team/owner', value: 'x' }] }, 'InvalidTagNameCharacters'],
    ['a tag value of 257 characters', { tags: [{ name: 'note', value: 'v'.repeat(257) }] }, 'InvalidTagValueLength'],
    ['a storage tier below the size’s default', { storageTier: 'P4' as const, storageSizeGB: 64 }, 'UnsupportedStorageTier'],
  ])('the sandbox refuses %s at PUT time, as ARM’s preflight does', async (_what, options, code) => {
    const request = createRequest('pg-refused-option', options);
    const error = await h.services.provisioner.startDeployment(request, 'pgflex-pg-refused-option-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmStartError);
    expect((error as ArmStartError).error.code).toBe(code);
  });
});
