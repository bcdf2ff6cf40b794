import * as vscode from 'vscode';
import type { SecretStore } from '../services/flexDeployment/secretStore';
import { createCrossWindowLock } from '../storage/crossWindowLock';
import type { Notifier } from '../notifications/notifier';
import { createVscodeNotifier } from '../notifications/vscodeNotifier';
import { ConnectionStore } from './connectionStore';
import { ConnectionManager } from './connectionManager';
import { connectWithRecovery, type ConnectLog, type ConnectOutcome } from './connectFlow';
import { connectionCommandHandlers } from './connectionCommands';
import { ConnectionsTreeModel } from './connectionsTreeModel';
import { ConnectionsTreeProvider } from './connectionsTreeProvider';
import type { FirewallRuleCreator } from './firewallRules';
import type { ServerAddressResolver, TokenSource } from './ports';
import { vscodePasswordPrompt, vscodeProfileSettings } from './vscodeAdapters';
import { createServerActions, type ServerActionDeps, type ServerActions } from '../reconcile/serverActions';

export const CONNECTIONS_VIEW = 'pgsqlConnections';

export interface ConnectionsDeps {
  tokens: TokenSource;
  /** azureServerAddressResolver, or in sandbox mode createSandboxServerAddressResolver. */
  resolver: ServerAddressResolver;
  firewall: FirewallRuleCreator;
  secrets?: SecretStore;
  notifier?: Notifier;
  /** Connect attempts and their outcomes; why a profile change fell back or was tried again (never a password). */
  log: ConnectLog;
  /** Azure's word on saved servers: a connect that fails asks it whether the server is gone or stopped. */
  azureServers: Omit<ServerActionDeps, 'store' | 'manager' | 'notifier' | 'log'>;
}

export interface ConnectionsRegistration extends vscode.Disposable {
  readonly store: ConnectionStore;
  readonly manager: ConnectionManager;
  /** Connect as the user asked: errors shown with a next step, firewall rule offered. */
  connect: (profileId: string) => Promise<ConnectOutcome>;
  /** Remove, start, open in the portal: what can be done about a server gone or stopped in Azure. */
  readonly servers: ServerActions;
}

/** The connection store, live connections, the Connections view and its commands. */
export function registerConnections(context: vscode.ExtensionContext, deps: ConnectionsDeps): ConnectionsRegistration {
  const notifier = deps.notifier ?? createVscodeNotifier();
  // Every window saves profiles: changes to the setting take a lock all of them share.
  const warn = (message: string) => deps.log.warn(message);
  const lock = createCrossWindowLock(context.globalStorageUri.fsPath, 'pgsql.connections', warn);
  const store = new ConnectionStore(vscodeProfileSettings(context.globalStorageUri), deps.secrets ?? context.secrets, { lock, log: warn });
  const manager = new ConnectionManager(store, { resolver: deps.resolver, tokens: deps.tokens, prompt: vscodePasswordPrompt() });
  const servers = createServerActions({ ...deps.azureServers, store, manager, notifier, log: (message) => deps.log.info(message) });
  const connect = (profileId: string) =>
    connectWithRecovery(profileId, { store, manager, notifier, firewall: deps.firewall, log: deps.log, explainFromAzure: (profile, target) => servers.explainConnectFailure(profile, target) });
  const provider = new ConnectionsTreeProvider(new ConnectionsTreeModel(store, manager));
  const handlers = connectionCommandHandlers({ store, manager, notifier, connect, refresh: () => provider.refresh() });
  const disposables: vscode.Disposable[] = [
    store,
    manager,
    provider,
    vscode.window.createTreeView(CONNECTIONS_VIEW, { treeDataProvider: provider, showCollapseAll: true }),
    ...Object.entries(handlers).map(([command, handler]) => vscode.commands.registerCommand(command, handler)),
  ];
  return {
    store,
    manager,
    connect,
    servers,
    dispose: () => {
      for (const d of disposables.reverse()) d.dispose();
    },
  };
}
