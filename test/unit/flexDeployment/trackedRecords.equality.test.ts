import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRecord, type DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { TrackedRecords } from '../../../src/services/flexDeployment/trackedRecords';
import { modelInput, T0 } from '../../support/deploymentModel';

/**
 * Another window's write read back is the same record in a new object: its keys may come in
 * another order, and JSON has dropped its undefined fields. Only a change may publish, since a
 * view that emits is what paces the progress panel's ARM reads.
 */

const deploying: DeploymentRecord = toRecord('deploying', {
  ...modelInput(),
  status: 'deploying',
  provisioningState: 'Running',
  lastCheckedAt: T0 + 60_000,
  effectError: undefined,
  audit: [...modelInput().audit, { at: T0 + 1000, event: 'arm.accepted', to: 'deploying' }],
});

/** The same value, undefined fields dropped, every object's keys in the order `order` gives (arrays keep theirs). */
function rebuilt(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => rebuilt(v, order));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const byKey = new Map(entries);
  return Object.fromEntries(order(entries.map(([k]) => k)).map((k) => [k, rebuilt(byKey.get(k), order)]));
}

describe('the records a window tracks', () => {
  it('take a record stored again unchanged as no change, whatever order its keys come in', () => {
    fc.assert(
      fc.property(fc.infiniteStream(fc.nat()), (numbers) => {
        const shuffled = (keys: string[]) =>
          keys.map((k) => [numbers.next().value as number, k] as const).sort(([a], [b]) => a - b).map(([, k]) => k);
        const records = new TrackedRecords();
        expect(records.set(deploying)).toBe(true);
        expect(records.set(rebuilt(deploying, (keys) => [...keys].reverse()) as DeploymentRecord)).toBe(false);
        expect(records.set(rebuilt(deploying, shuffled) as DeploymentRecord)).toBe(false);
      }),
    );
  });

  it('take any change as one, however deep', () => {
    const changes: Partial<DeploymentRecord>[] = [
      { provisioningState: 'Succeeded' },
      { lastCheckedAt: T0 + 120_000 },
      { connectionProfile: { ...deploying.connectionProfile, azureLocation: 'eastus' } },
      { audit: [...deploying.audit, { at: T0 + 60_000, event: 'user.cancel', to: 'cancelling' }] },
      { audit: [...deploying.audit].reverse() },
    ];
    for (const change of changes) {
      const records = new TrackedRecords();
      records.set(deploying);
      expect(records.set({ ...deploying, ...change })).toBe(true);
      expect(records.get(deploying.stagingId)).toMatchObject(change);
    }
  });
});
