import * as l10n from '../../machines/l10n';
import { combineLatest, map, type Observable } from 'rxjs';
import type { ConnectionStore } from './connectionStore';
import type { ConnectionManager } from './connectionManager';
import { ConnectionFailure } from './connectionFailure';
import { loginUser } from './connectionProfile';
import { errorMessage } from '../../machines/errorMessage';
import { CONNECTION_COMMANDS } from '../commandIds';

export interface ServerItem {
  profileId: string;
  label: string;
  description: string;
  tooltip: string;
  connected: boolean;
}

export type ServerChildItem =
  | { kind: 'database'; profileId: string; name: string; sizeBytes?: number }
  /** In place of databases: why there are none to show, and what to do (a command to run). */
  | { kind: 'message'; profileId: string; text: string; tooltip?: string; command?: string };

/** The Connections view's data: saved servers, and each connected server's databases. */
export class ConnectionsTreeModel {
  readonly servers$: Observable<ServerItem[]>;

  constructor(
    store: ConnectionStore,
    private readonly manager: Pick<ConnectionManager, 'connected$' | 'isConnected' | 'listDatabases' | 'lastFailure'>,
  ) {
    this.servers$ = combineLatest([store.profiles$, manager.connected$]).pipe(
      map(([profiles, connected]) =>
        [...profiles]
          .sort((a, b) => a.profileName.localeCompare(b.profileName))
          .map((p) => ({
            profileId: p.id,
            label: p.profileName || p.server,
            description: `${loginUser(p)}@${p.server}`,
            tooltip: [
              p.server,
              l10n.t('User: {0}', loginUser(p)),
              p.authenticationType === 'AzureMFA' ? l10n.t('Authentication: Microsoft Entra') : l10n.t('Authentication: PostgreSQL password'),
              ...(p.azureResourceGroup ? [l10n.t('Resource group: {0}', p.azureResourceGroup)] : []),
            ].join('\n'),
            connected: connected.has(p.id),
          })),
      ),
    );
  }

  /** A server's children; never throws (a failure becomes a message row). */
  async children(profileId: string): Promise<ServerChildItem[]> {
    if (!this.manager.isConnected(profileId)) {
      const failure = this.manager.lastFailure(profileId);
      return [{ kind: 'message', profileId, text: failure ? l10n.t('Connection failed — connect again') : l10n.t('Not connected — connect to list databases'), tooltip: failure ? `${failure.reason} ${failure.nextStep}` : undefined, command: CONNECTION_COMMANDS.connect }];
    }
    try {
      const databases = await this.manager.listDatabases(profileId);
      return databases.map((d) => ({ kind: 'database', profileId, name: d.name, sizeBytes: d.sizeBytes }));
    } catch (error) {
      const text = error instanceof ConnectionFailure ? `${error.reason} ${error.nextStep}` : errorMessage(error);
      return [{ kind: 'message', profileId, text: l10n.t('Could not list databases'), tooltip: text }];
    }
  }
}
