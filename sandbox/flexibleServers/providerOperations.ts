import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context';
import { armError, ok, type ArmResponse } from '../http/armResponse';
import { isResponse } from '../http/guards';
import type { RouteContext, RouteRegistry } from '../http/router';
import { scaled } from '../simulatedTime';
import { FLEX_PROVIDER } from './serverLookup';

const API_VERSION = '2025-08-01';

/** Starts one of the provider's long-running operations, lasting `seconds` of simulated time; answers its 202. */
export type ProviderOperationStart = (ctx: RouteContext, location: string, seconds: number) => ArmResponse;

/**
 * The flexible-server provider's long-running operations (a firewall rule's PUT or DELETE, a
 * server's DELETE), as its official examples answer them: 202 with `Azure-AsyncOperation` and
 * `Location` on the provider's location, InProgress for the operation's (scaled) duration, then
 * Succeeded. The effect itself is applied when the operation starts.
 */
export function registerProviderOperations(router: RouteRegistry, sandbox: SandboxContext): ProviderOperationStart {
  const operations = sandbox.state.providerOperations;

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

  return (ctx, location, seconds) => {
    const id = randomUUID();
    const startedAt = sandbox.now();
    operations.set(id, { startedAt, doneAt: startedAt + scaled(seconds, sandbox.state.speed) });
    const base = `${ctx.baseUrl}/subscriptions/${ctx.params.subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/${location.replace(/\s/g, '').toLowerCase()}`;
    return ok(undefined, 202, {
      'Azure-AsyncOperation': `${base}/azureAsyncOperation/${id}?api-version=${API_VERSION}`,
      Location: `${base}/operationResults/${id}?api-version=${API_VERSION}`,
      'Retry-After': '1',
    });
  };
}
