import type { SandboxContext } from '../context';
import { armError } from '../http/armResponse';
import { isResponse } from '../http/guards';
import type { RouteContext, RouteRegistry } from '../http/router';
import { scaled } from '../simulatedTime';
import type { FlexServer } from './flexServer';
import type { ProviderOperationStart } from './providerOperations';
import { SERVER_PATH, serverLookup } from './serverLookup';

/** Simulated seconds a server takes to stop or to start (the portal says "a few minutes"). */
export const SERVER_POWER_SECONDS = 120;

/** The `state` a server's GET reports at `now`: Starting or Stopping while its operation runs. */
export function serverState(server: Pick<FlexServer, 'power'>, now: number): 'Ready' | 'Stopped' | 'Starting' | 'Stopping' {
  const power = server.power;
  if (!power) return 'Ready';
  if (now >= power.until) return power.target;
  return power.target === 'Ready' ? 'Starting' : 'Stopping';
}

/**
 * ARM's `POST …/flexibleServers/{srv}/stop` and `…/start`: 202 with the provider's
 * `Azure-AsyncOperation` and `Location` (as its other long-running operations), the server
 * Stopping or Starting for the operation's scaled duration, then Stopped or Ready. Stop is taken
 * only from Ready and start only from Stopped: anything else gets 409 `ServerIsNotReady` (the code
 * and wording Azure gives a stop of a server that is not started).
 */
export function registerServerPowerRoutes(router: RouteRegistry, sandbox: SandboxContext, startOperation: ProviderOperationStart): void {
  const findServer = serverLookup(sandbox);
  const change = (from: 'Ready' | 'Stopped', target: 'Ready' | 'Stopped', verb: string) => (ctx: RouteContext) => {
    const server = findServer(ctx);
    if (isResponse(server)) return server;
    const now = sandbox.now();
    const state = serverState(server, now);
    if (state !== from) {
      return armError(409, 'ServerIsNotReady', `${verb} Server can only be performed on ${from === 'Ready' ? 'Started' : 'Stopped'} servers. Server Name = ${server.name}, Current Server State = ${state}`);
    }
    server.power = { target, until: now + scaled(SERVER_POWER_SECONDS, sandbox.state.speed) };
    return startOperation(ctx, server.location, SERVER_POWER_SECONDS);
  };
  router.add('POST', `${SERVER_PATH}/stop`, 'flexibleServers.stop', change('Ready', 'Stopped', 'Stop'));
  router.add('POST', `${SERVER_PATH}/start`, 'flexibleServers.start', change('Stopped', 'Ready', 'Start'));
}
