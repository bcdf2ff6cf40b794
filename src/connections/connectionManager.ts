import * as l10n from '../../machines/l10n';
import { BehaviorSubject, type Observable } from 'rxjs';
import type { Client } from 'pg';
import type { ConnectionStore } from './connectionStore';
import { ConnectionFailure } from './connectionFailure';
import { openConnection, type ConnectorDeps } from './postgresConnector';
import { listDatabases, readLiveStats, type DatabaseInfo, type LiveServerStats } from './serverQueries';
import type { DisposableLike } from './ports';

/**
 * Live connections, one per profile. A connection that drops is forgotten; nothing reconnects on
 * its own (spec §9: no automatic retry) — the user connects again.
 */
export class ConnectionManager implements DisposableLike {
  private readonly clients = new Map<string, Client>();
  private readonly connecting = new Map<string, Promise<Client>>();
  /** Profiles whose saved password was refused: the next connect asks for it. */
  private readonly refusedPasswords = new Set<string>();
  private readonly failures = new Map<string, ConnectionFailure>();
  private readonly connectedSubject = new BehaviorSubject<ReadonlySet<string>>(new Set());

  /** The ids of the profiles connected right now. */
  readonly connected$: Observable<ReadonlySet<string>> = this.connectedSubject.asObservable();

  constructor(
    private readonly store: ConnectionStore,
    private readonly connector: Omit<ConnectorDeps, 'getSavedPassword'>,
  ) {}

  isConnected(profileId: string): boolean {
    return this.clients.has(profileId);
  }

  /** Why the last connect of this profile failed, until one succeeds. */
  lastFailure(profileId: string): ConnectionFailure | undefined {
    return this.failures.get(profileId);
  }

  /** Connects (or reuses the live connection); throws a ConnectionFailure. */
  connect(profileId: string): Promise<Client> {
    const live = this.clients.get(profileId);
    if (live) {
      return Promise.resolve(live);
    }
    const pending = this.connecting.get(profileId) ?? this.open(profileId).finally(() => this.connecting.delete(profileId));
    this.connecting.set(profileId, pending);
    return pending;
  }

  async disconnect(profileId: string): Promise<void> {
    const client = this.clients.get(profileId);
    if (client) {
      this.forget(profileId);
      await client.end().catch(() => undefined);
    }
  }

  async listDatabases(profileId: string): Promise<DatabaseInfo[]> {
    return listDatabases(await this.connect(profileId));
  }

  async readLiveStats(profileId: string): Promise<LiveServerStats> {
    return readLiveStats(await this.connect(profileId));
  }

  dispose(): void {
    for (const id of [...this.clients.keys()]) {
      // The window is closing: the server drops a connection that does not end cleanly, and
      // nobody is left to tell.
      this.disconnect(id).catch(() => undefined);
    }
    this.connectedSubject.complete();
  }

  private async open(profileId: string): Promise<Client> {
    const profile = this.store.getProfile(profileId);
    if (!profile) {
      throw new ConnectionFailure('other', l10n.t("There is no saved connection with id '{0}'.", profileId), l10n.t('Choose a connection from the Connections view.'));
    }
    const deps: ConnectorDeps = { ...this.connector, getSavedPassword: (p) => this.store.getSavedPassword(p) };
    let opened;
    try {
      opened = await openConnection(profile, deps, { askPassword: this.refusedPasswords.has(profileId) });
    } catch (error) {
      if (error instanceof ConnectionFailure) {
        this.failures.set(profileId, error);
        if (error.kind === 'authentication') {
          this.refusedPasswords.add(profileId);
        }
      }
      throw error;
    }
    this.failures.delete(profileId);
    this.refusedPasswords.delete(profileId);
    if (opened.typedPassword !== undefined) {
      await this.store.saveProfilePasswordIfNeeded(profile, opened.typedPassword);
    }
    const client = opened.client;
    client.on('error', () => this.forget(profileId));
    client.on('end', () => this.forget(profileId));
    this.clients.set(profileId, client);
    this.connectedSubject.next(new Set(this.clients.keys()));
    return client;
  }

  private forget(profileId: string): void {
    if (this.clients.delete(profileId)) {
      this.connectedSubject.next(new Set(this.clients.keys()));
    }
  }
}
