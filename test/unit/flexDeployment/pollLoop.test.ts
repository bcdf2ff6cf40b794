import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeploymentJournal } from '../../../src/services/flexDeployment/deploymentJournal';
import { MACHINE_POLLER_LEASE } from '../../../src/services/flexDeployment/machinePoller';
import { until, useFakePollTime } from '../../support/fakeTime';
import { settledRecord } from '../../support/settledRecords';
import { createRequest } from '../../support/trackerFakes';
import { type SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';

// The tracker's own poll loop, in fake time: the harness's default interval is 15 s.
const INTERVAL_MS = 15_000;
const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => {
  world = setup.world;
  useFakePollTime();
});
afterEach(() => void vi.useRealTimers());

/** When each ARM read began, in fake time. */
function readTimes(): number[] {
  const times: number[] = [];
  const read = world.reader.read.bind(world.reader);
  world.reader.read = (refs) => {
    times.push(Date.now());
    return read(refs);
  };
  return times;
}

describe('the tracker’s poll loop', () => {
  it("waits out ARM's Retry-After when it is longer than the interval", async () => {
    const { tracker } = await setup.window({ polling: true });
    const readAt = readTimes();
    world.reader.retryAfterMs = 4 * INTERVAL_MS;
    await tracker.create(createRequest());
    await until(() => readAt.length === 2, { stepMs: 1_000, forMs: 10 * INTERVAL_MS });
    expect(readAt[1] - readAt[0]).toBeGreaterThanOrEqual(4 * INTERVAL_MS);
  });

  it('reads once per interval however many times polling is started', async () => {
    const { tracker } = await setup.window({ polling: true });
    const readAt = readTimes();
    tracker.startPolling();
    await tracker.create(createRequest());
    await until(() => readAt.length === 2, { stepMs: 1_000, forMs: 10 * INTERVAL_MS });
    expect(readAt[1] - readAt[0]).toBeGreaterThanOrEqual(INTERVAL_MS);
  });

  it('reads nothing once stopped, and again once started', async () => {
    const { tracker } = await setup.window({ polling: true });
    tracker.stopPolling();
    await tracker.create(createRequest());
    await vi.advanceTimersByTimeAsync(2 * INTERVAL_MS);
    expect(world.reader.reads).toHaveLength(0);
    tracker.startPolling();
    await until(() => world.reader.reads.length === 1);
  });

  it("gives up being the machine's poller once nothing is left to read", async () => {
    const { tracker, leases } = await setup.window({ polling: true });
    const id = await tracker.create(createRequest());
    await until(() => world.reader.reads.length === 1);
    expect(leases.holds(MACHINE_POLLER_LEASE)).toBe(true);
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' });
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    await until(() => tracker.getDeployment(id)?.context.status === 'succeeded');
    await until(() => !leases.holds(MACHINE_POLLER_LEASE));
  });

  it('logs a failed cycle with its cause and reads again at the next interval', async () => {
    const { tracker } = await setup.window({ polling: true });
    const read = world.reader.read.bind(world.reader);
    let failed = false;
    world.reader.read = (refs) => {
      if (failed) return read(refs);
      failed = true;
      return Promise.reject(new Error('ECONNRESET'));
    };
    await tracker.create(createRequest());
    await until(() => world.logs.includes('A poll cycle failed; the next one will try again: Error: ECONNRESET'));
    expect(world.reader.reads).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(INTERVAL_MS);
    await until(() => world.reader.reads.length === 1);
  });

  it('reads a building deployment every four intervals from its first minute until it has run as long as the quickest before it, then every interval', async () => {
    world.clock.now = () => Date.now();
    const past = Array.from({ length: 5 }, (_, i) => settledRecord(`past-${i}`, { at: Date.now() - (i + 2) * 86_400_000, durationMs: 5 * 60_000 }));
    await new DeploymentJournal(setup.storageDir, world.memento, { log: () => undefined, notices: world.notices, now: world.clock.now }).commit({ upserts: past });
    const { tracker } = await setup.window({ polling: true });
    const readAt = readTimes();
    const createdAt = Date.now();
    await tracker.create(createRequest());
    await until(() => readAt.length > 0 && readAt[readAt.length - 1] - createdAt > 340_000, { stepMs: 250, forMs: 8 * 60_000 });
    // Fake time creeps on while the journal's real I/O runs (more on a busy machine), so a read lands
    // within seconds of its instant: the gaps are judged by kind, not to the second.
    const gaps = readAt.slice(1).map((at, i) => ({ from: (readAt[i] - createdAt) / 1000, seconds: (at - readAt[i]) / 1000 }));
    const firstMinute = gaps.filter((g) => g.from < 55);
    const sparse = gaps.filter((g) => g.from > 70 && g.from < 230);
    const afterQuickest = gaps.filter((g) => g.from > 310);
    expect(firstMinute.length).toBeGreaterThanOrEqual(3);
    expect(firstMinute.every((g) => g.seconds < 25)).toBe(true);
    expect(sparse.length).toBeGreaterThanOrEqual(2);
    expect(sparse.every((g) => g.seconds > 45 && g.seconds < 70)).toBe(true);
    expect(afterQuickest.length).toBeGreaterThanOrEqual(2);
    expect(afterQuickest.every((g) => g.seconds < 25)).toBe(true);
    expect(gaps.every((g) => g.seconds < 70)).toBe(true);
    // Read near the instant the quickest success before it ended.
    expect(readAt.some((at) => Math.abs((at - createdAt) / 1000 - 300) < 12)).toBe(true);
  });
});
