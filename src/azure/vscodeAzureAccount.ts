import { getSessionFromVSCode, VSCodeAzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import type * as vscode from 'vscode';
import type { SubscriptionChoice } from '../../machines/flexDeployment/catalog';
import type { AzureSession, AzureSessionSource } from './azureCredentialProvider';
import type { AccountSignIn, Disposable } from './azureSignIn';
import type { SubscriptionSource } from './subscriptionSource';
import { tokenExpiry } from './tokenClaims';

/** When a session's token is not a JWT with `exp`, ask VS Code again after this long. */
const UNKNOWN_EXPIRY_MS = 10 * 60 * 1000;

/**
 * The user's Microsoft account in VS Code, through vscode-azext-azureauth. Sessions are asked for
 * silently each time a token is needed (VS Code refreshes them), never taken from a listed
 * subscription, whose 5.x credential replays the token captured at listing time.
 */
export class VSCodeAzureAccount implements AzureSessionSource, AccountSignIn, SubscriptionSource, Disposable {
  private readonly provider: VSCodeAzureSubscriptionProvider;

  constructor(log?: vscode.LogOutputChannel) {
    this.provider = new VSCodeAzureSubscriptionProvider(log);
  }

  async getSession(tenantId: string, scopes: readonly string[]): Promise<AzureSession | undefined> {
    const session = await getSessionFromVSCode([...scopes], tenantId, { silent: true });
    if (!session) return undefined;
    return { accessToken: session.accessToken, expiresOnTimestamp: tokenExpiry(session.accessToken) ?? Date.now() + UNKNOWN_EXPIRY_MS };
  }

  signIn(): Promise<boolean> {
    return this.provider.signIn();
  }

  onDidSignIn(listener: () => void): Disposable {
    return this.provider.onDidSignIn(listener);
  }

  async listSubscriptions(): Promise<SubscriptionChoice[]> {
    const subscriptions = await this.provider.getSubscriptions(true);
    // The same subscription can come from several accounts; one entry each is enough to pick.
    const unique = new Map(subscriptions.map((s) => [`${s.tenantId}/${s.subscriptionId}`, { subscriptionId: s.subscriptionId, tenantId: s.tenantId, displayName: s.name }]));
    return [...unique.values()];
  }

  dispose(): void {
    this.provider.dispose();
  }
}
