import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { SignedOutError } from './signedOutError';

/**
 * FlexProvisioningCredentialProvider (spec §3, "Technical Design"): the one place that turns the
 * user's Azure session into tokens. A tracked deployment lives up to two hours, longer than any
 * token, and vscode-azext-azureauth 5.x hands out credentials that replay the token captured when
 * subscriptions were listed. So every token here comes from a session asked for silently when it
 * is needed, and is cached only until shortly before it expires.
 */

/** A session as a source hands it out: an access token and when it stops working. */
export interface AzureSession {
  accessToken: string;
  expiresOnTimestamp: number;
}

/** Where sessions come from: VS Code's Microsoft account (production) or the local sandbox. */
export interface AzureSessionSource {
  /** A session for the tenant and scopes without showing any UI; undefined when there is none. */
  getSession(tenantId: string, scopes: readonly string[]): Promise<AzureSession | undefined>;
}

/**
 * Renew this long before expiry. More than the SDK token cycler's 2-minute refresh window, so a
 * refresh it asks for gets a new token rather than the same nearly expired one.
 */
export const TOKEN_RENEWAL_MARGIN_MS = 5 * 60 * 1000;

export class FlexProvisioningCredentialProvider {
  private readonly tokens = new Map<string, Promise<AccessToken>>();
  private readonly credentials = new Map<string, TokenCredential>();
  private currentGeneration = 0;

  constructor(
    private readonly source: AzureSessionSource,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Bumped whenever cached tokens are dropped. SDK clients cache tokens in their own pipeline, so
   * whoever caches clients builds new ones when this changes.
   */
  get generation(): number {
    return this.currentGeneration;
  }

  /** A TokenCredential for ARM clients of a tenant; every subscription of the tenant shares it. */
  credentialFor(tenantId: string): TokenCredential {
    let credential = this.credentials.get(tenantId);
    if (!credential) {
      credential = {
        getToken: (scopes: string | string[], _options?: GetTokenOptions) => this.getToken(tenantId, typeof scopes === 'string' ? [scopes] : scopes),
      };
      this.credentials.set(tenantId, credential);
    }
    return credential;
  }

  /**
   * A token for the tenant and scopes (ARM, or `https://ossrdbms-aad.database.windows.net/.default`
   * for Entra database logins). Throws SignedOutError when there is no session.
   */
  async getToken(tenantId: string, scopes: readonly string[]): Promise<AccessToken> {
    const key = `${tenantId} ${[...scopes].sort().join(' ')}`;
    const cached = this.tokens.get(key);
    if (cached) {
      const token = await cached.catch(() => undefined);
      if (token && token.expiresOnTimestamp - TOKEN_RENEWAL_MARGIN_MS > this.now()) return token;
      if (this.tokens.get(key) === cached) this.tokens.delete(key);
    }
    // Concurrent callers (several clients in one poll cycle) share one session request.
    const pending = this.tokens.get(key) ?? this.fetch(tenantId, scopes);
    this.tokens.set(key, pending);
    try {
      return await pending;
    } catch (error) {
      if (this.tokens.get(key) === pending) this.tokens.delete(key);
      throw error;
    }
  }

  /** Drop cached tokens (all, or one tenant's): after sign-in, or when ARM rejected a token. */
  invalidate(tenantId?: string): void {
    for (const key of [...this.tokens.keys()]) {
      if (tenantId === undefined || key.startsWith(`${tenantId} `)) this.tokens.delete(key);
    }
    this.currentGeneration++;
  }

  private async fetch(tenantId: string, scopes: readonly string[]): Promise<AccessToken> {
    const session = await this.source.getSession(tenantId, scopes);
    if (!session) throw new SignedOutError(tenantId);
    return { token: session.accessToken, expiresOnTimestamp: session.expiresOnTimestamp };
  }
}
