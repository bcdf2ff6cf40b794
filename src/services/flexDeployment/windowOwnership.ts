import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import type { CancelRequests } from './cancelRequests';
import type { CoalescedWrites } from './coalescedWrites';
import type { OwnedDeployments } from './ownedDeployments';
import type { TrackedRecords } from './trackedRecords';
import type { TrackerDependencies } from './trackerDependencies';

/**
 * Which window works on which deployment. A window acts only on deployments whose lease it holds;
 * it takes in what other windows wrote, adopts a deployment whose owner is gone (its lease went
 * stale), and takes a deployment over when its user acts on it here.
 */
export class WindowOwnership {
  constructor(
    private readonly deps: Pick<TrackerDependencies, 'journal' | 'leases' | 'clock' | 'log'>,
    private readonly records: TrackedRecords,
    private readonly owned: OwnedDeployments,
    private readonly writes: Pick<CoalescedWrites, 'hasPending' | 'flush'>,
    private readonly cancelRequests: CancelRequests,
  ) {}

  /**
   * Takes in other windows' new deployments, progress and dismissals, and adopts the unfinished
   * ones nobody owns any more. Costs nothing when the journal has not changed: what another
   * window left unfinished is looked at again only when a lease may have gone stale (adoptOrphans).
   */
  async syncWithOtherWindows(): Promise<void> {
    const { upserts, deletes } = await this.deps.journal.changes();
    for (const record of upserts) if (!this.ownedHere(record.stagingId)) this.records.set(record);
    for (const id of deletes) if (!this.ownedHere(id)) this.records.delete(id);
    await this.adoptOrphans();
  }

  /** Unfinished deployments no window owns (their owner died: the lease went stale) become this window's. */
  async adoptOrphans(): Promise<void> {
    const now = this.deps.clock.now();
    for (const record of this.records.unfinished()) {
      if (!this.ownedHere(record.stagingId)) await this.adopt(record.stagingId, now);
    }
  }

  /**
   * Becomes the owner of a known deployment if no other window is, and resumes its actor. A stored
   * record, validated, names one of the machine's states, and each of those can be rebuilt; an
   * actor that fails once running is let go by OwnedDeployments (its `failed` event).
   */
  async adopt(stagingId: string, at: number): Promise<void> {
    const record = this.records.get(stagingId);
    if (!record || !(await this.deps.leases.tryAcquire(stagingId))) return;
    this.owned.hydrate(record);
    this.owned.send(stagingId, { type: 'session.resumed', at });
  }

  /** A user's action (dismiss, retry, dashboard opened): taken over from the stored record if need be. */
  async sendAsOwner(stagingId: string, event: DeploymentEvent): Promise<void> {
    if (!(await this.trySendAsOwner(stagingId, event))) {
      throw new Error('Another VS Code window is working on this deployment. Try again in a moment.');
    }
  }

  /**
   * Cancel, as the owner if this window is or can become it; else the owning window is asked,
   * and acts on its next look (at once when it watches, at its next poll cycle otherwise).
   */
  async cancel(stagingId: string, at: number): Promise<'sent' | 'askedOwner'> {
    if (await this.trySendAsOwner(stagingId, { type: 'user.cancel', at })) return 'sent';
    await this.cancelRequests.ask(stagingId);
    return 'askedOwner';
  }

  /**
   * Other windows' cancel requests for deployments owned here, sent to their actors; a request
   * for one that is no longer unfinished (or no longer known) has nothing left to act on.
   */
  async answerCancelRequests(): Promise<void> {
    const answered: string[] = [];
    for (const stagingId of await this.cancelRequests.asked()) {
      if (this.owned.has(stagingId)) this.owned.send(stagingId, { type: 'user.cancel', at: this.deps.clock.now() });
      else if (this.records.unfinished().some((r) => r.stagingId === stagingId)) continue;
      answered.push(stagingId);
    }
    if (!answered.length) return;
    // Written before the requests go: a crash in between leaves a request, answered again, never a lost one.
    await this.writes.flush();
    for (const stagingId of answered) await this.cancelRequests.answered(stagingId);
  }

  /** False when another window owns the deployment. */
  private async trySendAsOwner(stagingId: string, event: DeploymentEvent): Promise<boolean> {
    if (!this.owned.has(stagingId)) {
      if (!(await this.deps.leases.tryAcquire(stagingId))) return false;
      const fresh = await this.deps.journal.latest(stagingId);
      if (!fresh) {
        await this.deps.leases.release(stagingId);
        this.records.delete(stagingId);
        return true;
      }
      this.owned.hydrate(fresh);
    }
    this.owned.send(stagingId, event);
    await this.writes.flush();
    return true;
  }

  /** Owned here, or changed here and not yet written: this window's copy is the newer one. */
  private ownedHere(stagingId: string): boolean {
    return this.owned.has(stagingId) || this.writes.hasPending(stagingId);
  }
}
