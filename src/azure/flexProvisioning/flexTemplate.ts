import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { tagsObject } from '../../../machines/flexDeployment/serverOptions';
import { firewallRulesOf } from '../../../machines/flexDeployment/networking';

/**
 * The ARM template for one flexible server: the server, its firewall rules and its Microsoft Entra
 * administrator, chained with dependsOn because the provider rejects concurrent operations on one
 * server (ServerIsBusy). Names are literal; the only parameter is the password, typed secureString
 * so ARM never returns it (deployment GET, portal, activity log) and it never sits in the template.
 */

export const FLEX_SERVER_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers';
export const FLEX_API_VERSION = '2025-08-01';
const PASSWORD_PARAMETER = 'administratorLoginPassword';

export interface TemplateResource {
  type: string;
  apiVersion: string;
  name: string;
  location?: string;
  sku?: { name: string; tier: string };
  tags?: Record<string, string>;
  dependsOn?: string[];
  properties: Record<string, unknown>;
}

export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, { type: string; metadata?: { description: string } }>;
  resources: TemplateResource[];
  outputs: Record<string, { type: string; value: string }>;
}

export interface FlexDeploymentProperties {
  mode: 'Incremental';
  template: ArmTemplate;
  parameters: Record<string, { value: string }>;
}

export function flexServerResourceId(subscriptionId: string, resourceGroupName: string, serverName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${FLEX_SERVER_TYPE}/${serverName}`;
}

export function buildFlexDeployment(request: CreateServerRequest): FlexDeploymentProperties {
  const usesPassword = request.authenticationMode !== 'EntraOnly';
  const usesEntra = request.authenticationMode !== 'PostgreSQLOnly';
  const server = request.serverName;
  const serverRef = `[resourceId('${FLEX_SERVER_TYPE}', '${server}')]`;
  const { highAvailability, availabilityZone, backup } = request;

  const resources: TemplateResource[] = [
    {
      type: FLEX_SERVER_TYPE,
      apiVersion: FLEX_API_VERSION,
      name: server,
      location: request.location,
      sku: { name: request.skuName, tier: request.tier },
      ...(request.tags.length ? { tags: tagsObject(request.tags) } : {}),
      properties: {
        createMode: 'Create',
        version: request.version,
        ...(availabilityZone ? { availabilityZone } : {}),
        storage: {
          storageSizeGB: request.storageSizeGB,
          autoGrow: enabledOrDisabled(request.storageAutoGrow),
          ...(request.storageTier ? { tier: request.storageTier } : {}),
        },
        backup: { backupRetentionDays: backup.retentionDays, geoRedundantBackup: enabledOrDisabled(backup.geoRedundant) },
        highAvailability: {
          mode: highAvailability.mode,
          ...(highAvailability.standbyAvailabilityZone ? { standbyAvailabilityZone: highAvailability.standbyAvailabilityZone } : {}),
        },
        network: { publicNetworkAccess: enabledOrDisabled(request.networkAccess === 'Public') },
        authConfig: {
          activeDirectoryAuth: enabledOrDisabled(usesEntra),
          passwordAuth: enabledOrDisabled(usesPassword),
          ...(usesEntra ? { tenantId: request.tenantId } : {}),
        },
        ...(usesPassword ? { administratorLogin: request.adminLogin, administratorLoginPassword: `[parameters('${PASSWORD_PARAMETER}')]` } : {}),
      },
    },
  ];
  const chain = (type: string, childName: string, properties: Record<string, unknown>): void => {
    const previous = resources[resources.length - 1];
    resources.push({
      type: `${FLEX_SERVER_TYPE}/${type}`,
      apiVersion: FLEX_API_VERSION,
      name: `${server}/${childName}`,
      dependsOn: [resourceIdExpression(previous)],
      properties,
    });
  };
  for (const { name, startIpAddress, endIpAddress } of firewallRulesOf(request)) {
    chain('firewallRules', name, { startIpAddress, endIpAddress });
  }
  if (usesEntra && request.entraAdmin) {
    // The administrator resource is named by the principal's object id, as the provider requires.
    chain('administrators', request.entraAdmin.objectId, {
      principalName: request.entraAdmin.principalName,
      principalType: request.entraAdmin.principalType,
      tenantId: request.tenantId,
    });
  }

  return {
    mode: 'Incremental',
    template: {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: usesPassword ? { [PASSWORD_PARAMETER]: { type: 'secureString', metadata: { description: 'The server administrator password.' } } } : {},
      resources,
      outputs: { serverResourceId: { type: 'string', value: serverRef } },
    },
    parameters: usesPassword ? { [PASSWORD_PARAMETER]: { value: request.adminPassword ?? '' } } : {},
  };
}

function enabledOrDisabled(on: boolean): 'Enabled' | 'Disabled' {
  return on ? 'Enabled' : 'Disabled';
}

function resourceIdExpression(resource: TemplateResource): string {
  const segments = resource.name.split('/').map((s) => `'${s}'`).join(', ');
  return `[resourceId('${resource.type}', ${segments})]`;
}
