import * as l10n from '../../machines/l10n';
import type { AzureSignIn } from '../services/flexDeployment/trackerDependencies';
import type { FlexProvisioningCredentialProvider } from './azureCredentialProvider';

export interface Disposable {
  dispose(): void;
}

/** An account the user can sign in to: VS Code's Microsoft account, or the sandbox's. */
export interface AccountSignIn {
  /** Shows the sign-in flow; true when the user ends up signed in. */
  signIn(): Promise<boolean>;
  /** Sign-ins made elsewhere (the Accounts menu, another extension). */
  onDidSignIn(listener: () => void): Disposable;
}

/** Shows a notification with one action; resolves with the action if chosen. */
export type AskUser = (message: string, action: string) => PromiseLike<string | undefined>;

export const SIGN_IN_MESSAGE = l10n.t('Sign in to Azure to keep tracking your PostgreSQL server deployments.');
export const SIGN_IN_ACTION = l10n.t('Sign In');

/**
 * The tracker's AzureSignIn port. Every sign-in — through this prompt or anywhere else — drops the
 * cached tokens first, so the next poll uses the new session, and then tells the listeners.
 */
export class AzureSignInPrompt implements AzureSignIn, Disposable {
  private readonly listeners = new Set<() => void>();
  private readonly subscription: Disposable;
  private showing: Promise<void> | undefined;

  constructor(
    private readonly account: AccountSignIn,
    private readonly credentials: FlexProvisioningCredentialProvider,
    private readonly ask: AskUser,
  ) {
    this.subscription = account.onDidSignIn(() => this.signedIn());
  }

  /** Concurrent calls share one notification. */
  promptSignIn(): Promise<void> {
    this.showing ??= this.prompt().finally(() => (this.showing = undefined));
    return this.showing;
  }

  onDidSignIn(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
  }

  private async prompt(): Promise<void> {
    const choice = await this.ask(SIGN_IN_MESSAGE, SIGN_IN_ACTION);
    // The account's own sign-in event is suppressed during its signIn(), so announce it here.
    if (choice === SIGN_IN_ACTION && (await this.account.signIn())) this.signedIn();
  }

  private signedIn(): void {
    this.credentials.invalidate();
    for (const listener of [...this.listeners]) listener();
  }
}
