import * as l10n from '../../machines/l10n';
/** No usable Azure session for a tenant: the user has to sign in (again). */
export class SignedOutError extends Error {
  constructor(readonly tenantId: string) {
    super(l10n.t('Not signed in to Azure for tenant {0}. Sign in to continue.', tenantId));
    this.name = 'SignedOutError';
  }
}

/** By name as well as by class: the error may cross bundle or realm boundaries (SDK pipelines). */
export function isSignedOutError(error: unknown): error is SignedOutError {
  return error instanceof SignedOutError || (error instanceof Error && error.name === 'SignedOutError');
}
