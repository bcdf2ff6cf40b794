import { BehaviorSubject, Subject, defer, of, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { pollWhileActive, type CycleOutcome } from '../../../src/services/flexDeployment/pollWhileActive';

function scheduler() {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('pollWhileActive', () => {
  it('polls at once, then every interval after the previous cycle ended, only while active', () => {
    scheduler().run(({ cold, hot, expectObservable }) => {
      const active$ = hot('a 99ms b 9ms a', { a: true, b: false });
      let cycles = 0;
      const cycle = (): Observable<CycleOutcome> => defer(() => cold('5ms (x|)', { x: { n: ++cycles } as CycleOutcome }));
      const out = pollWhileActive({ active$, cycle, intervalMs: () => 30, wake$: new Subject(), onError: () => undefined });
      // cycles end at 5, 40, 75 (each 5 ms long, then 30 ms apart); inactive at 100; active again at 110 → 115, 150
      expectObservable(out, '^ 150ms !').toBe('5ms a 34ms b 34ms c 39ms d 34ms e', { a: { n: 1 }, b: { n: 2 }, c: { n: 3 }, d: { n: 4 }, e: { n: 5 } });
    });
  });

  it('waits at least Retry-After, and goes on after a failing cycle', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const active$ = new BehaviorSubject(true);
      const script = [cold('(x|)', { x: { retryAfterMs: 100 } }), cold('#', undefined, new Error('ARM down')), cold('(y|)', { y: {} })];
      let i = 0;
      const errors: unknown[] = [];
      const out = pollWhileActive({
        active$,
        cycle: () => defer(() => script[Math.min(i++, 2)]!),
        intervalMs: () => 10,
        wake$: new Subject(),
        onError: (e) => void errors.push(e),
      });
      expectObservable(out, '^ 125ms !').toBe('a 99ms b 9ms c 9ms d', { a: { retryAfterMs: 100 }, b: {}, c: {}, d: {} });
    });
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
