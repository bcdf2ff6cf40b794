import type { CoalescedWrites } from './coalescedWrites';
import type { OwnedDeployments } from './ownedDeployments';
import type { TrackedRecords } from './trackedRecords';
import type { TrackerDependencies } from './trackerDependencies';

/**
 * This window's view of the deployments other windows work on: it takes in what they wrote, and
 * adopts a deployment whose owner is gone (its lease went stale). A window acts only on
 * deployments whose lease it holds.
 */
export class WindowSync {
  constructor(
    private readonly deps: Pick<TrackerDependencies, 'journal' | 'leases' | 'clock'>,
    private readonly records: TrackedRecords,
    private readonly owned: Pick<OwnedDeployments, 'has' | 'hydrate' | 'send'>,
    private readonly writes: Pick<CoalescedWrites, 'hasPending'>,
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

  /** Owned here, or changed here and not yet written: this window's copy is the newer one. */
  private ownedHere(stagingId: string): boolean {
    return this.owned.has(stagingId) || this.writes.hasPending(stagingId);
  }
}
