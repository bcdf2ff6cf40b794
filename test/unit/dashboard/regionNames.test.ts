import { describe, expect, it } from 'vitest';
import { createRegionNames } from '../../../src/dashboard/regionNames';

const LOCATIONS = [
  { name: 'westeurope', displayName: 'West Europe' },
  { name: 'eastus', displayName: 'East US' },
];

describe("a region's display name", () => {
  it('comes from one location list read per subscription, however ARM spells the name', async () => {
    const reads: string[] = [];
    const regions = createRegionNames(async (subscriptionId) => {
      reads.push(subscriptionId);
      return LOCATIONS;
    });
    expect(await regions.displayName('sub-1', 'westeurope')).toBe('West Europe');
    expect(await regions.displayName('SUB-1', 'East US')).toBe('East US');
    expect(await regions.displayName('sub-1', 'mars')).toBeUndefined();
    expect(reads).toEqual(['sub-1']);
    await regions.displayName('sub-2', 'eastus');
    expect(reads).toEqual(['sub-1', 'sub-2']);
  });

  it('is unknown while the list cannot be read, and read again on the next ask', async () => {
    let fail = true;
    let reads = 0;
    const regions = createRegionNames(async () => {
      reads++;
      if (fail) throw new Error('ARM unavailable');
      return LOCATIONS;
    });
    expect(await regions.displayName('sub-1', 'westeurope')).toBeUndefined();
    fail = false;
    expect(await regions.displayName('sub-1', 'westeurope')).toBe('West Europe');
    expect(reads).toBe(2);
  });
});
