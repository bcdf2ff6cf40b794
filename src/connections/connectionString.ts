import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { DEFAULT_DATABASE, loginUser } from './connectionProfile';
import { profileFromDeployment } from './profileFromDeployment';

/** Azure Database for PostgreSQL listens on PostgreSQL's own port only. */
export const POSTGRES_PORT = 5432;

/**
 * The libpq keyword/value connection string of a deployment's server, for psql and every libpq
 * client: the same host, database and user its saved profile connects with, TLS required as
 * Azure does. Never a password: whoever pastes it is asked for one, or passes an Entra token.
 */
export function deploymentConnectionString(deployment: Readonly<DeploymentContext>): string {
  const profile = profileFromDeployment(deployment);
  const pairs: [string, string | number][] = [
    ['host', profile.server],
    ['port', POSTGRES_PORT],
    ['dbname', profile.database || DEFAULT_DATABASE],
    ['user', loginUser(profile)],
    ['sslmode', 'require'],
  ];
  return pairs.map(([key, value]) => `${key}=${quoted(String(value))}`).join(' ');
}

/** libpq's quoting: an empty value, or one with a space, quote or backslash, goes in single quotes with those escaped. */
function quoted(value: string): string {
  if (value !== '' && !/[\s'\\]/.test(value)) return value;
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
