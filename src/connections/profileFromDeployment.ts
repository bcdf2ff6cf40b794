import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { deploymentProfileId, type ConnectionProfileInput } from './connectionProfile';
import { flexServerHostName } from '../../machines/flexDeployment/serverHostName';


/**
 * The profile a finished deployment saves: the staged draft, completed from the record where the
 * draft is partial, under the stable id `flex-{stagingId}` so saving again updates it.
 */
export function profileFromDeployment(deployment: Readonly<DeploymentContext>): ConnectionProfileInput {
  const draft = deployment.connectionProfile;
  const request = deployment.request;
  // Hybrid prefers Entra (spec §6): only a password-only server gets a SqlLogin profile.
  const authenticationType = draft.authenticationType ?? (request?.authenticationMode === 'PostgreSQLOnly' ? 'SqlLogin' : 'AzureMFA');
  const entra = authenticationType === 'AzureMFA';
  const entraUserName = draft.entraUserName ?? (entra ? request?.entraAdmin?.principalName : undefined);
  return {
    id: deploymentProfileId(deployment.stagingId),
    server: draft.server ?? flexServerHostName(deployment.serverName),
    profileName: draft.profileName ?? deployment.serverName,
    database: draft.database ?? '',
    user: draft.user ?? (entra ? (entraUserName ?? '') : (request?.adminLogin ?? '')),
    authenticationType,
    azureAuthType: entra ? 'AzureMFA' : undefined,
    entraUserName: entra ? entraUserName : undefined,
    azureResourceId: deployment.serverResourceId ?? draft.azureResourceId,
    azureSubscriptionId: draft.azureSubscriptionId ?? deployment.subscriptionId,
    azureResourceGroup: draft.azureResourceGroup ?? deployment.resourceGroupName,
    azureTenantId: draft.azureTenantId ?? deployment.tenantId,
    savePassword: entra ? false : (draft.savePassword ?? true),
    groupId: draft.groupId ?? request?.groupId,
    azureLocation: draft.azureLocation ?? deployment.location,
    postgresVersion: draft.postgresVersion ?? request?.version,
    skuName: draft.skuName ?? request?.skuName,
    tier: draft.tier ?? request?.tier,
  };
}
