import type { ConnectionManager } from '../../src/connections/connectionManager';
import { ConnectionStore } from '../../src/connections/connectionStore';
import { findDeploymentProfile } from '../../src/connections/saveDeploymentProfile';
import type { DeploymentServers } from '../../src/deployments/deploymentServers';
import type { ServerStarter } from '../../src/reconcile/armServerStarter';
import { createServerActions } from '../../src/reconcile/serverActions';
import { createServerReconciler, type ServerTarget } from '../../src/reconcile/serverReconciler';
import { InMemoryProfileSettings, InMemorySecrets, ScriptedNotifier } from './connectionFakes';
import { recordingPortal } from './recordingPortal';
import { ScriptedServerReader } from './scriptedServerReader';

/**
 * Saved connections, a scripted server GET and the real reconciler and server actions over them:
 * what the Deployments view's and the connect flow's reconciliation tests share.
 */
export function reconcileWorld(notifier = new ScriptedNotifier()) {
  const secrets = new InMemorySecrets();
  const store = new ConnectionStore(new InMemoryProfileSettings(), secrets);
  const reader = new ScriptedServerReader();
  const checks = createServerReconciler(reader, () => Date.UTC(2026, 11, 4, 10, 0, 0));
  const started: ServerTarget[] = [];
  const starter: ServerStarter & { failWith?: Error } = {
    async start(target) {
      started.push(target);
      if (starter.failWith) throw starter.failWith;
      reader.answer(target.serverName, { state: 'Ready' });
    },
  };
  const disconnected: string[] = [];
  const manager = { disconnect: async (id: string) => void disconnected.push(id) } as Pick<ConnectionManager, 'disconnect'>;
  const { portal, opened } = recordingPortal();
  const logged: string[] = [];
  const actions = createServerActions({ checks, starter, portal, store, manager, notifier, log: (m) => void logged.push(m) });
  const servers: DeploymentServers = { checks, actions, profileOf: (d) => findDeploymentProfile(d, store) };
  return { secrets, store, reader, checks, starter, started, disconnected, opened, logged, notifier, actions, servers };
}
