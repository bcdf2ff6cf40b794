import { elapsedAt } from '../../../machines/flexDeployment/deploymentClock';
import { pastDeploymentOf, successDurationMs, tierOf } from '../../../machines/flexDeployment/deploymentDurations';
import { stateHasTag } from '../../../machines/flexDeployment/deploymentStates';
import { locationKey } from '../../../machines/flexDeployment/locationName';
import { nextReadDelayMs, trustedQuickestMs, withSuccess, type Pace } from '../../../machines/flexDeployment/readCadence';
import type { DeploymentRecord } from './deploymentRecord';
import { readByPoll } from './machinePoller';
import type { TrackedRecords } from './trackedRecords';

/** The pace of past successes by region and tier, as of one history version. */
interface PastPace {
  version: number;
  byKind: Map<string, Pace>;
}

/**
 * The poll loop's delay before its next cycle (readCadence.ts says when). Only successes of the
 * same region and tier say how quick a deployment can be: another tier or region may be quicker.
 * The history's pace is gathered once per change to the settled history, not per cycle, so a
 * cycle's cost still follows the deployments being read.
 */
export class PollCadence {
  private pace: PastPace | undefined;

  constructor(private readonly records: Pick<TrackedRecords, 'all' | 'unfinished' | 'historyVersion'>) {}

  delayMs(now: number, intervalMs: number): number {
    const read = this.records.unfinished().filter(readByPoll);
    // A cancel is followed at the interval: someone waits for its answer.
    const building = read.filter((r) => stateHasTag(r.state, 'building') && !stateHasTag(r.state, 'cancelling'));
    const pace = building.length ? this.pastPace() : undefined;
    const delayMs = nextReadDelayMs(
      building.map((r) => ({ elapsedMs: elapsedAt(r, now), quickestMs: pace && quickestLike(pace, r) })),
      building.length < read.length,
      intervalMs,
    );
    // The read that sends an attempt again comes when its wait ends, not up to an interval later.
    const retries = read.flatMap((r) => (stateHasTag(r.state, 'retryScheduled') && r.transientRetry ? [r.transientRetry.retryAt - now] : []));
    return Math.min(delayMs, ...retries);
  }

  private pastPace(): PastPace {
    const version = this.records.historyVersion();
    if (this.pace?.version === version) return this.pace;
    const byKind = new Map<string, Pace>();
    for (const record of this.records.all()) {
      const past = pastDeploymentOf(record);
      const durationMs = successDurationMs(past);
      if (durationMs === undefined) continue;
      const kind = kindOf(past.location, past.tier);
      byKind.set(kind, withSuccess(byKind.get(kind), durationMs));
    }
    this.pace = { version, byKind };
    return this.pace;
  }
}

function quickestLike(pace: PastPace, record: DeploymentRecord): number | undefined {
  return trustedQuickestMs(pace.byKind.get(kindOf(record.location, tierOf(record))));
}

function kindOf(location: string, tier: string | undefined): string {
  // Stryker disable next-line StringLiteral: region keys are Azure's region names and tiers three fixed words, so no two kinds run together without the '/'
  return [locationKey(location), tier].join('/');
}
