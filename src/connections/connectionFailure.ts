/**
 * Why a connection failed, in words a user can act on. The pg driver reports server errors by
 * SQLSTATE and network errors by Node's errno code; both are mapped to a reason and a next step.
 */
export type ConnectionFailureKind = 'firewall' | 'authentication' | 'entraToken' | 'noPassword' | 'notFound' | 'unreachable' | 'database' | 'other';

export class ConnectionFailure extends Error {
  constructor(
    readonly kind: ConnectionFailureKind,
    readonly reason: string,
    readonly nextStep: string,
    /** The address the server saw, read from its firewall error. */
    readonly clientIp?: string,
  ) {
    super(`${reason} ${nextStep}`);
    this.name = 'ConnectionFailure';
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
}

const PG_HBA_HOST = /no pg_hba\.conf entry for host "([0-9a-fA-F.:]+)"/;

export function classifyConnectionError(error: unknown, target: { server: string; user: string; entra: boolean }): ConnectionFailure {
  if (error instanceof ConnectionFailure) {
    return error;
  }
  const { code, message = String(error) } = (typeof error === 'object' && error !== null ? error : {}) as PgLikeError;
  const firewall = PG_HBA_HOST.exec(message);
  if (firewall) {
    return new ConnectionFailure(
      'firewall',
      `The server's firewall does not allow connections from ${firewall[1]}.`,
      `Add a firewall rule for ${firewall[1]} to the server, then connect again.`,
      firewall[1],
    );
  }
  switch (code) {
    case '28P01':
    case '28000':
      return target.entra
        ? new ConnectionFailure('authentication', `Microsoft Entra authentication failed for '${target.user}': ${message}.`, `Check that '${target.user}' is a Microsoft Entra administrator or role of the server, and that you are signed in to Azure as that account.`)
        : new ConnectionFailure('authentication', `Password authentication failed for user '${target.user}'.`, 'Check the user name and password, then connect again; you will be asked for the password.');
    case '3D000':
      return new ConnectionFailure('database', `${message}.`, 'Edit the profile to use an existing database (the default is "postgres").');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConnectionFailure('notFound', `The server name '${target.server}' could not be resolved.`, 'Check that the server exists in Azure and that its name is spelled correctly.');
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
      return new ConnectionFailure('unreachable', `Could not reach '${target.server}' (${code}).`, 'Check that the server is started in Azure and that your network allows outbound connections on port 5432.');
  }
  if (/timeout/i.test(message)) {
    return new ConnectionFailure('unreachable', `Connecting to '${target.server}' timed out.`, 'Check that the server is started in Azure and that your network allows outbound connections on port 5432.');
  }
  return new ConnectionFailure('other', `Could not connect to '${target.server}': ${message}`, 'Check the connection profile and the server state in Azure, then connect again.');
}
