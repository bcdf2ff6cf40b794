import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offeredStorageTiers } from '../../../machines/flexDeployment/offeredOptions';
import { validateCreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { fitToSize, initialValues, toRequestInput, type FormCatalog, type FormValues } from '../../../webview-ui/createServer/formValues';
import { reviewSummary } from '../../../webview-ui/createServer/reviewSummary';
import { flexCapabilities } from '../../support/flexCapabilities';

const capabilities = flexCapabilities('eastus');
const catalog: FormCatalog = {
  subscriptions: [{ subscriptionId: 'sub-1', tenantId: 'tenant-1', displayName: 'Dev' }],
  resourceGroups: [{ name: 'rg-one', location: 'eastus' }],
  locations: [{ name: 'eastus', displayName: 'East US' }],
  capabilities,
};
const form: FormValues = {
  ...initialValues(undefined),
  subscriptionId: 'sub-1',
  resourceGroupName: 'rg-one',
  serverName: 'pg-tiers',
  location: 'eastus',
  version: '17',
  tier: 'GeneralPurpose',
  skuName: 'Standard_D4ads_v5',
  storageSizeGB: '64',
  adminLogin: 'pgadmin',
  adminPassword: 'S3cret!pass',
  confirmPassword: 'S3cret!pass',
};
const tiersOf = (gb: string) => offeredStorageTiers(capabilities, 'GeneralPurpose', Number(gb))!.tiers.map((t) => t.name);

describe('the storage tier in the form', () => {
  it('across any storage size changes: a chosen tier stays while the size offers it, else the size’s default', () => {
    const sizes = fc.constantFrom('64', '128');
    fc.assert(
      fc.property(sizes, fc.array(fc.tuple(sizes, fc.option(fc.constantFrom('P6', 'P10', 'P30', 'P50'), { nil: undefined }))), (first, steps) => {
        let values = fitToSize({ ...form, storageSizeGB: first }, capabilities);
        for (const [storageSizeGB, chosen] of steps) {
          const previous = values.storageTier;
          const next = fitToSize({ ...values, storageSizeGB, ...(chosen ? { storageTier: chosen } : {}) }, capabilities);
          const wanted = chosen ?? previous;
          expect(next.storageTier).toBe(tiersOf(storageSizeGB).includes(wanted) ? wanted : '');
          values = next;
        }
      }),
    );
  });

  it('the request names the size’s default tier until another is chosen, and validates', () => {
    const request = toRequestInput(fitToSize({ ...form, storageSizeGB: '128' }, capabilities), catalog);
    expect(request.storageTier).toBe('P10');
    expect(toRequestInput({ ...form, storageSizeGB: '128', storageTier: 'P30' }, catalog).storageTier).toBe('P30');
    expect(validateCreateServerRequest(request).ok).toBe(true);
    // Without capabilities (or tiers for the size) the request leaves the tier to Azure.
    expect(toRequestInput(form, { ...catalog, capabilities: undefined }).storageTier).toBeUndefined();
  });

  it('the review names the tier with its IOPS', () => {
    const result = validateCreateServerRequest(toRequestInput({ ...form, storageSizeGB: '128', storageTier: 'P30' }, catalog));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const lines = reviewSummary(result.request, catalog).flatMap((s) => s.lines);
    expect(lines).toContainEqual({ label: 'Storage performance tier', value: 'P30 (5,000 IOPS)' });
    const { storageTier: _none, ...older } = result.request;
    expect(reviewSummary(older, catalog).flatMap((s) => s.lines)).toContainEqual({ label: 'Storage performance tier', value: "The size's default" });
  });
});
