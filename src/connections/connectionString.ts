import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { DEFAULT_DATABASE, loginUser, type ConnectionProfile } from './connectionProfile';
import { profileFromDeployment } from './profileFromDeployment';

/** Azure Database for PostgreSQL listens on PostgreSQL's own port only. */
export const POSTGRES_PORT = 5432;

type ProfileAddress = Pick<ConnectionProfile, 'server' | 'database' | 'authenticationType' | 'entraUserName' | 'user'>;

/**
 * What libpq needs to reach a profile's server: the same host, database and user the profile
 * connects with, TLS required as Azure does. Never a password: whoever uses these is asked for
 * one, or passes an Entra token.
 */
function libpqParameters(profile: ProfileAddress): [keyword: string, environmentVariable: string, value: string][] {
  return [
    ['host', 'PGHOST', profile.server],
    ['port', 'PGPORT', String(POSTGRES_PORT)],
    ['dbname', 'PGDATABASE', profile.database || DEFAULT_DATABASE],
    ['user', 'PGUSER', loginUser(profile)],
    ['sslmode', 'PGSSLMODE', 'require'],
  ];
}

/** The libpq keyword/value connection string of a profile's server, for psql and every libpq client. */
export function profileConnectionString(profile: ProfileAddress): string {
  return libpqParameters(profile)
    .map(([keyword, , value]) => `${keyword}=${quoted(value)}`)
    .join(' ');
}

/** The same, for a deployment's server: what its saved profile connects with. */
export function deploymentConnectionString(deployment: Readonly<DeploymentContext>): string {
  return profileConnectionString(profileFromDeployment(deployment));
}

/** The same parameters as libpq's environment variables, for a terminal that runs psql (PGPASSWORD never). */
export function psqlEnvironment(profile: ProfileAddress): Record<string, string> {
  return Object.fromEntries(libpqParameters(profile).map(([, variable, value]) => [variable, value]));
}

/** libpq's quoting: an empty value, or one with a space, quote or backslash, goes in single quotes with those escaped. */
function quoted(value: string): string {
  if (value !== '' && !/[\s'\\]/.test(value)) return value;
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
