import * as z from 'zod';
import { armError, ok, type ArmResponse } from '../http/armResponse';
import type { RouteContext, Router } from '../http/router';
import type { SandboxControl } from '../types';
import { durationsSchema, faultSchema, latencySchema, listOrderSchema, outcomeSchema, policySchema, providerRegistrationSchema, quotaSchema, skuRestrictionSchema, speedSchema, tokenSchema } from './controlSchemas';

/** The HTTP face of SandboxControl under /_sandbox (no bearer token needed; not counted). */
export function registerControlRoutes(router: Router, control: SandboxControl): void {
  const withBody =
    <T>(schema: z.ZodType<T>, apply: (value: T, ctx: RouteContext) => ArmResponse) =>
    (ctx: RouteContext): ArmResponse => {
      const parsed = schema.safeParse(ctx.body);
      if (!parsed.success) return armError(400, 'InvalidControlRequest', z.prettifyError(parsed.error));
      return apply(parsed.data, ctx);
    };
  const done: ArmResponse = { status: 204 };

  router.add('GET', '/_sandbox/requests', 'requests', () => ok({ counts: control.requestCounts() }));
  router.add('DELETE', '/_sandbox/requests', 'requests.reset', () => (control.resetRequests(), done));
  router.add('PUT', '/_sandbox/outcomes/{serverName}', 'outcome', withBody(outcomeSchema, (o, ctx) => (control.scriptOutcome(ctx.params.serverName, o), done)));
  router.add('DELETE', '/_sandbox/outcomes/{serverName}', 'outcome.clear', (ctx) => (control.clearOutcome(ctx.params.serverName), done));
  router.add('GET', '/_sandbox/durations', 'durations', () => ok(control.durations()));
  router.add('PUT', '/_sandbox/durations', 'durations.set', withBody(durationsSchema, (d) => (control.setDurations(d), ok(control.durations()))));
  router.add('GET', '/_sandbox/speed', 'speed', () => ok({ speed: control.speed() }));
  router.add('PUT', '/_sandbox/speed', 'speed.set', withBody(speedSchema, ({ speed }) => (control.setSpeed(speed), ok({ speed }))));
  router.add('GET', '/_sandbox/faults', 'faults', () => ok({ value: control.pendingFaults() }));
  router.add('POST', '/_sandbox/faults', 'faults.add', withBody(faultSchema, (f) => (control.addFault(f), done)));
  router.add('DELETE', '/_sandbox/faults', 'faults.clear', () => (control.clearFaults(), done));
  router.add('PUT', '/_sandbox/listOrder', 'listOrder.set', withBody(z.object({ order: listOrderSchema }).strict(), ({ order }) => (control.setListOrder(order), done)));
  router.add('PUT', '/_sandbox/policy', 'policy.set', withBody(policySchema, (policy) => (control.setPolicy(policy), done)));
  router.add('PUT', '/_sandbox/quota', 'quota.set', withBody(quotaSchema, (quota) => (control.setQuota(quota), done)));
  router.add('PUT', '/_sandbox/skuRestriction', 'skuRestriction.set', withBody(skuRestrictionSchema, (restriction) => (control.restrictSku(restriction), done)));
  router.add('PUT', '/_sandbox/latency', 'latency.set', withBody(latencySchema, ({ ms }) => (control.setLatency(ms), done)));
  router.add('POST', '/_sandbox/tokens/revoke', 'tokens.revoke', withBody(tokenSchema, ({ token }) => (control.revokeToken(token), done)));
  router.add('PUT', '/_sandbox/providerRegistrations/{subscriptionId}', 'providerRegistration.set', withBody(providerRegistrationSchema, (r, ctx) => (control.setProviderRegistration(ctx.params.subscriptionId, r), done)));
  router.add('POST', '/_sandbox/reset', 'reset', () => (control.reset(), done));
  router.add('GET', '/_sandbox/clientIp', 'clientIp', (ctx) => ok({ ip: ctx.clientIp }));
  router.add('GET', '/_sandbox/servers/{serverName}/endpoint', 'endpoint', async (ctx) => {
    const endpoint = await control.serverEndpoint(ctx.params.serverName);
    return endpoint
      ? ok(endpoint)
      : armError(404, 'ServerNotReady', `No succeeded server '${ctx.params.serverName}' that takes connections from here (it is stopped or has no public access, or the sandbox runs with postgres: 'none').`);
  });
}
