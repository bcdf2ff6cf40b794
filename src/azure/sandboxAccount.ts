import { randomUUID } from 'node:crypto';
import type { EntraAdministrator } from '../../machines/flexDeployment/retryableRequest';
import type { AccountSignIn, Disposable } from './azureSignIn';
import type { AzureSession, AzureSessionSource } from './azureCredentialProvider';

/**
 * The account in sandbox mode. It hands out tokens shaped like Entra's (an unsigned JWT with oid,
 * upn, tid and exp) so the code that reads the signed-in user works unchanged; the sandbox accepts
 * any bearer token it has not been told to revoke. Sign-out and sign-in are in the test's hands.
 */
export const SANDBOX_PRINCIPAL: EntraAdministrator = {
  objectId: '3f9b2c1d-6e5a-4b7c-8d9e-0a1b2c3d4e5f',
  principalName: 'sandbox.admin@contoso.onmicrosoft.com',
  principalType: 'User',
};

export const SANDBOX_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export class SandboxAccount implements AzureSessionSource, AccountSignIn {
  private signedIn = true;
  private readonly listeners = new Set<() => void>();
  /** Every token handed out, newest last: tests revoke them in the sandbox. */
  readonly issuedTokens: string[] = [];

  constructor(
    private readonly tokenLifetimeMs: number = SANDBOX_TOKEN_LIFETIME_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async getSession(tenantId: string, scopes: readonly string[]): Promise<AzureSession | undefined> {
    if (!this.signedIn) return undefined;
    const expiresOnTimestamp = this.now() + this.tokenLifetimeMs;
    const claims = {
      aud: scopes[0]?.replace(/\/\.default$/, '') ?? '',
      tid: tenantId,
      oid: SANDBOX_PRINCIPAL.objectId,
      upn: SANDBOX_PRINCIPAL.principalName,
      exp: Math.floor(expiresOnTimestamp / 1000),
      jti: randomUUID(),
    };
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const accessToken = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.sandbox`;
    this.issuedTokens.push(accessToken);
    return { accessToken, expiresOnTimestamp };
  }

  async signIn(): Promise<boolean> {
    this.signedIn = true;
    return true;
  }

  /** As if the user signed out of the account: no session until signIn(). */
  signOut(): void {
    this.signedIn = false;
  }

  /** As if the user signed in elsewhere (the Accounts menu). */
  signInElsewhere(): void {
    this.signedIn = true;
    for (const listener of [...this.listeners]) listener();
  }

  onDidSignIn(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
