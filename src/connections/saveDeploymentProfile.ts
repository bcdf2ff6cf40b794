import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { SecretStore } from '../services/flexDeployment/secretStore';
import type { ConnectionStore } from './connectionStore';
import type { ConnectionProfile } from './connectionProfile';
import { profileFromDeployment } from './profileFromDeployment';

/**
 * Saves a finished deployment's profile and moves the staged password into it. Safe to run again
 * after a crash at any point: the profile is upserted by its stable id (or its known server), the
 * staged secret is deleted only after the profile's own password is stored, and a second run that
 * finds no staged secret keeps the password already saved.
 */
export async function saveDeploymentProfile(deployment: Readonly<DeploymentContext>, store: ConnectionStore, secrets: SecretStore): Promise<ConnectionProfile> {
  const profile = await store.saveProfile(profileFromDeployment(deployment));
  if (deployment.passwordSecretId) {
    const staged = await secrets.get(deployment.passwordSecretId);
    await store.saveProfilePasswordIfNeeded(profile, staged);
    await secrets.delete(deployment.passwordSecretId);
  }
  return profile;
}

/** The profile a deployment saved: its recorded id, or else the one for the same server. */
export function findDeploymentProfile(deployment: Readonly<DeploymentContext>, store: ConnectionStore): ConnectionProfile | undefined {
  return (deployment.profileId ? store.getProfile(deployment.profileId) : undefined) ?? store.findServerProfile(profileFromDeployment(deployment));
}
