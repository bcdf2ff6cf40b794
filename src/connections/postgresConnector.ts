import * as l10n from '../../machines/l10n';
import { Client, type ClientConfig } from 'pg';
import { DEFAULT_DATABASE, loginUser, usesPassword, type ConnectionProfile } from './connectionProfile';
import { ConnectionFailure, classifyConnectionError } from './connectionFailure';
import type { PasswordPrompt, ServerAddressResolver, TokenSource } from './ports';
import { OSSRDBMS_SCOPE } from '../azure/armEnvironment';
import { errorMessage } from '../../machines/errorMessage';

const CONNECT_TIMEOUT_MS = 15_000;

export interface ConnectorDeps {
  resolver: ServerAddressResolver;
  tokens: TokenSource;
  prompt: PasswordPrompt;
  getSavedPassword(profile: ConnectionProfile): Promise<string | undefined>;
}

export interface OpenOptions {
  /** Ask for the password even if one is saved (after it was refused). */
  askPassword?: boolean;
  /** Connect to this database instead of the profile's. */
  database?: string;
}

export interface OpenedConnection {
  client: Client;
  /** A password the user typed now (not one read from SecretStorage), for the caller to save. */
  typedPassword?: string;
}

/** Opens one authenticated connection; throws a ConnectionFailure with a reason and a next step. */
export async function openConnection(profile: ConnectionProfile, deps: ConnectorDeps, options: OpenOptions = {}): Promise<OpenedConnection> {
  const entra = !usesPassword(profile);
  const user = loginUser(profile);
  const target = { server: profile.server, user, entra };
  const credential = entra ? { password: await entraToken(profile, deps.tokens), typed: false } : await password(profile, deps, options.askPassword === true);
  let endpoint;
  try {
    endpoint = await deps.resolver.resolve(profile.server);
  } catch (error) {
    throw classifyConnectionError(error, target);
  }
  const config: ClientConfig = {
    host: endpoint.host,
    port: endpoint.port,
    user,
    password: credential.password,
    database: options.database ?? (profile.database || endpoint.defaultDatabase || DEFAULT_DATABASE),
    // Verify the certificate against the server's own name even when the host is an address.
    ssl: endpoint.tls ? { rejectUnauthorized: true, servername: profile.server } : false,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'pgflex',
  };
  const client = new Client(config);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw classifyConnectionError(error, target);
  }
  return { client, typedPassword: credential.typed ? credential.password : undefined };
}

async function entraToken(profile: ConnectionProfile, tokens: TokenSource): Promise<string> {
  if (!profile.azureTenantId) {
    throw new ConnectionFailure(
      'entraToken',
      l10n.t("The profile '{0}' uses Microsoft Entra authentication but names no Azure tenant.", profile.profileName),
      l10n.t('Edit the profile to add its Azure tenant id, or use password authentication.'),
    );
  }
  try {
    return await tokens.getToken(profile.azureTenantId, [OSSRDBMS_SCOPE]);
  } catch (error) {
    const message = errorMessage(error);
    throw new ConnectionFailure(
      'entraToken',
      l10n.t('Could not get a Microsoft Entra token for tenant {0}: {1}', profile.azureTenantId, message),
      l10n.t('Sign in to Azure with an account of that tenant, then connect again.'),
    );
  }
}

async function password(profile: ConnectionProfile, deps: ConnectorDeps, ask: boolean): Promise<{ password: string; typed: boolean }> {
  const saved = ask ? undefined : await deps.getSavedPassword(profile);
  if (saved !== undefined) {
    return { password: saved, typed: false };
  }
  const typed = await deps.prompt.askPassword(profile.profileName, profile.user);
  if (typed === undefined) {
    throw new ConnectionFailure('noPassword', l10n.t("No password was given for '{0}' on '{1}'.", profile.user, profile.profileName), l10n.t('Connect again and enter the password.'));
  }
  return { password: typed, typed: true };
}
