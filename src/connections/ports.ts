/**
 * The VS Code surfaces the connection feature uses, kept small so unit tests run in plain Node
 * with in-memory fakes; vscodeAdapters.ts implements them on the real API.
 */

export interface DisposableLike {
  dispose(): void;
}

/**
 * The `pgsql.connections` user setting, read raw: entries are validated by the store. Profiles are
 * saved from any window, and another window's writes may never reach this window's view (measured
 * in code-server: not within 60 s), so a change is based on the settings file as it is now.
 */
export interface ProfileSettings {
  /** This window's view: what the tree shows. Its own writes show at once, other windows' may not. */
  read(): unknown;
  /** The setting as the user settings file holds it now. */
  readFile(): Promise<SettingsFileReading>;
  write(entries: readonly unknown[]): PromiseLike<void>;
  /** Fires when the setting changes, including edits the user makes in settings.json. */
  onDidChange(listener: () => void): DisposableLike;
}

export type SettingsFileReading =
  /** `value` is undefined when the file does not set it. */
  | { kind: 'read'; value: unknown }
  /** No file where VS Code keeps the user settings (none yet, or a layout this code does not know). */
  | { kind: 'notFound' }
  /** The file is there but is not settings JSON: VS Code refuses to write it too, until it is fixed. */
  | { kind: 'unreadable'; reason: string };

/** An Azure access token for a tenant; the composition root wires the Azure helper's provider. */
export interface TokenSource {
  getToken(tenantId: string, scopes: readonly string[]): Promise<string>;
}

/** Where PostgreSQL for a server name really listens, and whether TLS is spoken there. */
export interface ServerEndpoint {
  host: string;
  port: number;
  /**
   * Azure requires TLS and the certificate must match the server name. Only the local sandbox's
   * loopback PostgreSQL speaks plain TCP; the profile keeps the real name either way.
   */
  tls: boolean;
  /** The database an empty profile database means here; Azure's is "postgres". */
  defaultDatabase?: string;
}

export interface ServerAddressResolver {
  resolve(server: string): Promise<ServerEndpoint>;
}

/** Asks the user for a password that is not saved (SqlLogin profiles with savePassword false). */
export interface PasswordPrompt {
  askPassword(profileName: string, user: string): PromiseLike<string | undefined>;
}
