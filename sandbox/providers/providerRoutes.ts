import type { SandboxContext } from '../context';
import { ok } from '../http/armResponse';
import { authorizationFailed, subscriptionNotFound } from '../http/armErrors';
import type { RouteContext, Router } from '../http/router';
import { findSubscription, SANDBOX_LOCATIONS } from '../subscriptions/seed';
import { POSTGRES_NAMESPACE } from './providerRegistrations';

const PROVIDER = '/subscriptions/{subscriptionId}/providers/{namespace}';

/**
 * The Providers API of Microsoft.Resources: read a provider's registration for the subscription,
 * and register it (POST answers the provider, `Registering` at first; `Registered` a while later).
 * The caller needs `{namespace}/register/action`, else ARM's 403 AuthorizationFailed.
 */
export function registerProviderRoutes(router: Router, sandbox: SandboxContext): void {
  const { registrations } = sandbox.state;
  const answer = (ctx: RouteContext) => ok(toArmProvider(sandbox, ctx.params.subscriptionId, ctx.params.namespace));

  router.add('GET', PROVIDER, 'providers.get', (ctx) => {
    if (!findSubscription(ctx.params.subscriptionId)) return subscriptionNotFound(ctx.params.subscriptionId);
    return answer(ctx);
  });

  router.add('POST', `${PROVIDER}/register`, 'providers.register', (ctx) => {
    const { subscriptionId, namespace } = ctx.params;
    if (!findSubscription(subscriptionId)) return subscriptionNotFound(subscriptionId);
    if (!registrations.mayRegister(subscriptionId, namespace)) {
      return authorizationFailed(`${canonical(namespace)}/register/action`, `/subscriptions/${subscriptionId}`);
    }
    registrations.register(subscriptionId, namespace, sandbox.now());
    return answer(ctx);
  });
}

/** Shaped as the official GetProviders example (2021-04-01): id, namespace, registrationState, registrationPolicy, resourceTypes. */
function toArmProvider(sandbox: SandboxContext, subscriptionId: string, namespace: string): Record<string, unknown> {
  const name = canonical(namespace);
  const postgres = name === POSTGRES_NAMESPACE;
  return {
    id: `/subscriptions/${subscriptionId}/providers/${name}`,
    namespace: name,
    registrationState: sandbox.state.registrations.stateOf(subscriptionId, name, sandbox.now(), sandbox.state.speed),
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: postgres
      ? [{ resourceType: 'flexibleServers', locations: SANDBOX_LOCATIONS.map((l) => l.displayName), apiVersions: ['2025-08-01'], capabilities: 'SupportsTags, SupportsLocation' }]
      : [],
  };
}

function canonical(namespace: string): string {
  return namespace.toLowerCase() === POSTGRES_NAMESPACE.toLowerCase() ? POSTGRES_NAMESPACE : namespace;
}
