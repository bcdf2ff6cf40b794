import * as vscode from 'vscode';
import type { SettingsReader } from '../settings/settingsReader';
import { resolveArmEnvironment } from './armEnvironment';
import { composeAzureServices, type AzureServices } from './azureServices';
import { SandboxAccount } from './sandboxAccount';
import { armSubscriptionSource } from './subscriptionSource';
import { VSCodeAzureAccount } from './vscodeAzureAccount';

export type { AzureServices } from './azureServices';
export { makeDeploymentName } from './flexProvisioning/deploymentName';
export { SignedOutError, isSignedOutError } from './signedOutError';
export { OSSRDBMS_SCOPE, type ArmEnvironment } from './armEnvironment';

/** The sandbox has one tenant and accepts any; subscriptions are listed with this one's token. */
const SANDBOX_HOME_TENANT = 'organizations';

/**
 * The composition root's entry to the Azure side. Reads the sandbox settings once: changing them
 * takes a window reload. Throws ArmEnvironmentError for unusable settings (a clear message).
 */
export async function createAzureServices(context: vscode.ExtensionContext, settings: SettingsReader, log: vscode.LogOutputChannel): Promise<AzureServices> {
  const environment = await resolveArmEnvironment({ endpoint: settings.get('sandboxEndpoint'), caFile: settings.get('sandboxCaFile') });
  const ask = (message: string, action: string) => vscode.window.showWarningMessage(message, action);
  let services: AzureServices;
  if (environment.kind === 'sandbox') {
    log.info(`Azure: sandbox mode, ARM at ${environment.endpoint}`);
    services = composeAzureServices(environment, new SandboxAccount(), (clients) => armSubscriptionSource(clients, SANDBOX_HOME_TENANT), ask);
  } else {
    const account = new VSCodeAzureAccount(log);
    context.subscriptions.push(account);
    services = composeAzureServices(environment, account, account, ask);
  }
  context.subscriptions.push(services);
  return services;
}
