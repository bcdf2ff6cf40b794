import type { FlexibleServerClientFactory } from '../connections/armFirewallRules';
import type { ServerTarget } from './serverReconciler';

/** Starts a stopped server through ARM; implemented on @azure/arm-postgresql-flexible. */
export interface ServerStarter {
  /** Resolves once ARM says the start is done (a long-running operation). */
  start(target: ServerTarget): Promise<void>;
}

export function createArmServerStarter(clientFor: FlexibleServerClientFactory): ServerStarter {
  return {
    async start(target) {
      await (await clientFor(target.tenantId, target.subscriptionId)).servers.beginStartAndWait(target.resourceGroup, target.serverName);
    },
  };
}
