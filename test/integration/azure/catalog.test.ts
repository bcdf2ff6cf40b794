import { describe, expect, it } from 'vitest';
import { SANDBOX_SUBSCRIPTIONS, SANDBOX_TENANT_ID, SEEDED_RESOURCE_GROUPS } from '../../../sandbox';
import { SANDBOX_PRINCIPAL } from '../../../src/azure/sandboxAccount';
import { OSSRDBMS_SCOPE } from '../../../src/azure/armEnvironment';
import { createRequest, readUntilEnded, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

describe('ArmAzureCatalog against the sandbox', () => {
  it('subscriptions with their tenant, resource groups and physical locations', async () => {
    const subscriptions = await h.services.catalog.listSubscriptions();
    expect(subscriptions.map((s) => s.subscriptionId).sort()).toEqual(SANDBOX_SUBSCRIPTIONS.map((s) => s.subscriptionId).sort());
    expect(subscriptions.every((s) => s.tenantId === SANDBOX_TENANT_ID)).toBe(true);
    expect(await h.services.catalog.listResourceGroups(SUBSCRIPTION_ID)).toContainEqual({ name: SEEDED_RESOURCE_GROUPS[0].name, location: SEEDED_RESOURCE_GROUPS[0].location });
    const locations = await h.services.catalog.listLocations(SUBSCRIPTION_ID);
    expect(locations).toContainEqual({ name: 'eastus', displayName: 'East US' });
  });

  it('capabilities: versions, tiers with default SKU and storage', async () => {
    const capabilities = await h.services.catalog.getCapabilities(SUBSCRIPTION_ID, 'eastus');
    expect(capabilities.versions).toContain('17');
    expect(capabilities.defaultVersion).toBe(capabilities.versions[capabilities.versions.length - 1]);
    const burstable = capabilities.tiers.find((t) => t.tier === 'Burstable');
    expect(burstable?.defaultSkuName).toBe('Standard_B2s');
    expect(burstable?.defaultStorageSizeGB).toBe(32);
    expect(capabilities.tiers.map((t) => t.tier)).toEqual(['Burstable', 'GeneralPurpose', 'MemoryOptimized']);
  });

  it('name availability: free, then taken once a server has it', async () => {
    expect(await h.services.catalog.checkNameAvailability(SUBSCRIPTION_ID, 'pg-catalog')).toEqual({ available: true });
    await readUntilEnded(h.services, await startDeployment(h.services, createRequest('pg-catalog')));
    expect(await h.services.catalog.checkNameAvailability(SUBSCRIPTION_ID, 'pg-catalog')).toMatchObject({ available: false });
  });

  it('the signed-in principal, the client IP and database tokens', async () => {
    expect(await h.services.catalog.getSignedInPrincipal(SANDBOX_TENANT_ID)).toEqual(SANDBOX_PRINCIPAL);
    expect(await h.services.catalog.detectClientIp()).toBe('127.0.0.1');
    const token = await h.services.credentials.getToken(SANDBOX_TENANT_ID, [OSSRDBMS_SCOPE]);
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now());
  });
});
