/** The globalState key of the specification: an array of StagedFlexProfile-shaped records. */
export const STAGED_PROFILES_KEY = 'pgsql.flexProvisioning.stagedProfiles';
/** Records that failed validation, moved aside so the others load. */
export const QUARANTINE_KEY = 'pgsql.flexProvisioning.quarantinedProfiles';
/** SecretStorage key of a deployment's staged password, derived so a sweep can find it without a list. */
export function stagedPasswordKey(stagingId: string): string {
  return `pgsql.flexProvisioning.stagedPassword.${stagingId}`;
}
