/**
 * How long deployments take, from this user's own history: the progress view's ETA and its
 * "taking longer than usual" hint. Pure, so the host computes it and the tests pin it down.
 */

import { startOf } from './deploymentClock';
import { sameLocation } from './locationName';
import type { DeploymentContext } from './stagedFlexProfile';

/** A deployment as the estimate needs it; built from a DeploymentContext. */
export interface PastDeployment {
  status: string;
  createdAt: number;
  terminalAt?: number;
  location: string;
  tier?: string;
}

/** A deployment as history: timed from its best known start, as its progress is. */
export function pastDeploymentOf(context: Readonly<DeploymentContext>): PastDeployment {
  return {
    status: context.status,
    createdAt: startOf(context),
    terminalAt: context.terminalAt,
    location: context.location,
    tier: tierOf(context),
  };
}

export function tierOf(context: Readonly<DeploymentContext>): string | undefined {
  return context.request?.tier ?? context.connectionProfile.tier;
}

/** How long a past success took; undefined for anything else, or for a finish before its start (the clock was set back). */
export function successDurationMs(d: PastDeployment): number | undefined {
  return d.status === 'succeeded' && d.terminalAt !== undefined && d.terminalAt >= d.createdAt ? d.terminalAt - d.createdAt : undefined;
}

export interface DurationEstimate {
  medianMs: number;
  p90Ms: number;
  sampleSize: number;
  /** Whether the history was narrowed to the same region and tier, or had to use every success. */
  scope: 'sameRegionAndTier' | 'allDeployments';
}

export interface ProgressTiming {
  elapsedMs: number;
  /** Undefined without history: no made-up ETA. */
  remainingMs?: number;
  takingLonger: boolean;
}

/** The story's fixed threshold; history can only make the hint come sooner. */
export const LONGER_THAN_USUAL_AFTER_MS = 10 * 60 * 1000;

/**
 * Median and 90th percentile of createdAt → terminalAt over past successes, taken from the same
 * region and tier when there are some, else from all of them; undefined with no history.
 */
export function estimateDuration(
  history: readonly PastDeployment[],
  target: { location: string; tier?: string },
): DurationEstimate | undefined {
  const successes = history.flatMap((d) => {
    const durationMs = successDurationMs(d);
    return durationMs === undefined ? [] : [{ ...d, durationMs }];
  });
  const alike = successes.filter(
    (d) => sameLocation(d.location, target.location) && d.tier !== undefined && d.tier === target.tier,
  );
  const sample = alike.length > 0 ? alike : successes;
  if (sample.length === 0) return undefined;
  const durations = sample.map((d) => d.durationMs).sort((a, b) => a - b);
  return {
    medianMs: percentile(durations, 50),
    p90Ms: percentile(durations, 90),
    sampleSize: durations.length,
    scope: alike.length > 0 ? 'sameRegionAndTier' : 'allDeployments',
  };
}

/** Elapsed time, remaining time from the median, and whether this one runs long. */
export function progressTiming(now: number, startedAt: number, estimate: DurationEstimate | undefined): ProgressTiming {
  const elapsedMs = Math.max(0, now - startedAt);
  const pastHistory = estimate !== undefined && elapsedMs > estimate.p90Ms;
  return {
    elapsedMs,
    remainingMs: estimate === undefined ? undefined : Math.max(0, estimate.medianMs - elapsedMs),
    takingLonger: elapsedMs > LONGER_THAN_USUAL_AFTER_MS || pastHistory,
  };
}

/** Linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC) on sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of an empty sample');
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}
