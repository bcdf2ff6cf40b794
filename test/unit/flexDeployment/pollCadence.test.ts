import { describe, expect, it, vi } from 'vitest';
import type { DeploymentStateName } from '../../../machines/flexDeployment/deploymentStates';
import { toRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { PollCadence } from '../../../src/services/flexDeployment/pollCadence';
import { stagedContext } from '../../../src/services/flexDeployment/stageDeployment';
import { TrackedRecords } from '../../../src/services/flexDeployment/trackedRecords';
import { settledRecord, type SettledAs } from '../../support/settledRecords';
import { createRequest } from '../../support/trackerFakes';

/** The tracker's poll delay from its records: how long deployments like the ones building took before. */

const INTERVAL = 15_000;
const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 3, 12);

function live(stagingId: string, state: DeploymentStateName, elapsedMs: number, request = {}) {
  return toRecord(state, stagedContext(createRequest({ serverName: `live-${stagingId}`, ...request }), { stagingId, deploymentName: `pgflex-live-${stagingId}` }, NOW - elapsedMs));
}

function withHistory(count: number, as: Omit<SettledAs, 'at'>, prefix = 'past') {
  const records = new TrackedRecords();
  for (let i = 0; i < count; i++) records.set(settledRecord(`${prefix}-${i}`, { at: NOW - 86_400_000 - i * MINUTE, ...as }));
  return records;
}

describe('PollCadence', () => {
  it('past its first minute, a deployment is read every four intervals until it has run as long as the quickest like it', () => {
    const records = withHistory(5, { durationMs: 10 * MINUTE });
    records.set(live('a', 'deploying', 2 * MINUTE));
    const cadence = new PollCadence(records);
    expect(cadence.delayMs(NOW, INTERVAL)).toBe(4 * INTERVAL);
    expect(cadence.delayMs(NOW + 7 * MINUTE, INTERVAL)).toBe(MINUTE);
    expect(cadence.delayMs(NOW + 7.5 * MINUTE, INTERVAL)).toBe(30_000);
    expect(cadence.delayMs(NOW + 8 * MINUTE, INTERVAL)).toBe(INTERVAL);
  });

  it('goes by the quickest of its own region and tier only: another may be quicker', () => {
    const records = withHistory(5, { durationMs: 10 * MINUTE, request: { location: 'East US', tier: 'GeneralPurpose' } });
    for (let i = 0; i < 5; i++) records.set(settledRecord(`quick-${i}`, { at: NOW - 86_400_000, durationMs: 3 * MINUTE, request: { location: 'eastus', tier: 'Burstable' } }));
    records.set(live('a', 'deploying', 7 * MINUTE, { location: 'eastus', tier: 'GeneralPurpose' }));
    const cadence = new PollCadence(records);
    expect(cadence.delayMs(NOW, INTERVAL)).toBe(4 * INTERVAL);
    records.set(live('b', 'deploying', 2 * MINUTE, { location: 'westeurope', tier: 'GeneralPurpose' }));
    expect(cadence.delayMs(NOW, INTERVAL)).toBe(INTERVAL);
  });

  it('reads at the interval with too little history, failures not counted, or when something else is read', () => {
    const records = withHistory(4, { durationMs: 10 * MINUTE });
    for (let i = 0; i < 3; i++) records.set(settledRecord(`failed-${i}`, { at: NOW - 86_400_000, durationMs: 10 * MINUTE, failed: true }));
    records.set(live('a', 'deploying', 2 * MINUTE));
    const cadence = new PollCadence(records);
    expect(cadence.delayMs(NOW, INTERVAL)).toBe(INTERVAL);
    records.set(settledRecord('fifth', { at: NOW - 86_400_000, durationMs: 10 * MINUTE }));
    expect(cadence.delayMs(NOW, INTERVAL)).toBe(4 * INTERVAL);
    records.set(live('b', 'cancelling', 2 * MINUTE));
    expect(cadence.delayMs(NOW, INTERVAL)).toBe(INTERVAL);
  });

  it('a deployment that only owes its profile is not read: it does not bring the cadence back to the interval', () => {
    const records = withHistory(5, { durationMs: 10 * MINUTE });
    records.set(live('a', 'deploying', 2 * MINUTE));
    records.set(live('owed', 'succeeded.creatingProfile', 12 * MINUTE));
    expect(records.unfinished().map((r) => r.stagingId)).toContain('owed');
    expect(new PollCadence(records).delayMs(NOW, INTERVAL)).toBe(4 * INTERVAL);
  });

  it('reads a deployment waiting to be sent again when its wait ends, not up to an interval later, and at the interval otherwise', () => {
    const records = withHistory(5, { durationMs: 10 * MINUTE });
    const waiting = live('a', 'retryingTransient', 2 * MINUTE);
    records.set({ ...waiting, transientRetry: { failedAttempts: 1, error: { code: 'InternalServerError', message: 'x' }, retryAt: NOW + 4_000 } });
    const cadence = new PollCadence(records);
    expect(cadence.delayMs(NOW, INTERVAL)).toBe(4_000);
    expect(cadence.delayMs(NOW - 20_000, INTERVAL)).toBe(INTERVAL);
  });

  it('gathers the history once per change to it, not once per cycle', () => {
    const records = withHistory(5, { durationMs: 10 * MINUTE });
    records.set(live('a', 'deploying', 2 * MINUTE));
    const cadence = new PollCadence(records);
    const reads = vi.spyOn(records, 'all');
    for (let cycle = 0; cycle < 10; cycle++) cadence.delayMs(NOW, INTERVAL);
    expect(reads).toHaveBeenCalledTimes(1);
    const later = NOW + 1.5 * MINUTE;
    records.set(settledRecord('quicker', { at: NOW - 86_400_000, durationMs: 4 * MINUTE }));
    expect(cadence.delayMs(later, INTERVAL)).toBe(30_000);
    records.delete('quicker');
    expect(cadence.delayMs(later, INTERVAL)).toBe(4 * INTERVAL);
    expect(reads).toHaveBeenCalledTimes(3);
  });

  it('reads nothing of the history while nothing builds', () => {
    const records = withHistory(5, { durationMs: 10 * MINUTE });
    const reads = vi.spyOn(records, 'all');
    expect(new PollCadence(records).delayMs(NOW, INTERVAL)).toBe(INTERVAL);
    expect(reads).not.toHaveBeenCalled();
  });
});
