import {
  EMPTY,
  asyncScheduler,
  catchError,
  defer,
  distinctUntilChanged,
  ignoreElements,
  map,
  merge,
  of,
  race,
  repeat,
  switchMap,
  take,
  tap,
  timer,
  type Observable,
  type SchedulerLike,
} from 'rxjs';

/** However the interval is set or whatever wakes the loop, ARM is never read more often than this. */
export const MIN_POLL_INTERVAL_MS = 5_000;

export interface CycleOutcome {
  /** ARM asked for at least this long before the next read. */
  retryAfterMs?: number;
}

export interface PollOptions {
  /** True while at least one deployment needs reading; false tears every timer down. */
  active$: Observable<boolean>;
  /** One poll cycle. It may fail: the error is reported and the loop goes on. */
  cycle: () => Observable<CycleOutcome>;
  intervalMs: () => number;
  /** Starts the next cycle early (e.g. after the user signs in again), within the floor and Retry-After. */
  wake$: Observable<unknown>;
  onError: (error: unknown) => void;
  scheduler?: SchedulerLike;
}

/**
 * Polls only while something is active: the first cycle at once, then on a fixed cadence measured
 * start to start (a slow cycle does not push the next one back by its own length; cycles never
 * overlap), never sooner than MIN_POLL_INTERVAL_MS after the previous start and never before ARM's
 * Retry-After has passed — a wake-up included. A wake-up that comes while a cycle runs is kept for
 * after it: the user who signs in during a read that failed for want of a session is read for.
 *
 * @example
 * pollWhileActive({ active$, cycle: () => defer(() => readAll()), intervalMs: () => 15_000, wake$, onError })
 *   .pipe(takeUntil(disposed$)).subscribe();
 */
export function pollWhileActive(options: PollOptions): Observable<CycleOutcome> {
  const { active$, cycle, intervalMs, wake$, onError, scheduler } = options;
  const now = () => (scheduler ?? asyncScheduler).now();
  return active$.pipe(
    distinctUntilChanged(),
    switchMap((active) => {
      if (!active) return EMPTY;
      let next = 0;
      let earliest = 0;
      // Stryker disable next-line BooleanLiteral: each cycle resets it before it is first read
      let woken = false;
      const wakes = wake$.pipe(
        tap(() => (woken = true)),
        ignoreElements(),
      );
      const cycles = defer(() => {
        woken = false;
        const startedAt = now();
        return defer(cycle).pipe(
          catchError((error: unknown) => {
            onError(error);
            return of<CycleOutcome>({});
          }),
          tap((outcome) => {
            const endedAt = now();
            const retryUntil = endedAt + safeDelay(outcome.retryAfterMs ?? 0);
            earliest = Math.max(startedAt + MIN_POLL_INTERVAL_MS, retryUntil);
            next = Math.max(startedAt + Math.max(MIN_POLL_INTERVAL_MS, safeDelay(intervalMs())), earliest);
          }),
        );
      }).pipe(
        repeat({
          delay: () => {
            const soonest = () => timer(Math.max(0, earliest - now()), scheduler);
            if (woken) return soonest();
            return race(timer(Math.max(0, next - now()), scheduler), wake$.pipe(take(1), switchMap(soonest))).pipe(map(() => undefined));
          },
        }),
      );
      return merge(cycles, wakes);
    }),
  );
}

/** A delay from settings or headers: NaN, negative or infinite values cannot speed polling up. */
function safeDelay(ms: number): number {
  return Number.isFinite(ms) ? Math.max(0, ms) : 0;
}
