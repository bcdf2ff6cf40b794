import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { RESOURCE_GROUP_EXISTS } from '../../../machines/flexDeployment/resourceGroupChoice';
import { chooseSubscriptionAndLocation, FakeCatalog, FakeLog, FakePanel, FakeTracker, openCreatePanel, settle, SUBSCRIPTION, validRequest } from './fakes';

/** The host accepts a create request only within what it offered the webview. */

const OTHER_SUBSCRIPTION = { subscriptionId: '00000000-0000-0000-0000-000000000002', tenantId: 'tenant-1', displayName: 'Prod' };

let tracker: FakeTracker;
let catalog: FakeCatalog;
let panel: FakePanel;

beforeEach(() => {
  tracker = new FakeTracker();
  catalog = new FakeCatalog();
  catalog.subscriptions = [SUBSCRIPTION, OTHER_SUBSCRIPTION];
  catalog.resourceGroups.set(OTHER_SUBSCRIPTION.subscriptionId, [{ name: 'rg-prod', location: 'westus' }]);
  catalog.locations = [{ name: 'eastus', displayName: 'East US' }, { name: 'westus', displayName: 'West US' }];
  panel = new FakePanel();
});

async function openFilledForm(): Promise<void> {
  await openCreatePanel({ tracker, catalog, log: new FakeLog(), panel });
  await chooseSubscriptionAndLocation(panel);
}

/** Submits and returns the field errors the host posted; asks that nothing was created and Azure was not asked. */
async function rejection(request: CreateServerRequest): Promise<Record<string, string[]>> {
  const calls = catalog.calls.length;
  panel.send({ type: 'form.submit', request });
  await settle();
  expect(tracker.created).toHaveLength(0);
  expect(catalog.calls.length).toBe(calls);
  const [rejected] = panel.ofType('form.rejected');
  expect(rejected).toBeDefined();
  return rejected.errors;
}

describe('the create panel accepts only what it offered', () => {
  it('refuses an existing resource group it never offered, without staging or asking Azure', async () => {
    await openFilledForm();
    expect(await rejection(validRequest({ resourceGroup: { name: 'rg-someone-else', isNew: false } }))).toEqual({
      'resourceGroup.name': ["Resource group 'rg-someone-else' is not one of this subscription's resource groups. Choose one from the list or create a new one."],
    });
  });

  it("refuses another subscription's resource group, and takes an offered one in any case", async () => {
    await openFilledForm();
    expect(Object.keys(await rejection(validRequest({ resourceGroup: { name: 'rg-prod', isNew: false } })))).toEqual(['resourceGroup.name']);
    panel.send({ type: 'form.submit', request: validRequest({ resourceGroup: { name: 'RG-Dev', isNew: false } }) });
    await settle();
    expect(tracker.created).toHaveLength(1);
  });

  it('refuses every resource group and location while it has offered none for the subscription', async () => {
    await openCreatePanel({ tracker, catalog, log: new FakeLog(), panel });
    panel.send({ type: 'form.locationSelected', subscriptionId: SUBSCRIPTION.subscriptionId, location: 'eastus' });
    await settle();
    expect(Object.keys(await rejection(validRequest()))).toEqual(['resourceGroup.name', 'location']);
  });

  it('refuses any existing resource group name that was not offered', async () => {
    await openFilledForm();
    const notOffered = fc.stringMatching(/^[-\w.()]{0,89}[-\w()]$/).filter((name) => name.toLowerCase() !== 'rg-dev');
    await fc.assert(
      fc.asyncProperty(notOffered, async (name) => {
        panel.posted.length = 0;
        const errors = await rejection(validRequest({ resourceGroup: { name, isNew: false } }));
        expect(Object.keys(errors)).toEqual(['resourceGroup.name']);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a new resource group named like an existing one, in any case, and creates one with a fresh name', async () => {
    await openFilledForm();
    expect(await rejection(validRequest({ resourceGroup: { name: 'RG-DEV', isNew: true, location: 'eastus' } }))).toEqual({
      'resourceGroup.name': [RESOURCE_GROUP_EXISTS],
    });
    panel.send({ type: 'form.submit', request: validRequest({ resourceGroup: { name: 'rg-fresh', isNew: true, location: 'eastus' } }) });
    await settle();
    expect(tracker.created.map((r) => r.resourceGroup)).toEqual([{ name: 'rg-fresh', isNew: true, location: 'eastus' }]);
  });

  it('refuses a location it did not offer, for the server and for a new resource group', async () => {
    await openFilledForm();
    expect(await rejection(validRequest({ location: 'mars', resourceGroup: { name: 'rg-new', isNew: true, location: 'moon' } }))).toEqual({
      'resourceGroup.location': ["Location 'moon' is not offered for this subscription: a new resource group needs one of its locations."],
      location: ["Location 'mars' is not offered for this subscription. Choose one from the list."],
    });
  });

  it('refuses a subscription it did not offer, or one offered under another tenant', async () => {
    await openFilledForm();
    const notOffered = { subscriptionId: ['Choose one of your Azure subscriptions.'] };
    expect(await rejection(validRequest({ subscriptionId: '00000000-0000-0000-0000-00000000dead' }))).toEqual(notOffered);
    expect(await rejection(validRequest({ tenantId: 'tenant-2' }))).toEqual(notOffered);
  });

  it('does not judge the location an existing resource group is sent with: the group has its own', async () => {
    await openFilledForm();
    panel.send({ type: 'form.submit', request: validRequest({ resourceGroup: { name: 'rg-dev', isNew: false, location: 'moon' } }) });
    await settle();
    expect(panel.ofType('form.rejected')).toEqual([]);
    expect(tracker.created).toHaveLength(1);
  });

  it('refuses an offered location whose capabilities it never sent', async () => {
    await openFilledForm();
    expect(await rejection(validRequest({ location: 'westus' }))).toEqual({
      version: ['What westus offers has not been read yet. Choose the location again.'],
    });
  });

  it.each([
    [{ version: '11' }, 'version', 'PostgreSQL 11 is not offered in eastus. Available versions: 16, 17.'],
    [{ tier: 'MemoryOptimized' as const }, 'tier', 'The MemoryOptimized compute tier is not offered in eastus. Available tiers: Burstable.'],
    [{ skuName: 'Standard_E96ds_v5' }, 'skuName', 'Compute size Standard_E96ds_v5 is not offered in the Burstable tier in eastus.'],
    [{ storageSizeGB: 16384 }, 'storageSizeGB', 'Storage size 16384 GiB is not offered in the Burstable tier in eastus. Available sizes (GiB): 32, 64.'],
    [{ highAvailability: { mode: 'SameZone' as const } }, 'highAvailability.mode', 'High availability is not offered in the Burstable tier. Choose General Purpose or Memory Optimized.'],
    [{ availabilityZone: '4' }, 'availabilityZone', 'Zone 4 is not offered for Standard_B1ms in eastus. Available zones: 1, 2, 3.'],
  ])('refuses %o, which the capabilities it sent do not list, on %s', async (change, field, message) => {
    await openFilledForm();
    expect(await rejection(validRequest(change))).toEqual({ [field]: [message] });
  });
});
