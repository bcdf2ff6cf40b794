import { ok } from '../http/armResponse';
import { subscriptionNotFound } from '../http/armErrors';
import type { Router } from '../http/router';
import { findSubscription, SANDBOX_LOCATIONS, SANDBOX_SUBSCRIPTIONS, SANDBOX_TENANT_ID, type SandboxSubscription } from './seed';

/** Shape of the official GetSubscriptions example. */
function toArmSubscription(s: SandboxSubscription): Record<string, unknown> {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    subscriptionId: s.subscriptionId,
    tenantId: SANDBOX_TENANT_ID,
    displayName: s.displayName,
    state: 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    tags: {},
  };
}

export function registerSubscriptionRoutes(router: Router): void {
  router.add('GET', '/subscriptions', 'subscriptions.list', () => ok({ value: SANDBOX_SUBSCRIPTIONS.map(toArmSubscription) }));

  router.add('GET', '/subscriptions/{subscriptionId}', 'subscriptions.get', (ctx) => {
    const s = findSubscription(ctx.params.subscriptionId);
    return s ? ok(toArmSubscription(s)) : subscriptionNotFound(ctx.params.subscriptionId);
  });

  router.add('GET', '/tenants', 'tenants.list', () =>
    ok({
      value: [
        {
          id: `/tenants/${SANDBOX_TENANT_ID}`,
          tenantId: SANDBOX_TENANT_ID,
          tenantCategory: 'Home',
          country: 'United States',
          countryCode: 'US',
          displayName: 'pgflex Sandbox',
          domains: ['pgflexsandbox.onmicrosoft.com'],
          defaultDomain: 'pgflexsandbox.onmicrosoft.com',
          tenantType: 'AAD',
        },
      ],
    }),
  );

  router.add('GET', '/subscriptions/{subscriptionId}/locations', 'locations.list', (ctx) => {
    const s = findSubscription(ctx.params.subscriptionId);
    if (!s) return subscriptionNotFound(ctx.params.subscriptionId);
    return ok({
      value: SANDBOX_LOCATIONS.map((l) => ({
        id: `/subscriptions/${s.subscriptionId}/locations/${l.name}`,
        name: l.name,
        type: 'Region',
        displayName: l.displayName,
        regionalDisplayName: `(${l.geographyGroup}) ${l.displayName}`,
        metadata: {
          regionType: 'Physical',
          regionCategory: 'Recommended',
          geographyGroup: l.geographyGroup,
          longitude: l.longitude,
          latitude: l.latitude,
          physicalLocation: l.physicalLocation,
          pairedRegion: [],
        },
      })),
    });
  });
}
