import type { SandboxContext } from '../context';
import type { ArmErrorBody } from '../http/armResponse';
import { missingRegistrationError, missingSubscriptionRegistration } from '../http/armErrors';
import type { RouteRegistry, Router } from '../http/router';
import { POSTGRES_NAMESPACE } from './providerRegistrations';

/**
 * The provider's own routes, behind ARM's check: while the subscription is not registered for
 * Microsoft.DBforPostgreSQL (or still registering), ARM answers 409 MissingSubscriptionRegistration
 * itself and the provider never sees the request.
 */
export function requiringRegistration(router: Router, sandbox: SandboxContext): RouteRegistry {
  return {
    add: (method, template, name, handler) =>
      router.add(method, template, name, (ctx) =>
        isRegistered(sandbox, ctx.params.subscriptionId ?? '') ? handler(ctx) : missingSubscriptionRegistration(POSTGRES_NAMESPACE),
      ),
  };
}

/**
 * A template deployment registers the providers its resources use when the caller may; when the
 * caller may not, the deployment fails with MissingSubscriptionRegistration (the error it ends with).
 */
export function registerForDeployment(sandbox: SandboxContext, subscriptionId: string, resources: readonly { type: string }[]): ArmErrorBody | undefined {
  const prefix = `${POSTGRES_NAMESPACE.toLowerCase()}/`;
  if (!resources.some((r) => r.type.toLowerCase().startsWith(prefix)) || isRegistered(sandbox, subscriptionId)) return undefined;
  const { registrations } = sandbox.state;
  if (!registrations.mayRegister(subscriptionId, POSTGRES_NAMESPACE)) return missingRegistrationError(POSTGRES_NAMESPACE);
  registrations.register(subscriptionId, POSTGRES_NAMESPACE, sandbox.now());
  return undefined;
}

function isRegistered(sandbox: SandboxContext, subscriptionId: string): boolean {
  return sandbox.state.registrations.stateOf(subscriptionId, POSTGRES_NAMESPACE, sandbox.now(), sandbox.state.speed) === 'Registered';
}
