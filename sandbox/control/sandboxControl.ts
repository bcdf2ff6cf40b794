import type { FaultInjector } from '../http/faultInjector';
import type { RateLimitMeter } from '../http/rateLimitMeter';
import { takesPublicConnections } from '../flexibleServers/flexServer';
import { serverState } from '../flexibleServers/serverPower';
import type { BearerCheck } from '../http/bearerCheck';
import type { RouteCounter } from '../http/requestLog';
import type { PostgresBackend } from '../postgres/postgresBackend';
import { quotaKey, serverKey, skuRestrictionKey, type SandboxState } from '../state';
import { SANDBOX_SUBSCRIPTIONS } from '../subscriptions/seed';
import type { SandboxControl } from '../types';
import { durationsSchema, faultSchema, listOrderSchema, outcomeSchema, policySchema, providerRegistrationSchema, quotaSchema, skuRestrictionSchema } from './controlSchemas';

export interface ControlParts {
  state: SandboxState;
  counter: RouteCounter;
  bearer: BearerCheck;
  faults: FaultInjector;
  meter: RateLimitMeter;
  postgres: PostgresBackend;
  advanceAll(): void;
}

/** The in-process control API; the HTTP control endpoint calls the same object. */
export function createSandboxControl(parts: ControlParts): SandboxControl {
  const { state } = parts;
  return {
    scriptOutcome(serverName, outcome) {
      state.outcomes.set(serverKey(serverName), outcomeSchema.parse(outcome));
    },
    clearOutcome(serverName) {
      state.outcomes.delete(serverKey(serverName));
    },
    setDurations(durations) {
      state.durations = { ...state.durations, ...durationsSchema.parse(durations) };
    },
    durations: () => ({ ...state.durations }),
    setSpeed(speed) {
      if (!(speed > 0)) throw new RangeError('The speed factor must be a positive number.');
      // Transitions due so far happen at the old pace; what remains runs at the new one.
      parts.advanceAll();
      const now = Date.now();
      for (const run of state.deployments.values()) run.rescale(now, state.speed / speed);
      state.speed = speed;
    },
    speed: () => state.speed,
    addFault(fault) {
      parts.faults.add(faultSchema.parse(fault));
    },
    pendingFaults: () => parts.faults.pending(),
    clearFaults() {
      parts.faults.clear();
    },
    setLatency(ms) {
      if (!(ms >= 0)) throw new RangeError('Latency must be zero or more milliseconds.');
      parts.faults.latencyMs = ms;
    },
    setListOrder(order) {
      state.listOrder = listOrderSchema.parse(order);
    },
    setPolicy(policy) {
      state.policy = policySchema.parse(policy);
    },
    setQuota(quota) {
      const { location, vCores, subscriptionId } = quotaSchema.parse(quota);
      for (const subscription of subscriptionsNamed(subscriptionId)) state.quotas.set(quotaKey(subscription, location), vCores);
    },
    restrictSku(restriction) {
      const { location, skuName, listed, subscriptionId } = skuRestrictionSchema.parse(restriction);
      for (const subscription of subscriptionsNamed(subscriptionId)) state.skuRestrictions.set(skuRestrictionKey(subscription, location, skuName), { listed });
    },
    revokeToken(token) {
      parts.bearer.revoke(token);
    },
    setProviderRegistration(subscriptionId, registration) {
      const { registered, mayRegister } = providerRegistrationSchema.parse(registration);
      if (registered) state.registrations.markRegistered(subscriptionId);
      else state.registrations.markUnregistered(subscriptionId, mayRegister ?? true);
    },
    requestCounts: () => parts.counter.counts(),
    resetRequests() {
      parts.counter.reset();
    },
    async serverEndpoint(serverName) {
      parts.advanceAll();
      const server = state.servers.get(serverKey(serverName));
      // A stopped (or stopping, starting) server takes no connections, as in Azure; nor does one
      // without public access, from this machine outside its network.
      if (!server || serverState(server, Date.now()) !== 'Ready' || !takesPublicConnections(server)) return undefined;
      return parts.postgres.endpoint(serverName);
    },
    reset() {
      state.reset();
      parts.counter.reset();
      parts.bearer.reset();
      parts.faults.clear();
      parts.meter.reset();
    },
  };
}

/** The one subscription named, or every sandbox subscription. */
function subscriptionsNamed(subscriptionId: string | undefined): string[] {
  return subscriptionId ? [subscriptionId] : SANDBOX_SUBSCRIPTIONS.map((s) => s.subscriptionId);
}
