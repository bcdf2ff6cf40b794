import type { VSCodeAzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import type { SubscriptionChoice } from '../../machines/flexDeployment/catalog';
import type { AzureSession, AzureSessionSource } from './azureCredentialProvider';
import type { AccountSignIn, Disposable } from './azureSignIn';
import { loadSdk } from './loadSdk';
import type { SubscriptionSource } from './subscriptionSource';
import { tokenExpiry } from './tokenClaims';

/** When a session's token is not a JWT with `exp`, ask VS Code again after this long. */
const UNKNOWN_EXPIRY_MS = 10 * 60 * 1000;
/** VS Code's authentication providers for Microsoft accounts (public and sovereign clouds). */
const MICROSOFT_AUTH_PROVIDERS = new Set(['microsoft', 'microsoft-sovereign-cloud']);

/**
 * The user's Microsoft account in VS Code, through vscode-azext-azureauth. Sessions are asked for
 * silently each time a token is needed (VS Code refreshes them), never taken from a listed
 * subscription, whose 5.x credential replays the token captured at listing time. The package (and
 * the Azure SDK under it) is loaded when first needed: watching for a sign-in needs only VS Code.
 */
export class VSCodeAzureAccount implements AzureSessionSource, AccountSignIn, SubscriptionSource, Disposable {
  private provider: Promise<VSCodeAzureSubscriptionProvider> | undefined;
  private readonly signInListeners = new Set<() => void>();
  private readonly sessionsChanged: vscode.Disposable;

  constructor(private readonly log?: vscode.LogOutputChannel) {
    this.sessionsChanged = vscode.authentication.onDidChangeSessions((event) => {
      if (!MICROSOFT_AUTH_PROVIDERS.has(event.provider.id) || this.signInListeners.size === 0) return;
      this.subscriptionProvider()
        .then((provider) => provider.isSignedIn())
        .then((signedIn) => {
          if (signedIn) for (const listener of this.signInListeners) listener();
        })
        .catch((error: unknown) => this.log?.warn(`Checking the Azure sign-in failed: ${String(error)}`));
    });
  }

  async getSession(tenantId: string, scopes: readonly string[]): Promise<AzureSession | undefined> {
    const { getSessionFromVSCode } = await (await loadSdk()).loadAzureAuth();
    const session = await getSessionFromVSCode([...scopes], tenantId, { silent: true });
    if (!session) return undefined;
    return { accessToken: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + UNKNOWN_EXPIRY_MS };
  }

  async signIn(): Promise<boolean> {
    return (await this.subscriptionProvider()).signIn();
  }

  onDidSignIn(listener: () => void): Disposable {
    this.signInListeners.add(listener);
    return { dispose: () => void this.signInListeners.delete(listener) };
  }

  async listSubscriptions(): Promise<SubscriptionChoice[]> {
    const subscriptions = await (await this.subscriptionProvider()).getSubscriptions(true);
    // The same subscription can come from several accounts; one entry each is enough to pick.
    const unique = new Map(subscriptions.map((s) => [`${s.tenantId}/${s.subscriptionId}`, { subscriptionId: s.subscriptionId, tenantId: s.tenantId, displayName: s.name }]));
    return [...unique.values()];
  }

  dispose(): void {
    this.sessionsChanged.dispose();
    this.provider?.then((provider) => provider.dispose()).catch(() => undefined);
  }

  private subscriptionProvider(): Promise<VSCodeAzureSubscriptionProvider> {
    this.provider ??= loadSdk()
      .then((sdk) => sdk.loadAzureAuth())
      .then(({ VSCodeAzureSubscriptionProvider }) => new VSCodeAzureSubscriptionProvider(this.log));
    return this.provider;
  }
}
