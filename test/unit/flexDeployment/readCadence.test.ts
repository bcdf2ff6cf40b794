import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLY_FAILURES_MS, SPARSE_INTERVALS, TRUSTED_SAMPLE, nextReadDelayMs, trustedQuickestMs, withSuccess, type BuildingDeployment } from '../../../machines/flexDeployment/readCadence';

const INTERVAL = 15_000;
const MINUTE = 60_000;

const building = fc.record(
  { elapsedMs: fc.integer({ min: 0, max: 90 * MINUTE }), quickestMs: fc.option(fc.integer({ min: 0, max: 90 * MINUTE }), { nil: undefined }) },
  { requiredKeys: ['elapsedMs'] },
);
const interval = fc.integer({ min: 1, max: 10 * MINUTE });

describe('nextReadDelayMs', () => {
  it('reads at the interval while any deployment could end or something else is read; never less often than SPARSE_INTERVALS intervals', () => {
    fc.assert(
      fc.property(fc.array(building, { maxLength: 8 }), fc.boolean(), interval, (deployments, othersRead, intervalMs) => {
        const delay = nextReadDelayMs(deployments, othersRead, intervalMs);
        const anyCouldEnd = deployments.some((d) => d.quickestMs === undefined || d.elapsedMs < EARLY_FAILURES_MS || d.quickestMs - d.elapsedMs <= intervalMs);
        if (othersRead || deployments.length === 0 || anyCouldEnd) expect(delay).toBe(intervalMs);
        expect(delay).toBeGreaterThanOrEqual(intervalMs);
        expect(delay).toBeLessThanOrEqual(SPARSE_INTERVALS * intervalMs);
      }),
    );
  });

  it('never reads a deployment later than the instant the quickest like it ended, unless that is within an interval', () => {
    fc.assert(
      fc.property(fc.array(building, { minLength: 1, maxLength: 8 }), interval, (deployments, intervalMs) => {
        const delay = nextReadDelayMs(deployments, false, intervalMs);
        for (const d of deployments) {
          if (d.quickestMs !== undefined) expect(d.elapsedMs + delay).toBeLessThanOrEqual(Math.max(d.quickestMs, d.elapsedMs + intervalMs));
        }
      }),
    );
  });

  it('between its first minute and the quickest end like it: every four intervals, then at that end', () => {
    const far: BuildingDeployment = { elapsedMs: EARLY_FAILURES_MS, quickestMs: 10 * MINUTE };
    expect(nextReadDelayMs([far], false, INTERVAL)).toBe(4 * INTERVAL);
    expect(nextReadDelayMs([{ ...far, elapsedMs: 10 * MINUTE - 50_000 }], false, INTERVAL)).toBe(50_000);
    expect(nextReadDelayMs([{ ...far, elapsedMs: EARLY_FAILURES_MS - 1 }], false, INTERVAL)).toBe(INTERVAL);
    expect(nextReadDelayMs([far, { elapsedMs: 9 * MINUTE, quickestMs: 10 * MINUTE }], false, INTERVAL)).toBe(4 * INTERVAL);
    expect(nextReadDelayMs([far, { elapsedMs: 9.5 * MINUTE, quickestMs: 10 * MINUTE }], false, INTERVAL)).toBe(30_000);
  });
});

describe('the pace of past successes', () => {
  it('is the quickest of them, trusted from TRUSTED_SAMPLE successes on', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 90 * MINUTE }), { maxLength: 12 }), (durations) => {
        const pace = durations.reduce<ReturnType<typeof withSuccess> | undefined>((p, d) => withSuccess(p, d), undefined);
        expect(pace?.count ?? 0).toBe(durations.length);
        expect(trustedQuickestMs(pace)).toBe(durations.length >= TRUSTED_SAMPLE ? Math.min(...durations) : undefined);
      }),
    );
  });
});
