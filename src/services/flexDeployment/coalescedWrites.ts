import type { DeploymentJournal } from './deploymentJournal';
import type { DeploymentRecord } from './deploymentRecord';

export interface SettledDeployments {
  /** Still settled now (an effect may have started since it was reported)? */
  isSettled(stagingId: string): boolean;
  /** Written: stop its actor and give its lease back. */
  release(stagingId: string): Promise<void>;
}

/**
 * Everything changed since the last write goes into the next one: one journal (and globalState)
 * write per poll cycle or activation, one per change the user can see outside them.
 */
export class CoalescedWrites {
  private readonly changed = new Map<string, DeploymentRecord>();
  private readonly deleted = new Set<string>();
  private readonly settled = new Set<string>();
  private scheduled: Promise<void> | undefined;
  private written: Promise<void> = Promise.resolve();
  private batchDepth = 0;

  constructor(
    private readonly journal: DeploymentJournal,
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

  /** Runs `work`, then writes what it changed, once. */
  async batch(work: () => Promise<void>): Promise<void> {
    this.batchDepth++;
    try {
      await work();
    } finally {
      this.batchDepth--;
    }
    await this.flush();
  }

  flush(): Promise<void> {
    if (this.scheduled) return this.scheduled;
    const flush = Promise.resolve().then(async () => {
      this.scheduled = undefined;
      const upserts = [...this.changed.values()];
      const deletes = [...this.deleted];
      const settled = [...this.settled].filter((id) => this.deployments.isSettled(id));
      this.changed.clear();
      this.deleted.clear();
      for (const id of settled) this.settled.delete(id);
      if (upserts.length || deletes.length) await this.journal.commit({ upserts, deletes });
      for (const id of settled) await this.deployments.release(id);
    });
    this.scheduled = flush;
    this.written = this.written.then(() => flush).catch((error: unknown) => {
      this.log(`Saving deployment records failed: ${String(error)}`);
    });
    return flush;
  }

  /** Resolves when every write started so far has ended and none is scheduled. */
  async whenWritten(): Promise<void> {
    for (;;) {
      const written = this.written;
      await written;
      if (written === this.written && !this.scheduled) return;
    }
  }

  private soon(): void {
    // A failed write is reported once, where `written` catches it.
    if (this.batchDepth === 0) this.flush().catch(() => undefined);
  }
}
