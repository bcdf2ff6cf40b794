import type { DeploymentExtended } from '@azure/arm-resourcesdeployments';
import type { Server } from '@azure/arm-postgresql-flexible';
import { describe, expect, it } from 'vitest';
import type { ArmClients } from '../../../src/azure/armClients';
import { ArmDeploymentReader } from '../../../src/azure/armDeploymentReader';
import type { FlexProvisioningCredentialProvider } from '../../../src/azure/azureCredentialProvider';
import type { DeploymentRef } from '../../../src/services/flexDeployment/deploymentRef';

/**
 * Answers ARM has given that the sandbox does not produce: a deployment whose own GET lacks its
 * server or its error, and a server still provisioning after its deployment left the history.
 * The SDK clients are replaced by what they return, so the reader's reading of them is what is tested.
 */
function readerOver(answers: { listed?: DeploymentExtended[]; got?: DeploymentExtended; server?: Server }): ArmDeploymentReader {
  const notFound = Object.assign(new Error('gone'), { name: 'RestError', statusCode: 404, code: 'ResourceNotFound' });
  const clients = {
    deployments: async () => ({
      deployments: {
        listByResourceGroup: () => ({
          async *byPage() {
            yield answers.listed ?? [];
          },
        }),
        get: async () => {
          if (!answers.got) throw notFound;
          return answers.got;
        },
      },
    }),
    flexibleServers: async () => ({
      servers: {
        get: async () => {
          if (!answers.server) throw notFound;
          return answers.server;
        },
      },
    }),
  } as unknown as ArmClients;
  const credentials = { invalidate: () => undefined } as unknown as FlexProvisioningCredentialProvider;
  return new ArmDeploymentReader(clients, credentials);
}

const ref = (overrides: Partial<DeploymentRef> = {}): DeploymentRef => ({
  stagingId: 's1',
  tenantId: 't',
  subscriptionId: 'sub',
  resourceGroupName: 'rg',
  deploymentName: 'pgflex-pg-1',
  createdAt: 0,
  serverName: 'pg-1',
  ...overrides,
});

async function observe(answers: Parameters<typeof readerOver>[0], deployment = ref()) {
  return (await readerOver(answers).read([deployment])).observations.get(deployment.stagingId);
}

describe('ArmDeploymentReader: what ARM leaves out', () => {
  it('Succeeded without the server among its resources: the server the request named', async () => {
    expect(await observe({ got: { name: 'pgflex-pg-1', properties: { provisioningState: 'Succeeded' } } })).toEqual({
      kind: 'succeeded',
      serverResourceId: '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-1',
    });
  });

  it('Succeeded without a server, and no server named: failed, saying so (never a profile to nowhere)', async () => {
    expect(await observe({ got: { properties: { provisioningState: 'Succeeded' } } }, ref({ serverName: undefined }))).toEqual({
      kind: 'failed',
      error: { code: 'DeploymentOutputMissing', message: "Deployment 'pgflex-pg-1' succeeded but names no PostgreSQL flexible server among its resources." },
    });
  });

  it('Failed without an error: failed, with a message that says Azure gave none', async () => {
    expect(await observe({ got: { properties: { provisioningState: 'Failed' } } })).toEqual({
      kind: 'failed',
      error: { code: 'Failed', message: "Deployment 'pgflex-pg-1' failed without an error from Azure." },
    });
  });

  it('the deployment pruned from history while its server is still provisioning: running, not succeeded', async () => {
    expect(await observe({ server: { location: 'eastus', state: 'Provisioning' } })).toEqual({ kind: 'running', provisioningState: 'Running' });
  });

  it('the deployment pruned, its server ready: succeeded with the id ARM gives', async () => {
    expect(await observe({ server: { location: 'eastus', state: 'Ready', id: '/the/id' } })).toEqual({ kind: 'succeeded', serverResourceId: '/the/id' });
  });
});
