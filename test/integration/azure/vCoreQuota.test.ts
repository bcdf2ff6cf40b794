import { describe, expect, it } from 'vitest';
import { smallerSkuThan } from '../../../machines/flexDeployment/smallerSku';
import { SANDBOX_SUBSCRIPTIONS } from '../../../sandbox';
import type { DeploymentObservation } from '../../../src/services/flexDeployment/deploymentReader';
import type { DeploymentRef } from '../../../src/services/flexDeployment/deploymentRef';
import { armRequest } from '../sandbox/sandboxTestKit';
import { createRequest, readUntilEnded, startDeployment, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

const generalPurpose = (serverName: string, skuName: string) => createRequest(serverName, { tier: 'GeneralPurpose', skuName, storageSizeGB: 64 });

async function deploy(request: ReturnType<typeof createRequest>, at = Date.now()): Promise<{ ref: DeploymentRef; observation: DeploymentObservation }> {
  const ref = await startDeployment(h.services, request, at);
  return { ref, observation: (await readUntilEnded(h.services, ref)).observation };
}

/** What View Details shows of the failure: the error chain's codes and the server's operation. */
async function failureShape(ref: DeploymentRef, observation: DeploymentObservation) {
  if (observation.kind !== 'failed') throw new Error(`expected a failure, got ${observation.kind}`);
  const server = (await h.services.catalog.listDeploymentOperations(ref)).find((o) => o.resourceType === 'Microsoft.DBforPostgreSQL/flexibleServers');
  return {
    chain: observation.error.chain?.map((e) => e.code),
    operation: { provisioningOperation: server?.provisioningOperation, provisioningState: server?.provisioningState, statusCode: server?.statusCode, code: server?.error?.code },
  };
}

describe("the sandbox's vCore quota, through the real SDK", () => {
  it('a server over the quota fails as QuotaExceeded does; the next smaller size fits and succeeds', async () => {
    h.sandbox.control.setQuota({ location: 'eastus', vCores: 6 });
    expect((await deploy(generalPurpose('pg-quota-first', 'Standard_D4ds_v5'))).observation.kind).toBe('succeeded');

    const over = await deploy(generalPurpose('pg-quota-second', 'Standard_D4ds_v5'));
    expect(over.observation).toMatchObject({ kind: 'failed', error: { code: 'QuotaExceeded' } });
    if (over.observation.kind !== 'failed') return;
    expect(over.observation.error.message).toContain("in location 'eastus'");
    expect(over.observation.error.message).toContain('Current limit: 6, current usage: 4, additional required: 4.');

    // The same chain and operation as the scripted QuotaExceeded that tests used before.
    h.sandbox.control.scriptOutcome('pg-quota-scripted', { outcome: 'fail', error: 'QuotaExceeded' });
    const scripted = await deploy(createRequest('pg-quota-scripted', { location: 'westus' }));
    const shape = await failureShape(over.ref, over.observation);
    expect(shape).toEqual(await failureShape(scripted.ref, scripted.observation));
    expect(shape).toEqual({
      chain: ['DeploymentFailed', 'ResourceDeploymentFailure', 'QuotaExceeded'],
      operation: { provisioningOperation: 'Create', provisioningState: 'Failed', statusCode: 'BadRequest', code: 'QuotaExceeded' },
    });

    const tier = (await h.services.catalog.getCapabilities(over.ref.subscriptionId, 'eastus')).tiers.find((t) => t.tier === 'GeneralPurpose')!;
    const failed = tier.skus.find((s) => s.name === 'Standard_D4ds_v5')!;
    const smaller = smallerSkuThan(failed, tier.skus);
    expect(smaller).toMatchObject({ name: 'Standard_D2ds_v5', vCores: 2 });
    const retried = await deploy(generalPurpose('pg-quota-second', smaller!.name), Date.now() + 1_000);
    expect(retried.observation.kind).toBe('succeeded');
  });

  it('counts per subscription and location, takes the limit over HTTP in any spelling of the location, and reset lifts it', async () => {
    h.sandbox.control.setQuota({ location: 'westus', vCores: 0 });
    h.sandbox.control.setQuota({ location: 'eastus', vCores: 0, subscriptionId: SANDBOX_SUBSCRIPTIONS[1].subscriptionId });
    expect((await deploy(createRequest('pg-quota-elsewhere'))).observation.kind).toBe('succeeded');

    const refused = await armRequest(h.sandbox, 'PUT', '/_sandbox/quota', { body: { location: 'eastus', vCores: -1 }, token: null });
    expect(refused.status).toBe(400);
    expect((await armRequest(h.sandbox, 'PUT', '/_sandbox/quota', { body: { location: 'East US', vCores: 3 }, token: null })).status).toBe(204);
    // pg-quota-elsewhere's 2 vCores are used; another B2s would need 4.
    const over = await deploy(createRequest('pg-quota-over'));
    expect(over.observation).toMatchObject({ kind: 'failed', error: { code: 'QuotaExceeded' } });
    // A server deployed again over itself is not counted twice.
    expect((await deploy(createRequest('pg-quota-elsewhere'), Date.now() + 1_000)).observation.kind).toBe('succeeded');

    h.sandbox.control.reset();
    expect((await deploy(createRequest('pg-quota-over'), Date.now() + 2_000)).observation.kind).toBe('succeeded');
  });
});
