import * as vscode from 'vscode';
import type { SettingsReader } from '../settings/settingsReader';
import { resolveArmEnvironment } from './armEnvironment';
import { composeAzureServices, type AzureServices } from './azureServices';
import { runAzLoginInTerminal } from './azLoginTerminal';
import { AzureCliAccount, watchAzureCliProfile } from './azureCliAccount';
import { SandboxAccount } from './sandboxAccount';
import { armSubscriptionSource } from './subscriptionSource';
import { VSCodeAzureAccount } from './vscodeAzureAccount';

export type { AzureServices } from './azureServices';
export { makeDeploymentName } from './flexProvisioning/deploymentName';
export { SignedOutError, isSignedOutError } from './signedOutError';
export { OSSRDBMS_SCOPE, type ArmEnvironment } from './armEnvironment';

/**
 * Whose subscriptions ARM lists when the account is not VS Code's: the sandbox has one tenant and
 * accepts any, and the CLI reads this as the tenant it is signed in to (see AzureCliAccount).
 */
const HOME_TENANT = 'organizations';

/**
 * The composition root's entry to the Azure side. Reads the sandbox and account settings once:
 * changing them takes a window reload. Throws ArmEnvironmentError for unusable settings (a clear
 * message). Disposing the services disposes the account they were built on.
 */
export async function createAzureServices(settings: SettingsReader, log: vscode.LogOutputChannel): Promise<AzureServices> {
  const environment = await resolveArmEnvironment({ endpoint: settings.get('sandboxEndpoint'), caFile: settings.get('sandboxCaFile') });
  const ask = (message: string, action: string) => vscode.window.showWarningMessage(message, action);
  let services: AzureServices;
  if (environment.kind === 'sandbox') log.info(`Azure: sandbox mode, ARM at ${environment.endpoint}`);
  if (settings.get('azureAccount') === 'azureCli') {
    log.info('Azure: signed in through the Azure CLI (az login)');
    const account = new AzureCliAccount(runAzLoginInTerminal, watchAzureCliProfile, (message) => log.warn(message));
    services = composeAzureServices(environment, account, (clients) => armSubscriptionSource(clients, HOME_TENANT), ask);
  } else if (environment.kind === 'sandbox') {
    services = composeAzureServices(environment, new SandboxAccount(), (clients) => armSubscriptionSource(clients, HOME_TENANT), ask);
  } else {
    const account = new VSCodeAzureAccount(log);
    const composed = composeAzureServices(environment, account, account, ask);
    services = {
      ...composed,
      dispose: () => {
        composed.dispose();
        account.dispose();
      },
    };
  }
  return services;
}
