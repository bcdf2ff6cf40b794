import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import type { TokenCredential } from '@azure/core-auth';
import { DeploymentsClient } from '@azure/arm-resourcesdeployments';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { request } from 'node:https';
import { SANDBOX_SUBSCRIPTIONS, SEEDED_RESOURCE_GROUPS, startSandbox, type Sandbox } from '../../../sandbox';

/** Shared by the sandbox tests: a credential, client options, raw HTTPS calls and a pgflex-like template. */

export const SUBSCRIPTION_ID = SANDBOX_SUBSCRIPTIONS[0].subscriptionId;
export const RESOURCE_GROUP = SEEDED_RESOURCE_GROUPS[0].name;
export const SERVER_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers';

/** Hands out a fixed token value, so a test can revoke exactly that value. */
export function staticCredential(token = 'sandbox-token'): TokenCredential {
  return { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3600_000 }) };
}

export function clientOptions(sandbox: Sandbox): { endpoint: string; tlsOptions: { ca: string } } {
  return { endpoint: sandbox.url, tlsOptions: { ca: sandbox.ca } };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A plain HTTPS call, for what the SDKs hide (headers, exact paths, bodies of errors). */
export function armRequest(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null } = {},
): Promise<RawResponse> {
  const url = new URL(path, sandbox.url);
  const token = options.token === undefined ? 'sandbox-token' : options.token;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: sandbox.ca,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface TemplateOptions {
  adminLogin?: string;
  firewallRule?: boolean;
  entraAdmin?: boolean;
  database?: string;
  version?: string;
  publicNetworkAccess?: 'Enabled' | 'Disabled';
}

/** A deployment body shaped like the one pgflex's provisioner writes: server, firewall rule, Entra admin, database. */
export interface DeploymentBody {
  properties: { mode: 'Incremental'; template: Record<string, unknown>; parameters: Record<string, { value: unknown }> };
}

export function serverDeployment(serverName: string, password: string, options: TemplateOptions = {}): DeploymentBody {
  const serverId = `[resourceId('${SERVER_TYPE}', parameters('serverName'))]`;
  const resources: unknown[] = [
    {
      type: SERVER_TYPE,
      apiVersion: '2025-08-01',
      name: "[parameters('serverName')]",
      location: "[parameters('location')]",
      sku: { name: 'Standard_B2s', tier: 'Burstable' },
      properties: {
        version: options.version ?? '17',
        administratorLogin: options.adminLogin ?? 'pgadmin',
        administratorLoginPassword: "[parameters('administratorLoginPassword')]",
        authConfig: { activeDirectoryAuth: options.entraAdmin ? 'Enabled' : 'Disabled', passwordAuth: 'Enabled', tenantId: '[subscription().tenantId]' },
        storage: { storageSizeGB: 32, autoGrow: 'Disabled' },
        backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' },
        highAvailability: { mode: 'Disabled' },
        network: { publicNetworkAccess: options.publicNetworkAccess ?? 'Enabled' },
        createMode: 'Create',
      },
    },
  ];
  // Name expressions vary on purpose, to exercise the sandbox's template evaluator.
  const children: { child: string; childName: string; name: string; properties: Record<string, unknown> }[] = [];
  if (options.firewallRule !== false) {
    const rule = 'AllowAllAzureServicesAndResourcesWithinAzureIps';
    children.push({ child: 'firewallRules', childName: rule, name: `[format('{0}/{1}', parameters('serverName'), '${rule}')]`, properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' } });
  }
  if (options.entraAdmin) {
    const objectId = '00000000-0000-4000-8000-0000000000ad';
    children.push({
      child: 'administrators',
      childName: objectId,
      name: `[concat(parameters('serverName'), '/', '${objectId}')]`,
      properties: { principalName: 'admin@contoso.com', principalType: 'User', tenantId: '[subscription().tenantId]' },
    });
  }
  if (options.database) {
    children.push({ child: 'databases', childName: options.database, name: `[concat(parameters('serverName'), '/${options.database}')]`, properties: { charset: 'UTF8', collation: 'en_US.utf8' } });
  }
  // Chained with dependsOn, as the provider rejects concurrent operations on one server.
  let previous = serverId;
  for (const { child, childName, name, properties } of children) {
    resources.push({ type: `${SERVER_TYPE}/${child}`, apiVersion: '2025-08-01', name, properties, dependsOn: [previous] });
    previous = `[resourceId('${SERVER_TYPE}/${child}', parameters('serverName'), '${childName}')]`;
  }
  return {
    properties: {
      mode: 'Incremental',
      template: {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: {
          serverName: { type: 'string' },
          location: { type: 'string', defaultValue: '[resourceGroup().location]' },
          administratorLoginPassword: { type: 'securestring' },
        },
        resources,
        outputs: {
          fullyQualifiedDomainName: { type: 'string', value: `[reference(${serverId.slice(1, -1)}, '2025-08-01').fullyQualifiedDomainName]` },
          serverResourceId: { type: 'string', value: serverId },
        },
      },
      parameters: { serverName: { value: serverName }, administratorLoginPassword: { value: password } },
    },
  };
}

export function deploymentPath(name: string, resourceGroup = RESOURCE_GROUP): string {
  return `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${resourceGroup}/providers/Microsoft.Resources/deployments/${name}`;
}

/** Polls `read` until `done` holds; sandbox time runs fast, so this returns in a few ticks. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition never held');
}

/**
 * One sandbox per test file (no PostgreSQL) and the flexible-server client on it; before each test
 * the sandbox is reset, `prepare` runs, and `serverName` is deployed afresh in RESOURCE_GROUP.
 */
export function useDeployedServer(serverName: string, prepare: (sandbox: Sandbox) => Promise<unknown> = async () => undefined): { sandbox: Sandbox; flex: PostgreSQLManagementFlexibleServerClient } {
  const world = {} as { sandbox: Sandbox; flex: PostgreSQLManagementFlexibleServerClient };
  beforeAll(async () => {
    world.sandbox = await startSandbox({ speed: 400, postgres: 'none' });
    world.flex = new PostgreSQLManagementFlexibleServerClient(staticCredential(), SUBSCRIPTION_ID, clientOptions(world.sandbox));
  });
  afterAll(() => world.sandbox.stop());
  beforeEach(async () => {
    world.sandbox.control.reset();
    await prepare(world.sandbox);
    const deployments = new DeploymentsClient(staticCredential(), SUBSCRIPTION_ID, clientOptions(world.sandbox));
    await deployments.deployments.beginCreateOrUpdateAndWait(RESOURCE_GROUP, `pgflex-${serverName}-1`, serverDeployment(serverName, 'S3cret!pass'), { updateIntervalInMs: 20 });
  });
  return world;
}
