import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { toRetryableRequest } from '../../../machines/flexDeployment/createServerRequest';
import { INITIAL_STATE } from '../../../machines/flexDeployment/deploymentStates';
import type { ConnectionProfileDraft, DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import { flexServerHostName } from '../../../machines/flexDeployment/serverHostName';

export function profileIdFor(stagingId: string): string {
  return `flex-${stagingId}`;
}

/**
 * The connection profile staged before ARM is called (spec §1, §6). With Entra on — Entra only or
 * both — the profile uses Entra: a hybrid server's password stays with ARM and is never staged.
 */
export function stagedConnectionProfile(request: CreateServerRequest, stagingId: string): ConnectionProfileDraft {
  const entra = request.authenticationMode !== 'PostgreSQLOnly';
  const base = {
    id: profileIdFor(stagingId),
    server: flexServerHostName(request.serverName),
    profileName: request.serverName,
    database: '',
    azureSubscriptionId: request.subscriptionId,
    azureResourceGroup: request.resourceGroup.name,
    azureTenantId: request.tenantId,
    groupId: request.groupId,
    azureLocation: request.location,
    postgresVersion: request.version,
    skuName: request.skuName,
    tier: request.tier,
  };
  if (entra) {
    // Stryker disable next-line StringLiteral: a valid Entra request has an administrator; the fallback only satisfies the type
    const entraUserName = request.entraAdmin?.principalName ?? '';
    return { ...base, authenticationType: 'AzureMFA', azureAuthType: 'AzureMFA', entraUserName, user: entraUserName, savePassword: false };
  }
  // Stryker disable next-line StringLiteral: a valid password request has a login; the fallback only satisfies the type
  return { ...base, authenticationType: 'SqlLogin', user: request.adminLogin ?? '', savePassword: true };
}

/** Whether the staged profile needs the admin password kept in SecretStorage until it is saved. */
export function needsStagedPassword(request: CreateServerRequest): boolean {
  return request.authenticationMode === 'PostgreSQLOnly';
}

export function stagedContext(
  request: CreateServerRequest,
  ids: { stagingId: string; deploymentName: string; passwordSecretId?: string },
  at: number,
): DeploymentContext {
  return {
    stagingId: ids.stagingId,
    deploymentName: ids.deploymentName,
    resourceGroupName: request.resourceGroup.name,
    subscriptionId: request.subscriptionId,
    tenantId: request.tenantId,
    connectionProfile: stagedConnectionProfile(request, ids.stagingId),
    status: 'pending',
    createdAt: at,
    profileCreated: false,
    dashboardOpened: false,
    passwordSecretId: ids.passwordSecretId,
    serverName: request.serverName,
    location: request.location,
    request: toRetryableRequest(request),
    inActiveSession: true,
    audit: [{ at, event: 'user.create', to: INITIAL_STATE }],
  };
}
