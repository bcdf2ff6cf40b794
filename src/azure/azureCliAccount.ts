import { watch } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../../machines/errorMessage';
import { ARM_SCOPE } from './armEnvironment';
import type { AzureSession, AzureSessionSource } from './azureCredentialProvider';
import type { AccountSignIn, Disposable } from './azureSignIn';
import { loadSdk } from './loadSdk';

/** How `az login` is run where the user can see and answer it; resolves once it has ended. */
export type RunAzLogin = () => Promise<void>;

/** Calls back when the CLI's sign-in may have changed; see watchAzureCliProfile. */
export type WatchCliProfile = (onChange: () => void) => Disposable;

/** Tenant ids that mean "the tenant the CLI is signed in to": asked for without `--tenant`. */
const CLI_DEFAULT_TENANT = new Set(['organizations', 'common']);

/**
 * The Azure CLI's sign-in (`az login`), for users signed in there but not in VS Code (setting
 * `pgsql.flexProvisioning.azureAccount: azureCli`). @azure/identity's AzureCliCredential runs
 * `az account get-access-token` for each token; FlexProvisioningCredentialProvider caches them
 * until shortly before they expire, so a poll cycle does not start a process.
 */
export class AzureCliAccount implements AzureSessionSource, AccountSignIn {
  private readonly listeners = new Set<() => void>();
  /** Why the last token was not given (so it is logged once, not every cycle); undefined once one was. */
  private lastProblem: string | undefined;
  private watch: Disposable | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly runLogin: RunAzLogin,
    private readonly watchProfile: WatchCliProfile,
    private readonly log: (message: string) => void,
  ) {}

  async getSession(tenantId: string, scopes: readonly string[]): Promise<AzureSession | undefined> {
    const { AzureCliCredential } = await loadSdk();
    const credential = new AzureCliCredential(CLI_DEFAULT_TENANT.has(tenantId) ? {} : { tenantId });
    try {
      const token = await credential.getToken([...scopes]);
      this.lastProblem = undefined;
      return { accessToken: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
    } catch (error) {
      // Not installed, not signed in, or not in that tenant: no session, as when signed out of VS Code.
      if (!(error instanceof Error) || error.name !== 'CredentialUnavailableError') throw error;
      const problem = errorMessage(error);
      if (problem !== this.lastProblem) this.log(`The Azure CLI gave no token for tenant ${tenantId}: ${problem}`);
      this.lastProblem = problem;
      return undefined;
    }
  }

  /** Runs `az login`, then says whether the CLI now hands out ARM tokens. */
  async signIn(): Promise<boolean> {
    await this.runLogin();
    return (await this.getSession('organizations', [ARM_SCOPE])) !== undefined;
  }

  /**
   * An `az login` the user ran in a terminal of their own: the CLI's profile changes, and if the CLI
   * now gives a token where it gave none, that is a sign-in. The profile is watched only while
   * someone listens.
   */
  onDidSignIn(listener: () => void): Disposable {
    this.listeners.add(listener);
    this.watch ??= this.watchProfile(() => {
      this.checking ??= this.checkSignIn().finally(() => (this.checking = undefined));
    });
    return {
      dispose: () => {
        this.listeners.delete(listener);
        if (this.listeners.size > 0) return;
        this.watch?.dispose();
        this.watch = undefined;
      },
    };
  }

  private async checkSignIn(): Promise<void> {
    // Signed in already: a refreshed profile is not news.
    if (this.lastProblem === undefined) return;
    if ((await this.getSession('organizations', [ARM_SCOPE])) === undefined) return;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Watches the Azure CLI's configuration folder (`AZURE_CONFIG_DIR`, else `~/.azure`), where
 * `az login` and `az logout` rewrite azureProfile.json. A folder that does not exist yet (the CLI
 * never ran) is not watched: signing in through the prompt still works.
 */
export function watchAzureCliProfile(onChange: () => void, configDir = process.env.AZURE_CONFIG_DIR ?? join(homedir(), '.azure')): Disposable {
  try {
    const watcher = watch(configDir, (_event, file) => {
      if (file === 'azureProfile.json') onChange();
    });
    watcher.on('error', () => watcher.close());
    return { dispose: () => watcher.close() };
  } catch {
    return { dispose: () => undefined };
  }
}
