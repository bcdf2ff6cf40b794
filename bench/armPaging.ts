import { startSandbox, SANDBOX_TENANT_ID, SEEDED_RESOURCE_GROUPS, type Sandbox } from '../sandbox';
import type { ArmEnvironment } from '../src/azure/armEnvironment';
import { composeAzureServices, type AzureServices } from '../src/azure/azureServices';
import { makeDeploymentName } from '../src/azure/flexProvisioning/deploymentName';
import { SandboxAccount } from '../src/azure/sandboxAccount';
import { armSubscriptionSource } from '../src/azure/subscriptionSource';
import type { DeploymentRef } from '../src/services/flexDeployment/deploymentRef';
import { createRequest } from '../test/support/trackerFakes';

const GROUP = SEEDED_RESOURCE_GROUPS[0];

/**
 * ARM requests one poll cycle makes for one resource group that holds many deployments: all of
 * them tracked (200, 800 — ARM keeps at most 800 a group), or a few tracked behind 100 newer ones
 * of another tool. The sandbox pages by 100 like ARM and lists newest first, as ARM was observed
 * to; leaves out the requests that started the deployments.
 */
export async function runArmPagingBench(log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  const sandbox = await startSandbox({ port: 0, speed: 1, postgres: 'none' });
  try {
    const environment: ArmEnvironment = { kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca };
    const services = composeAzureServices(environment, new SandboxAccount(), (clients) => armSubscriptionSource(clients, SANDBOX_TENANT_ID), async () => undefined);
    const all200 = await readsForOneCycle(sandbox, services, { tracked: 200, foreignAfter: 0 });
    const all800 = await readsForOneCycle(sandbox, services, { tracked: 800, foreignAfter: 0 });
    const behindForeign = await readsForOneCycle(sandbox, services, { tracked: 10, foreignAfter: 100 });
    log(`\n# ARM reads for one cycle of one resource group: 200 tracked ${all200}, 800 tracked ${all800}, 10 tracked behind 100 newer foreign ${behindForeign}`);
    return { armReadsPerCycle200InOneGroup: all200, armReadsPerCycle800InOneGroup: all800, armReadsPerCycleWith100ForeignDeployments: behindForeign };
  } finally {
    await sandbox.stop();
  }
}

async function readsForOneCycle(sandbox: Sandbox, services: AzureServices, shape: { tracked: number; foreignAfter: number }): Promise<number> {
  sandbox.control.reset();
  const tracked = await start(sandbox, services, 'tracked', shape.tracked);
  await start(sandbox, services, 'foreign', shape.foreignAfter);
  sandbox.control.resetRequests();
  const batch = await services.reader.read(tracked);
  const unsettled = tracked.filter((ref) => batch.observations.get(ref.stagingId)?.kind !== 'running');
  if (unsettled.length) throw new Error(`${unsettled.length} tracked deployments were not read as running`);
  return sandbox.requests.count();
}

async function start(sandbox: Sandbox, services: AzureServices, tag: string, count: number): Promise<DeploymentRef[]> {
  const refs: DeploymentRef[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async (_, j) => {
        const request = createRequest({
          tenantId: SANDBOX_TENANT_ID,
          subscriptionId: GROUP.subscriptionId,
          resourceGroup: { name: GROUP.name, isNew: false },
          serverName: `${tag}-${i + j}`,
          location: GROUP.location,
          firewall: { allowAzureServices: false, ranges: [] },
        });
        sandbox.control.scriptOutcome(request.serverName, { outcome: 'hang' });
        const deploymentName = makeDeploymentName(request.serverName);
        await services.provisioner.startDeployment(request, deploymentName);
        return { stagingId: request.serverName, tenantId: request.tenantId, subscriptionId: request.subscriptionId, resourceGroupName: GROUP.name, deploymentName, createdAt: Date.now(), serverName: request.serverName };
      }),
    );
    refs.push(...batch);
  }
  return refs;
}
