import * as z from 'zod';
import { connectionProfileFields } from '../../machines/connections/connectionProfileFields';

/**
 * A saved connection as it lives in the `pgsql.connections` setting. It never holds a password:
 * a SqlLogin profile with `savePassword` keeps its password in SecretStorage under
 * `passwordSecretKey(id)`; a Microsoft Entra profile has none at all.
 */
export const connectionProfileSchema = connectionProfileFields.extend({ id: z.string().min(1), server: z.string().min(1) });

export type ConnectionProfile = z.infer<typeof connectionProfileSchema>;

/** A profile to save; without an id the store reuses a known server's id or makes one. */
export type ConnectionProfileInput = Omit<ConnectionProfile, 'id'> & { id?: string };

/** Azure's default database: a profile with an empty database connects here. */
export const DEFAULT_DATABASE = 'postgres';

export function deploymentProfileId(stagingId: string): string {
  return `flex-${stagingId}`;
}

export function passwordSecretKey(profileId: string): string {
  return `pgsql.connections.password.${profileId}`;
}

/** Same server, user and database: one profile, however the user got there. */
export function isSameServer(a: Pick<ConnectionProfile, 'server' | 'user' | 'database'>, b: Pick<ConnectionProfile, 'server' | 'user' | 'database'>): boolean {
  return (
    a.server.trim().toLowerCase() === b.server.trim().toLowerCase() &&
    a.user === b.user &&
    (a.database || DEFAULT_DATABASE) === (b.database || DEFAULT_DATABASE)
  );
}

export function usesPassword(profile: Pick<ConnectionProfile, 'authenticationType'>): boolean {
  return profile.authenticationType === 'SqlLogin';
}

/** The user name PostgreSQL sees: Entra profiles sign in as the Entra principal. */
export function loginUser(profile: Pick<ConnectionProfile, 'authenticationType' | 'entraUserName' | 'user'>): string {
  return profile.authenticationType === 'AzureMFA' ? (profile.entraUserName ?? profile.user) : profile.user;
}
