import type { ArmEnvironment } from './armEnvironment';
import { flexServerResourceId } from './flexProvisioning/flexTemplate';

/**
 * Links into the Azure portal, in the form the Azure extensions' `openInPortal` uses:
 * `{portal}/#@{tenantId}/resource{resourceId}`. The tenant in the fragment makes the portal switch
 * to the directory the resource lives in, whichever one the browser last used.
 */

/**
 * Each cloud's ARM endpoint, portal and Microsoft Graph (as `@azure/ms-rest-azure-env` lists
 * them). The portal and Graph are found from the ARM endpoint the extension talks to, so a link
 * always points at the cloud the resource was created in, and a directory search asks its tenant's.
 */
export const AZURE_CLOUDS = [
  { name: 'AzureCloud', resourceManager: 'https://management.azure.com', portal: 'https://portal.azure.com', graph: 'https://graph.microsoft.com' },
  { name: 'ChinaCloud', resourceManager: 'https://management.chinacloudapi.cn', portal: 'https://portal.azure.cn', graph: 'https://microsoftgraph.chinacloudapi.cn' },
  { name: 'USGovernment', resourceManager: 'https://management.usgovcloudapi.net', portal: 'https://portal.azure.us', graph: 'https://graph.microsoft.us' },
] as const;

const PUBLIC_PORTAL = AZURE_CLOUDS[0].portal;

/**
 * The portal of the cloud in use. The sandbox has no portal of its own: its links take the public
 * portal's form, exactly as they would read for the same resource in Azure (the portal then says
 * the resource is not found), so tests can check them. An ARM endpoint of no known cloud gets the
 * public portal too.
 */
export function portalFor(environment: ArmEnvironment): string {
  if (environment.kind === 'sandbox') return PUBLIC_PORTAL;
  const origin = new URL(environment.endpoint).origin;
  return AZURE_CLOUDS.find((cloud) => cloud.resourceManager === origin)?.portal ?? PUBLIC_PORTAL;
}

/** What names a deployment in ARM. */
export interface DeploymentAddress {
  tenantId: string;
  subscriptionId: string;
  resourceGroupName: string;
  deploymentName: string;
}

export function deploymentResourceId(d: Omit<DeploymentAddress, 'tenantId'>): string {
  return `/subscriptions/${d.subscriptionId}/resourceGroups/${d.resourceGroupName}/providers/Microsoft.Resources/deployments/${d.deploymentName}`;
}

export function portalResourceUrl(portal: string, tenantId: string, resourceId: string): string {
  return `${portal}/#@${tenantId}/resource${resourceId}`;
}

/** The deployment's overview blade: its state, its resources and, after a failure, ARM's error. */
export function portalDeploymentUrl(portal: string, deployment: DeploymentAddress): string {
  return `${portalResourceUrl(portal, deployment.tenantId, deploymentResourceId(deployment))}/overview`;
}

/** The server a deployment creates; its id is known once ARM reported it, and follows from its name before. */
export interface DeployedServerAddress extends Omit<DeploymentAddress, 'deploymentName'> {
  serverName: string;
  serverResourceId?: string;
}

/** Opens portal pages; the URL opened is logged (it names resources, never a secret). */
export interface AzurePortal {
  openDeployment(deployment: DeploymentAddress): Promise<void>;
  openServer(server: DeployedServerAddress): Promise<void>;
  openResource(tenantId: string, resourceId: string): Promise<void>;
}

/** `openExternal` is `vscode.env.openExternal`: the browser, or the desktop's URL handler. */
export function createAzurePortal(portal: string, openExternal: (url: string) => PromiseLike<boolean>, log: (message: string) => void): AzurePortal {
  const open = async (url: string) => {
    log(`Opening the Azure portal: ${url}`);
    if (!(await openExternal(url))) log(`The Azure portal link was not opened: ${url}`);
  };
  return {
    openDeployment: (deployment) => open(portalDeploymentUrl(portal, deployment)),
    openServer: (s) => open(portalResourceUrl(portal, s.tenantId, s.serverResourceId ?? flexServerResourceId(s.subscriptionId, s.resourceGroupName, s.serverName))),
    openResource: (tenantId, resourceId) => open(portalResourceUrl(portal, tenantId, resourceId)),
  };
}
