import { randomUUID } from 'node:crypto';
import { EventEmitter } from './fakeEventEmitter';
import { unsignedToken } from './unsignedToken';

/**
 * VS Code's Microsoft authentication provider, as `vscode.authentication` shows it to an
 * extension: accounts, and for each account the tenants it can get a token for without asking.
 * Only this edge is fake: vscode-azext-azureauth and the extension's own classes above it run as
 * they do in VS Code (the `vscode` module is mocked with `fakeVscodeModule`).
 */

export const MICROSOFT_PROVIDER = 'microsoft';
const TENANT_SCOPE_PREFIX = 'VSCODE_TENANT:';
/** The tenant VS Code signs in to when no tenant is named: the account's home. */
const HOME = 'organizations';

export interface SessionRequest {
  providerId: string;
  scopes: string[];
  options: { silent?: boolean; createIfNone?: boolean; clearSessionPreference?: boolean };
}

interface Account {
  id: string;
  label: string;
  /** Tenants with a usable session. */
  tenants: Set<string>;
}

type SessionChangeListener = (event: { provider: { id: string; label: string } }) => unknown;

export class FakeVscodeAuthentication {
  /** Every getSession call, in order. */
  readonly requests: SessionRequest[] = [];
  /** Every access token handed out, newest last. */
  readonly issuedTokens: string[] = [];
  /** How long the tokens handed out from now on live. */
  tokenLifetimeMs = 60 * 60 * 1000;
  /** What the user does when VS Code shows its sign-in (createIfNone): sign in to these tenants, or cancel. */
  interactiveSignIn: { tenants: string[] } | 'cancel' = 'cancel';
  private readonly accounts: Account[] = [];
  private readonly listeners = new Set<SessionChangeListener>();

  /** The state of a fresh profile: nobody signed in. */
  reset(): void {
    this.requests.length = 0;
    this.issuedTokens.length = 0;
    this.tokenLifetimeMs = 60 * 60 * 1000;
    this.interactiveSignIn = 'cancel';
    this.accounts.length = 0;
    this.listeners.clear();
  }

  /** As if the user had signed in before (the Accounts menu, another extension), without an event. */
  signedInBefore(label: string, tenants: string[]): void {
    this.accounts.push({ id: randomUUID(), label, tenants: new Set([HOME, ...tenants]) });
  }

  /**
   * As if the user signed in from the Accounts menu: the account appears and VS Code says that
   * sessions changed. Resolves once every listener has returned (or its promise has settled).
   */
  async signInFromAccountsMenu(label: string, tenants: string[], providerId = MICROSOFT_PROVIDER): Promise<void> {
    if (providerId === MICROSOFT_PROVIDER) this.signedInBefore(label, tenants);
    await Promise.all([...this.listeners].map((listener) => listener({ provider: { id: providerId, label: providerId } })));
  }

  /** VS Code can no longer renew the account's sessions (refresh token expired or revoked). */
  sessionsExpire(): void {
    for (const account of this.accounts) account.tenants.clear();
  }

  readonly api = {
    getSession: async (providerId: string, scopes: readonly string[], options: SessionRequest['options'] = {}) => {
      this.requests.push({ providerId, scopes: [...scopes], options: { ...options } });
      if (providerId !== MICROSOFT_PROVIDER) return undefined;
      const tenant = scopes.find((s) => s.startsWith(TENANT_SCOPE_PREFIX))?.slice(TENANT_SCOPE_PREFIX.length) ?? HOME;
      let account = this.accounts.find((a) => a.tenants.has(tenant));
      if (!account && options.createIfNone) account = this.signInInteractively(tenant);
      return account ? this.session(account, tenant, scopes) : undefined;
    },
    getAccounts: async (providerId: string) => (providerId === MICROSOFT_PROVIDER ? this.accounts.map(({ id, label }) => ({ id, label })) : []),
    onDidChangeSessions: (listener: SessionChangeListener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    },
  };

  private signInInteractively(tenant: string): Account | undefined {
    // VS Code rejects getSession when the user cancels the sign-in it shows.
    if (this.interactiveSignIn === 'cancel') throw new Error('User did not consent to login.');
    const account: Account = { id: randomUUID(), label: 'ada@contoso.com', tenants: new Set([HOME, ...this.interactiveSignIn.tenants]) };
    this.accounts.push(account);
    return account.tenants.has(tenant) ? account : undefined;
  }

  private session(account: Account, tenant: string, scopes: readonly string[]) {
    const exp = Math.floor((Date.now() + this.tokenLifetimeMs) / 1000);
    const claims = { aud: scopes[0]?.replace(/\/\.default$/, ''), tid: tenant, oid: account.id, upn: account.label, exp, jti: randomUUID() };
    const accessToken = unsignedToken(claims, 'vscode');
    this.issuedTokens.push(accessToken);
    return { id: randomUUID(), accessToken, account: { id: account.id, label: account.label }, scopes: [...scopes] };
  }
}

export const vscodeAuthentication = new FakeVscodeAuthentication();

/**
 * The `vscode` module as far as vscode-azext-azureauth reaches into it for a public-cloud account:
 * authentication, events, its sovereign-cloud settings (unset) and message localisation.
 */
export const fakeVscodeModule = {
  authentication: vscodeAuthentication.api,
  EventEmitter,
  workspace: { getConfiguration: () => ({ get: <T>(_key: string, fallback?: T) => fallback }) },
  l10n: { t: (message: string) => message },
};
