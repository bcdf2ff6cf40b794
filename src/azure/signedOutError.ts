/** No usable Azure session for a tenant: the user has to sign in (again). */
export class SignedOutError extends Error {
  constructor(readonly tenantId: string) {
    super(`Not signed in to Azure for tenant ${tenantId}. Sign in to continue.`);
    this.name = 'SignedOutError';
  }
}

/** By name as well as by class: the error may cross bundle or realm boundaries (SDK pipelines). */
export function isSignedOutError(error: unknown): error is SignedOutError {
  return error instanceof SignedOutError || (error instanceof Error && error.name === 'SignedOutError');
}
