import {
  EMPTY,
  catchError,
  defer,
  distinctUntilChanged,
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
  /** Starts the next cycle early (e.g. after the user signs in again). */
  wake$: Observable<unknown>;
  onError: (error: unknown) => void;
  scheduler?: SchedulerLike;
}

/**
 * Polls only while something is active: the first cycle at once, the next one an interval after
 * the previous one *ended* (so cycles never overlap), never sooner than ARM's Retry-After.
 *
 * @example
 * pollWhileActive({ active$, cycle: () => defer(() => readAll()), intervalMs: () => 15_000, wake$, onError })
 *   .pipe(takeUntil(disposed$)).subscribe();
 */
export function pollWhileActive(options: PollOptions): Observable<CycleOutcome> {
  const { active$, cycle, intervalMs, wake$, onError, scheduler } = options;
  return active$.pipe(
    distinctUntilChanged(),
    switchMap((active) => {
      if (!active) return EMPTY;
      let wait = intervalMs();
      return defer(cycle).pipe(
        catchError((error: unknown) => {
          onError(error);
          return of<CycleOutcome>({});
        }),
        tap((outcome) => {
          wait = Math.max(intervalMs(), outcome.retryAfterMs ?? 0);
        }),
        repeat({ delay: () => race(timer(wait, scheduler), wake$.pipe(take(1))) }),
      );
    }),
  );
}
