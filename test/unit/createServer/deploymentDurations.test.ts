import { describe, expect, it } from 'vitest';
import {
  estimateDuration,
  LONGER_THAN_USUAL_AFTER_MS,
  percentile,
  progressTiming,
  type PastDeployment,
} from '../../../machines/flexDeployment/deploymentDurations';

const MIN = 60_000;

function success(minutes: number, location = 'eastus', tier = 'Burstable'): PastDeployment {
  return { status: 'succeeded', createdAt: 1_000, terminalAt: 1_000 + minutes * MIN, location, tier };
}

describe('estimateDuration', () => {
  it('gives no estimate without successful history', () => {
    expect(estimateDuration([], { location: 'eastus', tier: 'Burstable' })).toBeUndefined();
    const failedOnly: PastDeployment[] = [{ status: 'failed', createdAt: 0, terminalAt: 5 * MIN, location: 'eastus' }];
    expect(estimateDuration(failedOnly, { location: 'eastus', tier: 'Burstable' })).toBeUndefined();
  });

  it('uses the median of the same region and tier, however ARM spelt the region, when there are some', () => {
    const history = [success(4, 'East US'), success(6), success(8, 'EastUS'), success(30, 'westeurope'), success(50, 'eastus', 'GeneralPurpose')];
    const estimate = estimateDuration(history, { location: 'East US', tier: 'Burstable' });
    expect(estimate).toMatchObject({ medianMs: 6 * MIN, sampleSize: 3, scope: 'sameRegionAndTier' });
  });

  it('sorts the history before taking its median and 90th percentile', () => {
    const history = [success(8), success(2), success(6), success(4), success(10)];
    expect(estimateDuration(history, { location: 'eastus', tier: 'Burstable' })).toMatchObject({ medianMs: 6 * MIN, p90Ms: 9.2 * MIN });
  });

  it('narrows to nothing alike when the tier is unknown', () => {
    const history: PastDeployment[] = [{ ...success(4), tier: undefined }, success(10, 'westeurope')];
    expect(estimateDuration(history, { location: 'eastus' })).toMatchObject({ sampleSize: 2, scope: 'allDeployments' });
  });

  it('falls back to every success when none matches region and tier', () => {
    const history = [success(4, 'westeurope'), success(10, 'northeurope', 'GeneralPurpose')];
    const estimate = estimateDuration(history, { location: 'eastus', tier: 'Burstable' });
    expect(estimate).toMatchObject({ medianMs: 7 * MIN, sampleSize: 2, scope: 'allDeployments' });
  });

  it('ignores records still running and those without a terminal time', () => {
    const history: PastDeployment[] = [success(5), { status: 'deploying', createdAt: 0, location: 'eastus', tier: 'Burstable' }];
    expect(estimateDuration(history, { location: 'eastus', tier: 'Burstable' })?.sampleSize).toBe(1);
  });

  it('ignores a success that ended before it started (the clock was set back), not one that took no time', () => {
    const history = [success(5), success(-3), success(0)];
    expect(estimateDuration(history, { location: 'eastus', tier: 'Burstable' })).toMatchObject({ sampleSize: 2, medianMs: 2.5 * MIN });
  });
});

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBe(91);
    expect(percentile([7], 90)).toBe(7);
  });

  it('refuses an empty sample', () => {
    expect(() => percentile([], 50)).toThrow(new RangeError('percentile of an empty sample'));
  });
});

describe('progressTiming', () => {
  const estimate = { medianMs: 6 * MIN, p90Ms: 8 * MIN, sampleSize: 5, scope: 'sameRegionAndTier' as const };

  it('counts down from the median', () => {
    expect(progressTiming(2 * MIN, 0, estimate)).toEqual({ elapsedMs: 2 * MIN, remainingMs: 4 * MIN, takingLonger: false });
  });

  it('counts from the start, and no time before it', () => {
    const startedAt = 100 * MIN;
    expect(progressTiming(startedAt + 2 * MIN, startedAt, estimate).elapsedMs).toBe(2 * MIN);
    expect(progressTiming(startedAt - MIN, startedAt, estimate).elapsedMs).toBe(0);
  });

  it('has no remaining time without an estimate', () => {
    expect(progressTiming(2 * MIN, 0, undefined).remainingMs).toBeUndefined();
  });

  it('says it takes longer past the 90th percentile of history', () => {
    expect(progressTiming(8 * MIN + 1, 0, estimate)).toMatchObject({ remainingMs: 0, takingLonger: true });
    expect(progressTiming(8 * MIN, 0, estimate).takingLonger).toBe(false);
  });

  it('says it takes longer after ten minutes even when history is slower', () => {
    const slow = { ...estimate, medianMs: 20 * MIN, p90Ms: 30 * MIN };
    expect(progressTiming(LONGER_THAN_USUAL_AFTER_MS, 0, slow).takingLonger).toBe(false);
    expect(progressTiming(LONGER_THAN_USUAL_AFTER_MS + 1, 0, slow).takingLonger).toBe(true);
    expect(progressTiming(LONGER_THAN_USUAL_AFTER_MS + 1, 0, undefined).takingLonger).toBe(true);
  });
});
