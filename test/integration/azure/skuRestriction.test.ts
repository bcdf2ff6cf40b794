import { describe, expect, it } from 'vitest';
import { SANDBOX_SUBSCRIPTIONS } from '../../../sandbox';
import { SKU_NOT_OFFERED_REASON } from '../../../sandbox/flexibleServers/capabilities';
import { armRequest } from '../sandbox/sandboxTestKit';
import { createRequest, readUntilEnded, startDeployment, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

const SIZE = 'Standard_D4ads_v5';
const generalPurpose = (serverName: string, location: string) => createRequest(serverName, { tier: 'GeneralPurpose', skuName: SIZE, storageSizeGB: 64, location });
const [FIRST, SECOND] = SANDBOX_SUBSCRIPTIONS.map((s) => s.subscriptionId);
const capabilitiesPath = (subscriptionId: string, location: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/${location}/capabilities?api-version=2025-08-01`;

async function deploy(serverName: string, location: string) {
  const ref = await startDeployment(h.services, generalPurpose(serverName, location), Date.now());
  return (await readUntilEnded(h.services, ref)).observation;
}

const offersSize = async (subscriptionId: string, location: string) =>
  (await h.services.catalog.getCapabilities(subscriptionId, location)).tiers.find((t) => t.tier === 'GeneralPurpose')?.skus.some((s) => s.name === SIZE);

describe("the sandbox's compute sizes a location does not give a subscription, through the real SDK", () => {
  it('listed (out of capacity): the capabilities still offer it, and a deployment of it fails with SkuNotAvailable', async () => {
    h.sandbox.control.restrictSku({ location: 'eastus', skuName: SIZE, listed: true, subscriptionId: FIRST });
    expect(await offersSize(FIRST, 'eastus')).toBe(true);
    const refused = await deploy('pg-size-refused', 'eastus');
    expect(refused).toMatchObject({ kind: 'failed', error: { code: 'SkuNotAvailable' } });
    if (refused.kind !== 'failed') return;
    expect(refused.error.chain?.map((e) => e.code)).toEqual(['DeploymentFailed', 'ResourceDeploymentFailure', 'SkuNotAvailable']);
    expect(refused.error.message).toBe(`The requested compute size '${SIZE}' is currently not available in location 'eastus' for subscription '${FIRST}'. Please try another size or deploy to a different location.`);
    // Elsewhere the same size deploys.
    expect((await deploy('pg-size-elsewhere', 'westus2')).kind).toBe('succeeded');
  });

  it('not listed: the capabilities list it Disabled with a reason, which the catalog leaves out; only in that subscription and location', async () => {
    const answer = await armRequest(h.sandbox, 'PUT', '/_sandbox/skuRestriction', { body: { location: 'West US 2', skuName: SIZE.toLowerCase(), listed: false, subscriptionId: FIRST }, token: null });
    expect(answer.status).toBe(204);
    const raw = await armRequest(h.sandbox, 'GET', capabilitiesPath(FIRST, 'westus2'));
    const generalPurposeSkus = (raw.body as { value: { supportedServerEditions: { name: string; supportedServerSkus: Record<string, unknown>[] }[] }[] }).value[0].supportedServerEditions.find((e) => e.name === 'GeneralPurpose')!.supportedServerSkus;
    expect(generalPurposeSkus.find((s) => s.name === SIZE)).toMatchObject({ status: 'Disabled', reason: SKU_NOT_OFFERED_REASON });
    expect(generalPurposeSkus.filter((s) => s.status === 'Disabled')).toHaveLength(1);
    expect(await offersSize(FIRST, 'westus2')).toBe(false);
    expect(await offersSize(FIRST, 'eastus')).toBe(true);
    expect(await offersSize(SECOND, 'westus2')).toBe(true);
    expect(await deploy('pg-size-unlisted', 'westus2')).toMatchObject({ kind: 'failed', error: { code: 'SkuNotAvailable' } });
  });

  it('refuses a malformed restriction with 400; with no subscription named it holds in each; reset lifts it', async () => {
    for (const body of [{ location: 'eastus', skuName: SIZE }, { location: '', skuName: SIZE, listed: true }, { location: 'eastus', skuName: SIZE, listed: true, extra: 1 }]) {
      expect((await armRequest(h.sandbox, 'PUT', '/_sandbox/skuRestriction', { body, token: null })).status).toBe(400);
    }
    h.sandbox.control.restrictSku({ location: 'eastus', skuName: SIZE, listed: false });
    expect(await offersSize(FIRST, 'eastus')).toBe(false);
    expect(await offersSize(SECOND, 'eastus')).toBe(false);
    h.sandbox.control.reset();
    expect(await offersSize(FIRST, 'eastus')).toBe(true);
    expect((await deploy('pg-size-after-reset', 'eastus')).kind).toBe('succeeded');
  });
});
