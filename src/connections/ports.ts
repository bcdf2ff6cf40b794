/**
 * The VS Code surfaces the connection feature uses, kept small so unit tests run in plain Node
 * with in-memory fakes; vscodeAdapters.ts implements them on the real API.
 */

export interface DisposableLike {
  dispose(): void;
}

/** The `pgsql.connections` user setting, read raw: entries are validated by the store. */
export interface ProfileSettings {
  read(): unknown;
  write(entries: readonly unknown[]): PromiseLike<void>;
  /** Fires when the setting changes, including edits the user makes in settings.json. */
  onDidChange(listener: () => void): DisposableLike;
}

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
