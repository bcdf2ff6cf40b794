import { describe, expect, it } from 'vitest';
import {
  AUTHENTICATION_LABELS,
  HIGH_AVAILABILITY_LABELS,
  NETWORK_ACCESS_LABELS,
  postgresVersionLabel,
  skuLabel,
  storageTierLabel,
  TIER_LABELS,
  zoneLabel,
} from '../../../machines/webview/displayNames';

// The portal's words for Azure's values, as the form, its review and the dashboard show them.
describe('display names', () => {
  it('names each compute tier, authentication mode, high-availability mode and network access as the portal does', () => {
    expect(TIER_LABELS).toEqual({ Burstable: 'Burstable', GeneralPurpose: 'General Purpose', MemoryOptimized: 'Memory Optimized' });
    expect(AUTHENTICATION_LABELS).toEqual({
      PostgreSQLOnly: 'PostgreSQL authentication only',
      EntraOnly: 'Microsoft Entra authentication only',
      Hybrid: 'PostgreSQL and Microsoft Entra authentication',
    });
    expect(HIGH_AVAILABILITY_LABELS).toEqual({ Disabled: 'Disabled', SameZone: 'Same zone', ZoneRedundant: 'Zone redundant' });
    expect(NETWORK_ACCESS_LABELS).toEqual({ Public: 'Public access (allowed IP addresses)', None: 'No public access' });
  });

  it('names a zone, or no preference when none is chosen', () => {
    expect(zoneLabel('2')).toBe('Zone 2');
    expect(zoneLabel('')).toBe('No preference');
  });

  it('names a compute size with its vCores, and its memory in GiB when known', () => {
    expect(skuLabel({ name: 'Standard_D4ds_v5', vCores: 4, memoryMb: 16_384 })).toBe('Standard_D4ds_v5 (4 vCores, 16 GiB RAM)');
    expect(skuLabel({ name: 'Standard_B1ms', vCores: 1, memoryMb: 2_000 })).toBe('Standard_B1ms (1 vCores, 2 GiB RAM)');
    expect(skuLabel({ name: 'Standard_B2s', vCores: 2 })).toBe('Standard_B2s (2 vCores)');
  });

  it('names a major version and a performance tier', () => {
    expect(postgresVersionLabel('18')).toBe('PostgreSQL 18');
    expect(storageTierLabel('P30', 5000)).toBe('P30 (5,000 IOPS)');
    expect(storageTierLabel('P4', undefined)).toBe('P4');
  });
});
