import fc from 'fast-check';
import { BehaviorSubject, Subject, defer, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { MIN_POLL_INTERVAL_MS, pollWhileActive, type CycleOutcome } from '../../../src/services/flexDeployment/pollWhileActive';

function scheduler() {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

interface LoopScript {
  intervalMs: number;
  /** What each cycle answers, in turn (the last one repeats). */
  outcomes?: CycleOutcome[];
  cycleMs?: number;
  /** Virtual times at which the loop is woken. */
  wakes?: number[];
  forMs: number;
}

/** Runs the loop in virtual time and returns the times at which cycles started. */
function cycleStarts(script: LoopScript): number[] {
  const starts: number[] = [];
  const ts = scheduler();
  ts.run(({ cold, expectObservable }) => {
    const wake$ = new Subject<void>();
    for (const at of script.wakes ?? []) ts.schedule(() => wake$.next(), at);
    const outcomes = script.outcomes ?? [{}];
    const out = pollWhileActive({
      active$: new BehaviorSubject(true),
      cycle: () =>
        defer(() => {
          const outcome = outcomes[Math.min(starts.length, outcomes.length - 1)];
          starts.push(ts.now());
          return cold(`${script.cycleMs ?? 0}ms (x|)`, { x: outcome });
        }),
      intervalMs: () => script.intervalMs,
      wake$,
      onError: () => undefined,
    });
    expectObservable(out, `^ ${script.forMs}ms !`);
  });
  return starts;
}

const gaps = (starts: number[]) => starts.slice(1).map((s, i) => s - starts[i]);

describe('pollWhileActive', () => {
  it('runs cycles on a fixed cadence measured start to start, only while active', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const active$ = hot('a 39999ms b 9999ms a', { a: true, b: false });
      let cycles = 0;
      // Each cycle takes 5 s; the next one starts 15 s after the previous one started, not ended.
      const cycle = (): Observable<CycleOutcome> => defer(() => cold('5000ms (x|)', { x: { n: ++cycles } as CycleOutcome }));
      const out = pollWhileActive({ active$, cycle, intervalMs: () => 15_000, wake$: new Subject(), onError: () => undefined });
      // starts at 0, 15 s, 30 s; inactive at 40 s; active again at 50 s → starts at 50 s and 65 s
      expectObservable(out, '^ 71000ms !').toBe('5000ms a 14999ms b 14999ms c 19999ms d 14999ms e', {
        a: { n: 1 },
        b: { n: 2 },
        c: { n: 3 },
        d: { n: 4 },
        e: { n: 5 },
      });
    });
  });

  it('a cycle longer than the interval is followed at once, never overlapped', () => {
    expect(gaps(cycleStarts({ intervalMs: 15_000, cycleMs: 20_000, forMs: 70_000 }))).toEqual([20_000, 20_000, 20_000]);
  });

  it('waits at least Retry-After from the answer, and goes on after a failing cycle', () => {
    const errors: unknown[] = [];
    scheduler().run(({ cold, expectObservable }) => {
      const script = [cold('(x|)', { x: { retryAfterMs: 100_000 } }), cold('#', undefined, new Error('ARM down')), cold('(y|)', { y: {} })];
      let i = 0;
      const out = pollWhileActive({
        active$: new BehaviorSubject(true),
        cycle: () => defer(() => script[Math.min(i++, 2)]),
        intervalMs: () => 10_000,
        wake$: new Subject(),
        onError: (e) => void errors.push(e),
      });
      expectObservable(out, '^ 125000ms !').toBe('a 99999ms b 9999ms c 9999ms d', { a: { retryAfterMs: 100_000 }, b: {}, c: {}, d: {} });
    });
    expect(errors).toEqual([new Error('ARM down')]);
  });

  it('never starts cycles closer than the floor, whatever the interval setting says', () => {
    const badIntervals = fc.oneof(
      fc.constantFrom(Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, -15_000, 0),
      fc.integer({ min: 1, max: MIN_POLL_INTERVAL_MS - 1 }),
      fc.double({ max: MIN_POLL_INTERVAL_MS - 1, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(badIntervals, (intervalMs) => {
        const starts = cycleStarts({ intervalMs, forMs: 30_000 });
        expect(starts.length).toBe(7);
        expect(gaps(starts).every((g) => g === MIN_POLL_INTERVAL_MS)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('a wake-up starts the next cycle early, but not within the floor or Retry-After', () => {
    // Woken at 1 s (inside the floor) → waits for 5 s; woken at 20 s → at once (interval 60 s).
    expect(cycleStarts({ intervalMs: 60_000, wakes: [1_000, 20_000], forMs: 30_000 })).toEqual([0, 5_000, 20_000]);
    // Woken while a 3 s cycle runs: kept for after it, not lost until the interval.
    expect(cycleStarts({ intervalMs: 60_000, cycleMs: 3_000, wakes: [1_000], forMs: 20_000 })).toEqual([0, 5_000]);
    // Retry-After of 40 s: a wake-up at 10 s waits for it.
    expect(cycleStarts({ intervalMs: 60_000, outcomes: [{ retryAfterMs: 40_000 }, {}], wakes: [10_000], forMs: 50_000 })).toEqual([0, 40_000]);
  });

  it('leaves no timer behind when nothing is active', () => {
    const active$ = new BehaviorSubject(false);
    const sub = pollWhileActive({ active$, cycle: () => of({}), intervalMs: () => 15_000, wake$: new Subject(), onError: () => undefined }).subscribe();
    const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    active$.next(true);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(timers + 1);
    active$.next(false);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(timers);
    sub.unsubscribe();
  });
});
