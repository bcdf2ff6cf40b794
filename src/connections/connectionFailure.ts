import * as l10n from '../../machines/l10n';
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
      l10n.t("The server's firewall does not allow connections from {0}.", firewall[1]),
      l10n.t('Add a firewall rule for {0} to the server, then connect again.', firewall[1]),
      firewall[1],
    );
  }
  switch (code) {
    case '28P01':
    case '28000':
      return target.entra
        ? new ConnectionFailure(
            'authentication',
            l10n.t("Microsoft Entra authentication failed for '{0}': {1}.", target.user, message),
            l10n.t("Check that '{0}' is a Microsoft Entra administrator or role of the server, and that you are signed in to Azure as that account.", target.user),
          )
        : new ConnectionFailure('authentication', l10n.t("Password authentication failed for user '{0}'.", target.user), l10n.t('Check the user name and password, then connect again; you will be asked for the password.'));
    case '3D000':
      return new ConnectionFailure('database', `${message}.`, l10n.t('Edit the profile to use an existing database (the default is "postgres").'));
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConnectionFailure('notFound', l10n.t("The server name '{0}' could not be resolved.", target.server), l10n.t('Check that the server exists in Azure and that its name is spelled correctly.'));
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
      return new ConnectionFailure('unreachable', l10n.t("Could not reach '{0}' ({1}).", target.server, code), unreachableNextStep());
  }
  if (/timeout/i.test(message)) {
    return new ConnectionFailure('unreachable', l10n.t("Connecting to '{0}' timed out.", target.server), unreachableNextStep());
  }
  return new ConnectionFailure('other', l10n.t("Could not connect to '{0}': {1}", target.server, message), l10n.t('Check the connection profile and the server state in Azure, then connect again.'));
}

function unreachableNextStep(): string {
  return l10n.t('Check that the server is started in Azure and that your network allows outbound connections on port 5432.');
}
