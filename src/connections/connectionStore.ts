import * as l10n from '../../machines/l10n';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { BehaviorSubject, Subject, defer, type Observable } from 'rxjs';
import type { SecretStore } from '../services/flexDeployment/secretStore';
import { createWindowLock, type CrossWindowLock } from '../storage/crossWindowLock';
import {
  connectionProfileSchema,
  isSameServer,
  passwordSecretKey,
  usesPassword,
  type ConnectionProfile,
  type ConnectionProfileInput,
} from './connectionProfile';
import type { DisposableLike, ProfileSettings } from './ports';
import { ConnectionsSettingError, SharedConnectionsSetting, type EntriesEdit } from './sharedConnectionsSetting';

export interface ConnectionStoreOptions {
  /** Taken by every window that writes the setting; without one, only this window's writes queue. */
  lock?: CrossWindowLock;
  log?: (message: string) => void;
}

/**
 * Saved connections: profiles in the `pgsql.connections` setting, passwords in SecretStorage.
 * Saving never duplicates a server: a known id, or else a known server + user + database, is
 * updated in place. Entries the store cannot read (hand-edited settings) are kept untouched, and
 * so are fields of an entry that this extension does not know. Every change merges with what
 * other windows wrote (see SharedConnectionsSetting) and resolves once it is really saved.
 */
export class ConnectionStore implements DisposableLike {
  /** Undefined until the profiles are first asked for (profiles()). */
  private profilesSubject: BehaviorSubject<readonly ConnectionProfile[]> | undefined;
  private readonly settingsListener: DisposableLike;
  private readonly shared: SharedConnectionsSetting;

  private readonly removedSubject = new Subject<string>();

  readonly profiles$: Observable<readonly ConnectionProfile[]> = defer(() => this.profiles().asObservable());
  /** Ids of profiles the user removed here: whoever saved them should not bring them back. */
  readonly removed$: Observable<string> = this.removedSubject.asObservable();

  constructor(
    private readonly settings: ProfileSettings,
    private readonly secrets: SecretStore,
    options: ConnectionStoreOptions = {},
  ) {
    this.shared = new SharedConnectionsSetting(settings, options.lock ?? createWindowLock(), options.log ?? (() => undefined));
    this.settingsListener = settings.onDidChange(() => this.reload());
  }

  getProfiles(): readonly ConnectionProfile[] {
    return this.profiles().value;
  }

  getProfile(id: string): ConnectionProfile | undefined {
    return this.getProfiles().find((p) => p.id === id);
  }

  /** The profile saved for the same server, user and database. */
  findServerProfile(candidate: Pick<ConnectionProfileInput, 'server' | 'user' | 'database'>): ConnectionProfile | undefined {
    return this.getProfiles().find((p) => isSameServer(p, candidate));
  }

  /** Inserts or updates; returns the profile as saved (its id may be a known profile's). */
  async saveProfile(input: ConnectionProfileInput): Promise<ConnectionProfile> {
    const { result: profile, entries } = await this.shared.change((current) => upsert(current, input));
    this.adopt(entries);
    if (!usesPassword(profile)) {
      // An Entra profile has no password; one left from an earlier SqlLogin save must go.
      await this.secrets.delete(passwordSecretKey(profile.id));
    }
    return profile;
  }

  /**
   * The ids the setting holds now, read afresh rather than from this window's view (which may not
   * show other windows' saves). A hand-broken entry's id counts: saving over it is for the user.
   */
  async savedProfileIds(): Promise<ReadonlySet<string>> {
    const entries = await this.shared.current();
    this.adopt(entries);
    return new Set(entries.map(idOf).filter((id): id is string => typeof id === 'string'));
  }

  /** Stores the password only for a SqlLogin profile that asks to save it. */
  async saveProfilePasswordIfNeeded(profile: ConnectionProfile, password: string | undefined): Promise<void> {
    if (usesPassword(profile) && profile.savePassword && password) {
      await this.secrets.store(passwordSecretKey(profile.id), password);
    }
  }

  async getSavedPassword(profile: ConnectionProfile): Promise<string | undefined> {
    return usesPassword(profile) ? await this.secrets.get(passwordSecretKey(profile.id)) : undefined;
  }

  async removeProfile(id: string): Promise<void> {
    const { entries } = await this.shared.change((current) => ({
      next: current.filter((e) => idOf(e) !== id),
      result: undefined,
      isIn: (read) => !read.some((e) => idOf(e) === id),
    }));
    this.adopt(entries);
    await this.secrets.delete(passwordSecretKey(id));
    this.removedSubject.next(id);
  }

  dispose(): void {
    this.settingsListener.dispose();
    this.profilesSubject?.complete();
    this.removedSubject.complete();
  }

  private readProfiles(): ConnectionProfile[] {
    const raw = this.settings.read();
    return Array.isArray(raw) ? validProfiles(raw) : [];
  }

  /**
   * The saved profiles, read and validated when first asked for rather than when the store is
   * made: a window that shows no connection pays nothing at activation for many saved ones.
   */
  private profiles(): BehaviorSubject<readonly ConnectionProfile[]> {
    return this.profilesSubject ?? this.publish(this.readProfiles());
  }

  /** The setting changed: read again, unless nothing has been read yet. */
  private reload(): void {
    if (this.profilesSubject) this.publish(this.readProfiles());
  }

  /** Entries read afresh may show other windows' saves, which this window's view may never get. */
  private adopt(entries: readonly unknown[]): void {
    this.publish(validProfiles(entries));
  }

  private publish(profiles: readonly ConnectionProfile[]): BehaviorSubject<readonly ConnectionProfile[]> {
    if (this.profilesSubject) this.profilesSubject.next(profiles);
    else this.profilesSubject = new BehaviorSubject(profiles);
    return this.profilesSubject;
  }
}

/**
 * The profile merged over the entry saved for its id (or else its server), unknown fields kept.
 * An entry with that id that is not a valid profile is the user's to fix, not to overwrite.
 */
function upsert(entries: readonly unknown[], input: ConnectionProfileInput): EntriesEdit<ConnectionProfile> {
  const byId = input.id ? entries.findIndex((e) => idOf(e) === input.id) : -1;
  if (byId >= 0 && !connectionProfileSchema.safeParse(entries[byId]).success) {
    // byId is found only for an input that has an id.
    throw new ConnectionsSettingError(l10n.t("The saved connection '{0}' in pgsql.connections is not a valid profile, so it was not overwritten. Fix or remove it in settings.json.", String(input.id)));
  }
  const index = byId >= 0 ? byId : entries.findIndex((e) => {
    const parsed = connectionProfileSchema.safeParse(e);
    return parsed.success && isSameServer(parsed.data, input);
  });
  const known = entries[index] as Record<string, unknown> | undefined;
  const entry = { ...known, ...definedFields(input), id: (known?.id as string | undefined) ?? input.id ?? randomUUID() };
  const profile = connectionProfileSchema.parse(entry);
  return {
    next: index >= 0 ? entries.map((e, i) => (i === index ? entry : e)) : [...entries, entry],
    result: profile,
    isIn: (read) => read.some((e) => isDeepStrictEqual(connectionProfileSchema.safeParse(e).data, profile)),
  };
}

function validProfiles(entries: readonly unknown[]): ConnectionProfile[] {
  return entries.flatMap((e) => {
    const parsed = connectionProfileSchema.safeParse(e);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A field the caller left undefined keeps the saved value rather than erasing it. */
function definedFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function idOf(entry: unknown): unknown {
  return (entry as { id?: unknown } | null | undefined)?.id;
}
