import { isIPv4 } from 'node:net';
import type { SandboxContext } from '../context';
import { armError, ok, type ArmResponse } from '../http/armResponse';
import { resourceNotFound } from '../http/armErrors';
import { isResponse } from '../http/guards';
import type { RouteContext, RouteRegistry } from '../http/router';
import type { ProviderOperationStart } from './providerOperations';
import { SERVER_PATH, SERVER_TYPE, serverLookup } from './serverLookup';
import { toArmFirewallRule } from './serverRepresentation';

const RULE_TYPE = `${SERVER_TYPE}/firewallRules`;

/**
 * Firewall rules outside templates — what "Add firewall rule for {client IP}" uses. A PUT is a
 * long-running operation as in the official example: 202 with `Azure-AsyncOperation` and `Location`
 * on the provider's location (providerOperations.ts), InProgress for the rule's (scaled) duration,
 * then Succeeded. A DELETE is the same kind of operation.
 */
export function registerFirewallRuleRoutes(router: RouteRegistry, sandbox: SandboxContext, startOperation: ProviderOperationStart): void {
  const findServer = serverLookup(sandbox);
  const accepted = (ctx: RouteContext, location: string): ArmResponse => startOperation(ctx, location, sandbox.state.durations.firewallRules);
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
