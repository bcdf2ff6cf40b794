import { randomUUID } from 'node:crypto';
import { BehaviorSubject, type Observable } from 'rxjs';
import type { SecretStore } from '../services/flexDeployment/ports';
import {
  connectionProfileSchema,
  isSameServer,
  passwordSecretKey,
  usesPassword,
  type ConnectionProfile,
  type ConnectionProfileInput,
} from './connectionProfile';
import type { DisposableLike, ProfileSettings } from './ports';

/**
 * Saved connections: profiles in the `pgsql.connections` setting, passwords in SecretStorage.
 * Saving never duplicates a server: a known id, or else a known server + user + database, is
 * updated in place. Entries the store cannot read (hand-edited settings) are kept untouched.
 */
export class ConnectionStore implements DisposableLike {
  private readonly profilesSubject = new BehaviorSubject<readonly ConnectionProfile[]>([]);
  private readonly settingsListener: DisposableLike;
  /** Saves are read-modify-write of one setting: run them one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  readonly profiles$: Observable<readonly ConnectionProfile[]> = this.profilesSubject.asObservable();

  constructor(
    private readonly settings: ProfileSettings,
    private readonly secrets: SecretStore,
  ) {
    this.reload();
    this.settingsListener = settings.onDidChange(() => this.reload());
  }

  getProfiles(): readonly ConnectionProfile[] {
    return this.profilesSubject.value;
  }

  getProfile(id: string): ConnectionProfile | undefined {
    return this.getProfiles().find((p) => p.id === id);
  }

  /** The profile saved for this id, or else the one for the same server, user and database. */
  findProfile(candidate: Pick<ConnectionProfileInput, 'id' | 'server' | 'user' | 'database'>): ConnectionProfile | undefined {
    const profiles = this.getProfiles();
    return (candidate.id ? profiles.find((p) => p.id === candidate.id) : undefined) ?? profiles.find((p) => isSameServer(p, candidate));
  }

  /** Entries of the setting that are not valid profiles, for a clear message rather than a crash. */
  invalidEntryCount(): number {
    return this.readEntries().filter((e) => !connectionProfileSchema.safeParse(e).success).length;
  }

  /** Inserts or updates; returns the profile as saved (its id may be a known profile's). */
  saveProfile(input: ConnectionProfileInput): Promise<ConnectionProfile> {
    return this.serialize(async () => {
      const entries = this.readEntries();
      const known = this.findIn(entries, input);
      const profile = connectionProfileSchema.parse({ ...known, ...definedFields(input), id: known?.id ?? input.id ?? randomUUID() });
      const index = known ? entries.findIndex((e) => idOf(e) === known.id) : -1;
      const next = index >= 0 ? entries.map((e, i) => (i === index ? profile : e)) : [...entries, profile];
      await this.settings.write(next);
      this.reload();
      if (!usesPassword(profile)) {
        // An Entra profile has no password; one left from an earlier SqlLogin save must go.
        await this.secrets.delete(passwordSecretKey(profile.id));
      }
      return profile;
    });
  }

  /** Stores the password only for a SqlLogin profile that asks to save it; true when stored. */
  async saveProfilePasswordIfNeeded(profile: ConnectionProfile, password: string | undefined): Promise<boolean> {
    if (!usesPassword(profile) || !profile.savePassword || !password) {
      return false;
    }
    await this.secrets.store(passwordSecretKey(profile.id), password);
    return true;
  }

  async getSavedPassword(profile: ConnectionProfile): Promise<string | undefined> {
    return usesPassword(profile) ? await this.secrets.get(passwordSecretKey(profile.id)) : undefined;
  }

  removeProfile(id: string): Promise<void> {
    return this.serialize(async () => {
      await this.settings.write(this.readEntries().filter((e) => idOf(e) !== id));
      await this.secrets.delete(passwordSecretKey(id));
      this.reload();
    });
  }

  dispose(): void {
    this.settingsListener.dispose();
    this.profilesSubject.complete();
  }

  private findIn(entries: readonly unknown[], input: ConnectionProfileInput): ConnectionProfile | undefined {
    const profiles = validProfiles(entries);
    return (input.id ? profiles.find((p) => p.id === input.id) : undefined) ?? profiles.find((p) => isSameServer(p, input));
  }

  private readEntries(): unknown[] {
    const raw = this.settings.read();
    return Array.isArray(raw) ? [...raw] : [];
  }

  private reload(): void {
    this.profilesSubject.next(validProfiles(this.readEntries()));
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
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
  return typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
}
