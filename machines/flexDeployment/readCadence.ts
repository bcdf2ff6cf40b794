/**
 * When ARM needs reading next, from how long deployments like these took here before: at the
 * interval while any of them could end, less often while none could yet. A deployment could end
 * in its first minute (most failures come then), once it has run as long as the quickest success
 * like it, and at any time when there is too little history to say; until then it is read at
 * least every SPARSE_INTERVALS intervals, and once more at the instant the quickest one ended.
 */

/** Most failures ARM reports after accepting a deployment (quota, conflicts, policy) come this soon. */
export const EARLY_FAILURES_MS = 60_000;
/** However quick the history, a building deployment is read at least this many intervals apart. */
export const SPARSE_INTERVALS = 4;
/** Fewer past successes than this say too little about the quickest one. */
export const TRUSTED_SAMPLE = 5;

export interface BuildingDeployment {
  elapsedMs: number;
  /** The quickest success like it (same region and tier, else any); undefined without enough history. */
  quickestMs?: number;
}

/**
 * The delay before the next read, for deployments ARM is building. Anything else being read (a
 * start to confirm, a cancel to follow) is read at the interval, and so is a deployment of
 * unknown pace.
 */
export function nextReadDelayMs(building: readonly BuildingDeployment[], othersRead: boolean, intervalMs: number): number {
  if (othersRead || building.length === 0) return intervalMs;
  return Math.min(...building.map((d) => delayFor(d, intervalMs)));
}

function delayFor({ elapsedMs, quickestMs }: BuildingDeployment, intervalMs: number): number {
  if (quickestMs === undefined || elapsedMs < EARLY_FAILURES_MS) return intervalMs;
  return Math.min(SPARSE_INTERVALS * intervalMs, Math.max(intervalMs, quickestMs - elapsedMs));
}

/** Past successes of one kind: how many, and the quickest. */
export interface Pace {
  count: number;
  quickestMs: number;
}

export function withSuccess(pace: Pace | undefined, durationMs: number): Pace {
  return pace ? { count: pace.count + 1, quickestMs: Math.min(pace.quickestMs, durationMs) } : { count: 1, quickestMs: durationMs };
}

/** The quickest success, when there are enough of them to go by. */
export function trustedQuickestMs(pace: Pace | undefined): number | undefined {
  return pace && pace.count >= TRUSTED_SAMPLE ? pace.quickestMs : undefined;
}
