import { describe, expect, it } from 'vitest';
import { failureGuidance } from '../../../machines/flexDeployment/failureGuidance';
import { SANDBOX_TENANT_ID } from '../../../sandbox';
import { isProviderNotRegistered, ProviderRegistrationError } from '../../../src/azure/providerRegistration';
import { createRequest, readUntilEnded, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();
const subscription = { tenantId: SANDBOX_TENANT_ID, subscriptionId: SUBSCRIPTION_ID };

/** The extension's registrar through the real ResourceManagementClient, against the sandbox's Providers API. */
describe('provider registration against the sandbox', () => {
  it('a catalog read refused for an unregistered subscription is told apart; after registering, it answers', async () => {
    h.sandbox.control.setProviderRegistration(SUBSCRIPTION_ID, { registered: false });
    const refused = await h.services.catalog.getCapabilities(SUBSCRIPTION_ID, 'eastus').catch((e: unknown) => e);
    expect(isProviderNotRegistered(refused)).toBe(true);

    await h.services.providerRegistrar.register(subscription);

    const capabilities = await h.services.catalog.getCapabilities(SUBSCRIPTION_ID, 'eastus');
    expect(capabilities.versions).toContain('17');
    expect(h.sandbox.requests.count('providers.register')).toBe(1);
    // It waited for Registered: at least one read of the provider after the POST.
    expect(h.sandbox.requests.count('providers.get')).toBeGreaterThan(0);
  });

  it("a caller without register/action is told to ask an Owner or Contributor, and the subscription stays unregistered", async () => {
    h.sandbox.control.setProviderRegistration(SUBSCRIPTION_ID, { registered: false, mayRegister: false });
    const error = await h.services.providerRegistrar.register(subscription).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRegistrationError);
    expect(error).toMatchObject({ reason: 'notPermitted' });
    expect((error as Error).message).toContain('Ask an Owner or Contributor');
    expect(isProviderNotRegistered(await h.services.catalog.checkNameAvailability(SUBSCRIPTION_ID, 'pg-free').catch((e: unknown) => e))).toBe(true);
  });

  it('a deployment ARM may not register for fails with MissingSubscriptionRegistration, and its guidance offers Register Provider', async () => {
    h.sandbox.control.setProviderRegistration(SUBSCRIPTION_ID, { registered: false, mayRegister: false });
    const ref = await startDeployment(h.services, createRequest('pg-unregistered'));
    const { observation } = await readUntilEnded(h.services, ref);
    expect(observation).toMatchObject({ kind: 'failed', error: { code: 'MissingSubscriptionRegistration' } });
    if (observation.kind !== 'failed') return;
    expect(observation.error.message).toContain("not registered to use namespace 'Microsoft.DBforPostgreSQL'");
    expect(failureGuidance({ armError: observation.error, location: 'eastus' })?.action).toBe('registerProvider');
  });
});
