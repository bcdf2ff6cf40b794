import type { DeploymentJournal } from './deploymentJournal';
import type { DeploymentRecord } from './deploymentRecord';

export interface SettledDeployments {
  /** Still settled now (an effect may have started since it was reported)? */
  isSettled(stagingId: string): boolean;
  /** Effects started and not yet answered. */
  inFlight(): number;
  /** Written: stop its actor and give its lease back. */
  release(stagingId: string): Promise<void>;
}

/** How long changes wait for the effects in flight before they are written anyway. */
export const EFFECTS_WAIT_MS = 2_000;

/**
 * Everything changed since the last write goes into the next one: one journal (and globalState)
 * write per poll cycle or activation. What effects change outside a cycle (a profile saved, a
 * dashboard opened) waits until no effect is in flight — a finished deployment's profile and
 * dashboard make one write together — or EFFECTS_WAIT_MS at most. Nothing is lost by the wait:
 * every effect is idempotent and runs again after a restart if its result was not written.
 */
export class CoalescedWrites {
  private readonly changed = new Map<string, DeploymentRecord>();
  private readonly deleted = new Set<string>();
  private readonly settled = new Set<string>();
  private scheduled: Promise<void> | undefined;
  private written: Promise<void> = Promise.resolve();
  private batchDepth = 0;
  /** A write that waits for the effects in flight (soon()). */
  private deferred: Promise<void> | undefined;
  private readonly answeredWaiters = new Set<() => void>();
  /** Writes under way (a flush takes what changed when it starts; what changes later waits for the next). */
  private writing = 0;

  constructor(
    private readonly journal: Pick<DeploymentJournal, 'commit'>,
    private readonly deployments: SettledDeployments,
    private readonly log: (message: string) => void,
  ) {}

  hasPending(stagingId: string): boolean {
    return this.changed.has(stagingId);
  }

  change(record: DeploymentRecord): void {
    this.changed.set(record.stagingId, record);
    this.soon();
  }

  delete(stagingId: string): void {
    this.changed.delete(stagingId);
    this.deleted.add(stagingId);
    this.soon();
  }

  settle(stagingId: string): void {
    this.settled.add(stagingId);
    this.soon();
  }

  /** Forgets unwritten changes (the records are being wiped). */
  discardChanges(): void {
    this.changed.clear();
  }

  /**
   * Runs `work`, lets the effects it started answer (up to EFFECTS_WAIT_MS), then writes what all
   * of it changed, once.
   */
  async batch(work: () => Promise<void>): Promise<void> {
    this.batchDepth++;
    try {
      await work();
      await this.effectsAnswered();
    } finally {
      this.batchDepth--;
    }
    await this.flush();
  }

  /** No effect is in flight any more: whoever waits for them goes on. */
  effectsDone(): void {
    for (const answered of [...this.answeredWaiters]) answered();
  }

  flush(): Promise<void> {
    if (this.scheduled) return this.scheduled;
    const flush = Promise.resolve().then(async () => {
      this.scheduled = undefined;
      this.writing++;
      try {
        const upserts = [...this.changed.values()];
        const deletes = [...this.deleted];
        const settled = [...this.settled].filter((id) => this.deployments.isSettled(id));
        this.changed.clear();
        this.deleted.clear();
        for (const id of settled) this.settled.delete(id);
        if (upserts.length || deletes.length) await this.journal.commit({ upserts, deletes });
        for (const id of settled) await this.deployments.release(id);
      } finally {
        this.writing--;
      }
    });
    this.scheduled = flush;
    this.written = this.written.then(() => flush).catch((error: unknown) => {
      this.log(`Saving deployment records failed: ${String(error)}`);
    });
    return flush;
  }

  /** Nothing to write, nothing being written, nothing waiting for effects. */
  idle(): boolean {
    return !this.scheduled && !this.deferred && this.writing === 0 && this.changed.size === 0 && this.deleted.size === 0;
  }

  /** Resolves when every write started so far has ended and none is scheduled or waiting for effects. */
  async whenWritten(): Promise<void> {
    for (;;) {
      const written = this.written;
      await this.deferred;
      await written;
      if (written === this.written && !this.scheduled && !this.deferred) return;
    }
  }

  private soon(): void {
    if (this.batchDepth > 0 || this.deferred) return;
    // A failed write is reported once, where `written` catches it.
    this.deferred = this.effectsAnswered()
      .then(() => {
        this.deferred = undefined;
        return this.flush();
      })
      .catch(() => undefined);
  }

  /** Resolves once no effect is in flight, or after EFFECTS_WAIT_MS. */
  private effectsAnswered(): Promise<void> {
    if (this.deployments.inFlight() === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const answered = () => {
        clearTimeout(timer);
        this.answeredWaiters.delete(answered);
        resolve();
      };
      const timer = setTimeout(answered, EFFECTS_WAIT_MS);
      this.answeredWaiters.add(answered);
    });
  }
}
