import { mkdir } from 'node:fs/promises';
import { Subject, defer, distinctUntilChanged, filter, ignoreElements, merge, mergeMap, takeUntil, type Observable } from 'rxjs';
import { isFinalState } from '../../../machines/flexDeployment/deploymentStates';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import type { StagedFlexProfile } from '../../../machines/flexDeployment/stagedFlexProfile';
import { isPastRetention, planActivation } from './activationPlan';
import { CoalescedWrites } from './coalescedWrites';
import { validateDeferredHistory } from './deferredHistory';
import type { DeploymentRecord } from './deploymentRecord';
import { MACHINE_POLLER_LEASE, MachinePoller, type Answer } from './machinePoller';
import { ObservationBoard } from './observationBoard';
import { CancelRequests } from './cancelRequests';
import { eventFor } from './observationEvent';
import { OwnedDeployments } from './ownedDeployments';
import { PollCadence } from './pollCadence';
import { pollWhileActive, type CycleOutcome } from './pollWhileActive';
import { stagedPasswordKey } from './storageKeys';
import { tellTransition } from './deploymentLifecycle';
import { TrackedRecords } from './trackedRecords';
import { SharedFileWatches } from './sharedFileWatches';
import { CrossWindowCancel } from './crossWindowCancel';
import { OwnerActions } from './ownerActions';
import { WindowSync } from './windowSync';
import { LostProfiles } from './lostProfiles';
import { startDeployment } from './startDeployment';
import type { TrackerDependencies } from './trackerDependencies';

/** The service interface of the specification (§3). */
export interface IFlexDeploymentTracker {
  startPolling(): void;
  stopPolling(): void;
  checkDeploymentStatus(stagingId: string): Promise<void>;
  getStagedProfiles(): Promise<StagedFlexProfile[]>;
}

export type { DeploymentView };
export { CreateRequestInvalidError, type TrackerDependencies, type TrackerSettings } from './trackerDependencies';

/**
 * Tracks every staged deployment until it ends, across reloads, crashes and windows. Deployments
 * this window owns (it holds their lease) are live actors; the others are records it only shows,
 * and adopts when their owner is gone. Records are written through the journal, coalesced: one
 * write per poll cycle, one per transition the user can see.
 */
export class FlexDeploymentTracker implements IFlexDeploymentTracker {
  private readonly records = new TrackedRecords();
  private readonly cadence = new PollCadence(this.records);
  private readonly owned: OwnedDeployments;
  private readonly wake$ = new Subject<void>();
  private readonly stopPolling$ = new Subject<void>();
  private readonly writes: CoalescedWrites;
  private readonly sync: WindowSync;
  private readonly owner: OwnerActions;
  private readonly crossWindowCancel: CrossWindowCancel;
  private readonly board: ObservationBoard;
  private readonly cancelRequests: CancelRequests;
  private readonly poller: MachinePoller;
  private readonly lostProfiles: LostProfiles;
  private readonly watches: SharedFileWatches;
  private serial: Promise<unknown> = Promise.resolve();
  private promptedSignIn = false;
  private historyLoaded: Promise<void> = Promise.resolve();
  private rehydrated: () => void = () => undefined;
  private readonly rehydration = new Promise<void>((resolve) => (this.rehydrated = resolve));
  private polling = false;

  readonly deployments$: Observable<readonly DeploymentView[]> = this.records.deployments$;

  constructor(private readonly deps: TrackerDependencies) {
    this.owned = new OwnedDeployments(deps, {
      changed: (record) => this.onChanged(record),
      moved: (before, after) => tellTransition(before, after, deps.lifecycle),
      settled: (id) => this.onSettled(id),
      failed: (id) => {
        deps.leases.release(id).catch((error: unknown) => deps.log(`Releasing deployment ${id} failed: ${String(error)}`));
      },
      effectsDone: () => this.writes.effectsDone(),
    }, deps.log);
    this.writes = new CoalescedWrites(deps.journal, {
      isSettled: (id) => this.owned.isSettled(id),
      inFlight: () => this.owned.inFlight(),
      release: async (id) => {
        this.owned.stop(id);
        await deps.leases.release(id);
      },
    }, deps.log);
    this.cancelRequests = new CancelRequests(deps.journal.directory, deps.log);
    this.sync = new WindowSync(deps, this.records, this.owned, this.writes);
    this.owner = new OwnerActions(deps, this.records, this.owned, this.writes);
    this.crossWindowCancel = new CrossWindowCancel(deps, this.records, this.owned, this.owner, this.writes, this.cancelRequests);
    this.board = new ObservationBoard(deps.journal.directory, deps.log);
    this.poller = new MachinePoller(deps, this.board, () => this.records.unfinished(), (id) => this.owned.has(id));
    this.watches = new SharedFileWatches(
      { journal: deps.journal, board: this.board, cancelRequests: this.cancelRequests },
      {
        journalChanged: () => this.sync.syncWithOtherWindows(),
        boardPosted: async () => this.apply(await this.poller.posted()),
        cancelAsked: () => this.writes.batch(() => this.crossWindowCancel.answerCancelRequests()),
      },
      () => this.owned.ids().length > 0,
      (work) => this.exclusive(work),
      deps.log,
    );
    this.lostProfiles = new LostProfiles(deps, this.records, this.owned, { adopt: (id, at) => this.sync.adopt(id, at), sendAsOwner: (id, event) => this.owner.sendAsOwner(id, event) }, this.writes, (work) => this.exclusive(work));
    deps.leases.onLost((id) => {
      if (id === MACHINE_POLLER_LEASE) return; // the next cycle takes it back, or reads the board
      deps.log(`Another window took over deployment ${id}.`);
      this.owned.stop(id);
    });
    deps.signIn.onDidSignIn(() => this.wake$.next());
  }

  /** Spec §4: rehydrate, purge past retention, resume the unfinished, notify recent failures. */
  async activate(): Promise<void> {
    try {
      await this.rehydrate();
      // The settled history is nothing activation acts on: it is only shown, so read and validated after.
      this.historyLoaded = this.loadHistory();
    } finally {
      void this.historyLoaded.then(this.rehydrated, this.rehydrated);
    }
    this.startPolling();
  }

  private async rehydrate(): Promise<void> {
    await mkdir(this.deps.journal.directory, { recursive: true });
    await this.watches.start();
    const now = this.deps.clock.now();
    const { records } = await this.deps.journal.load();
    const plan = planActivation(records, now, this.deps.settings.retentionDays());
    const past = new Set(plan.purge);
    for (const record of records) if (!past.has(record.stagingId)) this.records.set(record);
    await this.purge(plan.purge);
    await this.writes.batch(async () => {
      for (const id of [...plan.resume, ...plan.notify]) await this.sync.adopt(id, now);
    });
  }

  startPolling(): void {
    if (this.polling) return;
    this.polling = true;
    const cycles = pollWhileActive({
      active$: this.records.active$,
      cycle: () => defer(() => this.exclusive(() => this.runCycle())),
      intervalMs: () => this.cadence.delayMs(this.deps.clock.now(), this.deps.settings.pollIntervalMs()),
      wake$: this.wake$,
      onError: (error) => this.deps.log(`A poll cycle failed; the next one will try again: ${String(error)}`),
    });
    // Nothing left to read here: another window may need to be the machine's poller.
    const idle = this.records.active$.pipe(
      distinctUntilChanged(),
      filter((active) => !active),
      mergeMap(() => this.poller.release()),
      ignoreElements(),
    );
    merge(cycles, idle).pipe(takeUntil(this.stopPolling$)).subscribe();
  }

  stopPolling(): void {
    this.stopPolling$.next();
    this.polling = false;
  }

  /** One poll cycle now, outside the timer (the Deployments view's Refresh). */
  async refresh(): Promise<void> {
    await this.exclusive(() => this.runCycle());
  }

  async checkDeploymentStatus(stagingId: string): Promise<void> {
    await this.exclusive(async () => {
      const record = this.records.get(stagingId);
      if (record) await this.apply((await this.poller.readNow([record])).answers);
    });
  }

  async getStagedProfiles(): Promise<StagedFlexProfile[]> {
    await this.historyLoaded;
    return this.records.all();
  }

  /**
   * Resolves once activation has read every record, the deferred settled history included (or has
   * failed trying): before that, an unknown stagingId may only be not yet read.
   */
  whenRehydrated(): Promise<void> {
    return this.rehydration;
  }

  private async loadHistory(): Promise<void> {
    const stored = await this.deps.journal.loadHistory();
    const now = this.deps.clock.now();
    const retentionDays = this.deps.settings.retentionDays();
    const past = new Set(stored.filter((h) => isPastRetention(h.terminalAt, now, retentionDays)).map((h) => h.stagingId));
    await this.purge([...past]);
    const invalid = await validateDeferredHistory(stored.filter((h) => !past.has(h.stagingId)), (record) => {
      if (!this.records.has(record.stagingId)) this.records.set(record);
    });
    await this.deps.journal.quarantine(invalid);
    await this.lostProfiles.restoreMissing();
    await this.deps.journal.compactHistory();
  }

  /** Records terminal longer ago than the retention window (spec §10). */
  private async purge(stagingIds: readonly string[]): Promise<void> {
    if (!stagingIds.length) return;
    this.deps.log(`Removed ${stagingIds.length} deployment record(s) older than the retention window.`);
    await this.deps.journal.commit({ deletes: stagingIds });
  }

  /** The user removed a saved profile: a deployment that saved it must not bring it back. */
  noteProfileRemoved(profileId: string): Promise<void> {
    return this.lostProfiles.noteRemoved(profileId);
  }

  getDeployment(stagingId: string): DeploymentView | undefined {
    return this.records.view(stagingId);
  }

  deployment$(stagingId: string): Observable<DeploymentView> {
    return this.records.view$(stagingId);
  }

  /** Validate, preflight, stage durably, then start ARM. Returns once ARM has answered the PUT (or not). */
  create(input: unknown): Promise<string> {
    return startDeployment(this.deps, this.owned, this.writes, input);
  }

  dismiss(stagingId: string): Promise<void> {
    return this.owner.sendAsOwner(stagingId, { type: 'user.dismiss', at: this.deps.clock.now() });
  }

  /**
   * Asks ARM to cancel a running deployment, as its owner (taking it over if its window is gone),
   * or asks the window that owns it. Resolves once the request is recorded; ARM's answer and the
   * outcome come later.
   */
  cancel(stagingId: string): Promise<'sent' | 'askedOwner'> {
    return this.crossWindowCancel.cancel(stagingId);
  }

  retry(stagingId: string): Promise<void> {
    return this.owner.sendAsOwner(stagingId, { type: 'user.retry', at: this.deps.clock.now() });
  }

  reportDashboardOpened(stagingId: string): Promise<void> {
    return this.owner.sendAsOwner(stagingId, { type: 'dashboard.opened', at: this.deps.clock.now() });
  }

  /** `pgsql.clearStagedFlexProfiles`: every record and every lingering staged password. */
  async clearAll(): Promise<void> {
    const ids = this.records.ids();
    this.owned.stopAll();
    await this.deps.leases.releaseAll();
    await Promise.all(ids.map((id) => this.deps.secrets.delete(stagedPasswordKey(id))));
    this.records.clear();
    this.writes.discardChanges();
    await this.deps.journal.commit({ deletes: ids });
  }

  /** Resolves once every change so far is written and no effect is still running. */
  async whenIdle(): Promise<void> {
    await this.historyLoaded;
    for (;;) {
      await this.writes.whenWritten();
      await new Promise((resolve) => setImmediate(resolve));
      if (this.owned.inFlight() === 0 && this.writes.idle()) return;
    }
  }

  async dispose(): Promise<void> {
    this.watches.close();
    this.stopPolling();
    await this.serial;
    await this.writes.flush();
    await this.whenIdle();
    this.owned.stopAll();
    await this.deps.leases.releaseAll();
  }

  private async runCycle(): Promise<CycleOutcome> {
    await this.sync.syncWithOtherWindows();
    await this.writes.batch(() => this.crossWindowCancel.answerCancelRequests());
    const { answers, retryAfterMs } = await this.poller.cycle();
    await this.apply(answers);
    return { retryAfterMs };
  }

  /** ARM's answers into the owned actors, written once. */
  private async apply(answers: readonly Answer[]): Promise<void> {
    await this.writes.batch(async () => {
      for (const { stagingId, observation, at } of answers) {
        const record = this.records.get(stagingId);
        if (record && this.owned.has(stagingId)) this.deps.lifecycle.observed(record, observation);
        this.owned.send(stagingId, eventFor(observation, at));
      }
      const signedOut = answers.filter((answer) => answer.observation.kind === 'signedOut').length;
      if (signedOut) this.promptSignInOnce(signedOut).catch((error: unknown) => this.deps.log(`Asking to sign in failed: ${String(error)}`));
    });
  }

  private onChanged(record: DeploymentRecord): void {
    if (isFinalState(record.state)) {
      this.records.delete(record.stagingId);
      this.writes.delete(record.stagingId);
    } else if (this.records.set(record)) {
      // Resuming re-asserts what was stored (e.g. "not in the active session"): nothing to write.
      this.writes.change(record);
    }
  }

  private onSettled(stagingId: string): void {
    this.writes.settle(stagingId);
  }

  private async promptSignInOnce(deploymentsWaiting: number): Promise<void> {
    if (this.promptedSignIn) return;
    this.promptedSignIn = true;
    this.deps.lifecycle.signInNeeded(deploymentsWaiting);
    await this.deps.signIn.promptSignIn();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.serial.then(work);
    this.serial = run.catch(() => undefined);
    return run;
  }
}
