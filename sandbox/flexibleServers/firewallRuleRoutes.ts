import { randomUUID } from 'node:crypto';
import { isIPv4 } from 'node:net';
import type { SandboxContext } from '../context';
import { scaled } from '../simulatedTime';
import { armError, ok, type ArmResponse } from '../http/armResponse';
import { resourceNotFound } from '../http/armErrors';
import { isResponse } from '../http/guards';
import type { RouteContext, RouteRegistry } from '../http/router';
import { FLEX_PROVIDER, SERVER_PATH, SERVER_TYPE, serverLookup } from './serverLookup';
import { toArmFirewallRule } from './serverRepresentation';

const RULE_TYPE = `${SERVER_TYPE}/firewallRules`;
const API_VERSION = '2025-08-01';

/**
 * Firewall rules outside templates — what "Add firewall rule for {client IP}" uses. A PUT is a
 * long-running operation as in the official example: 202 with `Azure-AsyncOperation` and `Location`
 * on the provider's location, InProgress for the rule's (scaled) duration, then Succeeded. A DELETE
 * is the same kind of operation.
 */
export function registerFirewallRuleRoutes(router: RouteRegistry, sandbox: SandboxContext): void {
  const findServer = serverLookup(sandbox);
  const operations = new Map<string, { doneAt: number; startedAt: number }>();
  const findRule = (rules: Map<string, unknown>, name: string) => [...rules.keys()].find((k) => k.toLowerCase() === name.toLowerCase());

  router.add('GET', `${SERVER_PATH}/firewallRules`, 'firewallRules.list', (ctx) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    return ok({ value: [...server.firewallRules].map(([name, p]) => toArmFirewallRule(server, name, p)) });
  });

  router.add('GET', `${SERVER_PATH}/firewallRules/{ruleName}`, 'firewallRules.get', (ctx) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    const name = findRule(server.firewallRules, ctx.params.ruleName);
    return name ? ok(toArmFirewallRule(server, name, server.firewallRules.get(name) ?? {})) : resourceNotFound(RULE_TYPE, ctx.params.ruleName, ctx.params.resourceGroupName);
  });

  router.add('PUT', `${SERVER_PATH}/firewallRules/{ruleName}`, 'firewallRules.put', (ctx) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    const badName = nameProblem(ctx.params.ruleName);
    if (badName) return badName;
    const properties = ((ctx.body ?? {}) as { properties?: { startIpAddress?: unknown; endIpAddress?: unknown } }).properties ?? {};
    const invalid = ipProblem('StartIpAddress', properties.startIpAddress) ?? ipProblem('EndIpAddress', properties.endIpAddress);
    if (invalid) return invalid;
    const { startIpAddress, endIpAddress } = properties as { startIpAddress: string; endIpAddress: string };
    if (toNumber(startIpAddress) > toNumber(endIpAddress)) {
      return armError(400, 'FirewallRuleStartIpAddressGreaterThanEndIpAddress', `The firewall rule's start IP address '${startIpAddress}' is greater than its end IP address '${endIpAddress}'.`);
    }
    server.firewallRules.set(findRule(server.firewallRules, ctx.params.ruleName) ?? ctx.params.ruleName, { startIpAddress, endIpAddress });
    return accepted(ctx, server.location);
  });

  // As FirewallRulesDelete.json: 202 with the same two headers as a PUT, or 204 when there is no such
  // rule. The SDK's beginDeleteAndWait polls Azure-AsyncOperation until Succeeded and reads no body.
  router.add('DELETE', `${SERVER_PATH}/firewallRules/{ruleName}`, 'firewallRules.delete', (ctx) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    const badName = nameProblem(ctx.params.ruleName);
    if (badName) return badName;
    const name = findRule(server.firewallRules, ctx.params.ruleName);
    if (!name) return { status: 204 };
    server.firewallRules.delete(name);
    return accepted(ctx, server.location);
  });

  /** A started long-running operation on the rule, answered as the provider does: 202, poll these. */
  const accepted = (ctx: RouteContext, location: string): ArmResponse => {
    const id = randomUUID();
    const startedAt = sandbox.now();
    operations.set(id, { startedAt, doneAt: startedAt + scaled(sandbox.state.durations.firewallRules, sandbox.state.speed) });
    const base = `${ctx.baseUrl}/subscriptions/${ctx.params.subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/${location.replace(/\s/g, '').toLowerCase()}`;
    return ok(undefined, 202, {
      'Azure-AsyncOperation': `${base}/azureAsyncOperation/${id}?api-version=${API_VERSION}`,
      Location: `${base}/operationResults/${id}?api-version=${API_VERSION}`,
      'Retry-After': '1',
    });
  };

  const operation = (id: string): { done: boolean; startTime: string } | ArmResponse => {
    const found = operations.get(id);
    if (!found) return armError(404, 'ResourceNotFound', `The operation '${id}' was not found.`);
    return { done: sandbox.now() >= found.doneAt, startTime: new Date(found.startedAt).toISOString() };
  };

  router.add('GET', `${FLEX_PROVIDER}/locations/{locationName}/azureAsyncOperation/{operationId}`, 'flexibleServers.operationStatus', (ctx) => {
    const op = operation(ctx.params.operationId);
    if (isResponse(op)) return op;
    return ok({ name: ctx.params.operationId, status: op.done ? 'Succeeded' : 'InProgress', startTime: op.startTime });
  });

  router.add('GET', `${FLEX_PROVIDER}/locations/{locationName}/operationResults/{operationId}`, 'flexibleServers.operationResult', (ctx) => {
    const op = operation(ctx.params.operationId);
    if (isResponse(op)) return op;
    return op.done ? { status: 200 } : { status: 202, headers: { Location: `${ctx.baseUrl}/subscriptions/${ctx.params.subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/${ctx.params.locationName}/operationResults/${ctx.params.operationId}?api-version=${API_VERSION}`, 'Retry-After': '1' } };
  });
}

/**
 * The 2025-08-01 specification's pattern for firewallRuleName (the SDK carries it but does not check
 * it before sending). The provider answers a name outside it as it answers a bad address.
 */
const RULE_NAME = /^[a-zA-Z0-9][-_a-zA-Z0-9]{0,79}(?<!-)$/;

function nameProblem(name: string): ArmResponse | undefined {
  return RULE_NAME.test(name) ? undefined : armError(400, 'InvalidParameterValue', 'Invalid value given for parameter FirewallRuleName. Specify a valid parameter value.');
}

function ipProblem(parameter: string, value: unknown): ArmResponse | undefined {
  if (typeof value === 'string' && isIPv4(value)) return undefined;
  return armError(400, 'InvalidParameterValue', `Invalid value given for parameter ${parameter}. Specify a valid parameter value.`);
}

function toNumber(ip: string): number {
  return ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
}
