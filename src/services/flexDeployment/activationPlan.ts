import { stateHasTag } from '../../../machines/flexDeployment/deploymentStates';
import { FAILURE_NOTIFICATION_WINDOW_MS } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentRecord } from './deploymentRecord';

const DAY_MS = 24 * 60 * 60 * 1000;

/** It still owes work to someone: reading ARM, or saving its profile. */
export function isUnfinished(record: DeploymentRecord): boolean {
  return stateHasTag(record.state, 'unfinished');
}

export function needsArmRead(record: DeploymentRecord): boolean {
  return stateHasTag(record.state, 'running');
}

/** What activation does with each stored record (spec §4, §8, §10). */
export interface ActivationPlan {
  /** Terminal longer ago than the retention window. */
  purge: string[];
  /** Unfinished: resume polling or the missing profile. */
  resume: string[];
  /** Failed within 24 h and not yet retried: notify again. */
  notify: string[];
}

/** Terminal longer ago than the retention window (spec §10). */
export function isPastRetention(terminalAt: number, now: number, retentionDays: number): boolean {
  return now - terminalAt > Math.max(0, retentionDays) * DAY_MS;
}

export function planActivation(records: readonly DeploymentRecord[], now: number, retentionDays: number): ActivationPlan {
  const plan: ActivationPlan = { purge: [], resume: [], notify: [] };
  for (const record of records) {
    if (isUnfinished(record)) {
      plan.resume.push(record.stagingId);
      continue;
    }
    const terminalAt = record.terminalAt ?? record.createdAt;
    if (isPastRetention(terminalAt, now, retentionDays)) {
      plan.purge.push(record.stagingId);
    } else if (
      stateHasTag(record.state, 'failure') &&
      record.retryRequestedAt === undefined &&
      now - terminalAt < FAILURE_NOTIFICATION_WINDOW_MS
    ) {
      plan.notify.push(record.stagingId);
    }
  }
  return plan;
}
