import * as l10n from '../../../machines/l10n';
import { randomUUID } from 'node:crypto';
import { readsDecide } from '../../../machines/flexDeployment/deploymentClock';
import { stateHasTag } from '../../../machines/flexDeployment/deploymentStates';
import { needsArmRead } from './activationPlan';
import type { DeploymentRecord } from './deploymentRecord';
import type { ObservationBoard, PostedCycle, PostedObservation } from './observationBoard';
import { deploymentRefOf } from './deploymentRef';
import type { TrackerDependencies } from './trackerDependencies';

/** The lease that makes a window the machine's poller; no deployment has this staging id. */
// Stryker disable next-line StringLiteral: every window names the lease by this constant, so any name no staging id (a UUID) can take behaves the same
export const MACHINE_POLLER_LEASE = 'machine-poller';

export interface Answer extends PostedObservation {
  stagingId: string;
}

export interface CycleAnswers {
  /** ARM's answers for the deployments this window owns, not applied before. */
  answers: Answer[];
  /** ARM asked for at least this long before the next read. */
  retryAfterMs?: number;
}

/**
 * Whether a poll cycle reads this deployment: it is running, a read must say whether it started,
 * or a read sends its next attempt.
 */
export function readByPoll(record: DeploymentRecord): boolean {
  return needsArmRead(record) && (stateHasTag(record.state, 'building') || stateHasTag(record.state, 'retryScheduled') || readsDecide(record));
}

/**
 * One poll cycle per machine, however many windows: the window holding the poller lease reads ARM
 * for every deployment any window tracks and posts the answers on the board; every window applies
 * the answers for the deployments it owns (their effects — profile, dashboard — stay with their
 * owner). When the poller's window goes, its lease goes stale and the next window to cycle takes it.
 */
export class MachinePoller {
  private lastApplied: string | undefined;

  constructor(
    private readonly deps: Pick<TrackerDependencies, 'leases' | 'reader' | 'clock' | 'log'>,
    private readonly board: ObservationBoard,
    private readonly unfinished: () => readonly DeploymentRecord[],
    private readonly owns: (stagingId: string) => boolean,
  ) {}

  async cycle(): Promise<CycleAnswers> {
    if (await this.deps.leases.tryAcquire(MACHINE_POLLER_LEASE)) return this.poll();
    return { answers: await this.posted() };
  }

  /** The poller's last answers for this window's deployments, if not applied yet. */
  async posted(): Promise<Answer[]> {
    const posted = await this.board.read();
    return posted && posted.cycleId !== this.lastApplied ? this.take(posted) : [];
  }

  /** Reads these deployments now, outside the machine's cycle (spec §3 checkDeploymentStatus). */
  async readNow(records: readonly DeploymentRecord[]): Promise<CycleAnswers> {
    const { observations, retryAfterMs } = await this.deps.reader.read(records.map(deploymentRefOf));
    const at = this.deps.clock.now();
    const answers = records.map(({ stagingId }) => ({ stagingId, at, observation: observations.get(stagingId) ?? NO_ANSWER }));
    return { answers, retryAfterMs };
  }

  /** Lets another window poll (nothing is left to read here, or the window closes). */
  release(): Promise<void> {
    return this.deps.leases.release(MACHINE_POLLER_LEASE);
  }

  private async poll(): Promise<CycleAnswers> {
    const records = this.unfinished().filter(readByPoll);
    if (!records.length) return { answers: [] };
    const { answers, retryAfterMs } = await this.readNow(records);
    const posted: PostedCycle = { cycleId: randomUUID(), observations: new Map(answers.map(({ stagingId, ...rest }) => [stagingId, rest])) };
    await this.board.post(posted).catch((error: unknown) => this.deps.log(`Posting ARM's answers for the other windows failed: ${String(error)}`));
    return { answers: this.take(posted), retryAfterMs };
  }

  private take(posted: PostedCycle): Answer[] {
    this.lastApplied = posted.cycleId;
    return [...posted.observations].filter(([stagingId]) => this.owns(stagingId)).map(([stagingId, answer]) => ({ stagingId, ...answer }));
  }
}

const NO_ANSWER = { kind: 'unavailable', reason: l10n.t('no answer') } as const;
