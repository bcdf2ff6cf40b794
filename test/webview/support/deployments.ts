import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import { DEFAULT_SERVER_OPTIONS } from '../../../machines/flexDeployment/serverOptions';

export const T0 = Date.parse('2026-01-01T10:00:00Z');
export const SERVER = 'Microsoft.DBforPostgreSQL/flexibleServers';

/** A deployment as the progress view receives it, accepted by ARM at T0 + 5 s. */
export function context(overrides: Partial<DeploymentContext> = {}): DeploymentContext {
  return {
    stagingId: 'staging-1',
    deploymentName: 'pgflex-pg-dev-1',
    resourceGroupName: 'rg-dev',
    subscriptionId: 'sub',
    tenantId: 'tenant',
    connectionProfile: {},
    status: 'deploying',
    createdAt: T0,
    serverName: 'pg-dev-1',
    location: 'eastus',
    request: {
      tenantId: 'tenant', subscriptionId: 'sub', resourceGroup: { name: 'rg-dev', isNew: false }, serverName: 'pg-dev-1',
      location: 'eastus', version: '17', tier: 'Burstable', skuName: 'Standard_B1ms', storageSizeGB: 32,
      authenticationMode: 'Hybrid', adminLogin: 'ada', networkAccess: 'Public', firewall: { allowAzureServices: true, ranges: [] }, ...DEFAULT_SERVER_OPTIONS,
    },
    inActiveSession: true,
    audit: [{ at: T0 + 5_000, event: 'arm.accepted', to: 'deploying' }],
    ...overrides,
  };
}

export function deploying(overrides: Partial<DeploymentContext> = {}): DeploymentView {
  return { value: 'deploying', context: context(overrides) };
}

