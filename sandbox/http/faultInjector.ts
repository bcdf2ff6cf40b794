import { randomUUID } from 'node:crypto';
import { armError, type ArmResponse } from './armResponse';
import type { FaultRule } from '../types';

/** What the server does instead of answering normally. */
export type FaultAction = { kind: 'respond'; response: ArmResponse } | { kind: 'reset' };

/**
 * Scripted faults: each rule answers the next `count` matching ARM requests, in the order the
 * rules were added; an added latency delays every ARM response until set back to 0.
 */
export class FaultInjector {
  private rules: { rule: FaultRule; left: number }[] = [];
  latencyMs = 0;

  add(rule: FaultRule): void {
    this.rules.push({ rule, left: rule.count });
  }

  clear(): void {
    this.rules = [];
    this.latencyMs = 0;
  }

  pending(): FaultRule[] {
    return this.rules.map(({ rule, left }) => ({ ...rule, count: left }));
  }

  /**
   * Consumes one matching rule, if any, for a request to `route` in `subscriptionId`: before the
   * request is carried out, or after it (`afterApply` rules).
   */
  take(route: string, subscriptionId: string, phase: 'before' | 'after' = 'before'): FaultAction | undefined {
    const entry = this.rules.find(
      ({ rule, left }) => left > 0 && (!rule.routes || rule.routes.includes(route)) && (rule.afterApply === true) === (phase === 'after'),
    );
    if (!entry) return undefined;
    entry.left -= 1;
    this.rules = this.rules.filter(({ left }) => left > 0);
    const rule = entry.rule;
    if (rule.kind === 'reset') return { kind: 'reset' };
    if (rule.kind === 'throttle') return { kind: 'respond', response: throttled(rule.retryAfterSeconds ?? 1, subscriptionId) };
    return { kind: 'respond', response: serverError(rule.status, subscriptionId) };
  }
}

function throttled(retryAfterSeconds: number, subscriptionId: string): ArmResponse {
  return armError(
    429,
    'TooManyRequests',
    `Number of 'read' requests for subscription '${subscriptionId}' actor '${randomUUID()}' exceeded. Please try again after '${retryAfterSeconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information.`,
    {
      'Retry-After': String(retryAfterSeconds),
      'x-ms-ratelimit-remaining-subscription-reads': '0',
      'x-ms-ratelimit-remaining-subscription-global-reads': '0',
    },
  );
}

function serverError(status: number, subscriptionId: string): ArmResponse {
  if (status === 503) {
    return armError(503, 'ServiceUnavailable', 'The server is currently unable to receive requests. Please retry your request.');
  }
  if (status === 502 || status === 504) {
    return armError(status, status === 502 ? 'BadGateway' : 'GatewayTimeout', 'The gateway did not receive a response from the service in time. Please retry your request.');
  }
  return armError(
    status,
    'InternalServerError',
    `Encountered internal server error. Diagnostic information: timestamp '${new Date().toISOString()}', subscription id '${subscriptionId}', tracking id '${randomUUID()}', request correlation id '${randomUUID()}'.`,
  );
}
