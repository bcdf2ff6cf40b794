import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { isUnfinished } from './activationPlan';
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
  ) {}

  /** Takes in other windows' new deployments, progress and dismissals; adopts the orphaned. */
  async syncWithOtherWindows(): Promise<void> {
    const { records } = await this.deps.journal.load();
    const now = this.deps.clock.now();
    const seen = new Set<string>();
    for (const record of records) {
      seen.add(record.stagingId);
      if (this.ownedHere(record.stagingId)) continue;
      this.records.set(record);
      if (isUnfinished(record)) await this.adopt(record.stagingId, now);
    }
    for (const id of this.records.ids()) {
      if (!seen.has(id) && !this.ownedHere(id)) this.records.delete(id);
    }
  }

  /** Becomes the owner of a known deployment if no other window is, and resumes its actor. */
  async adopt(stagingId: string, at: number): Promise<void> {
    const record = this.records.get(stagingId);
    if (!record || !(await this.deps.leases.tryAcquire(stagingId))) return;
    try {
      this.owned.hydrate(record);
      this.owned.send(stagingId, { type: 'session.resumed', at });
    } catch (error) {
      this.deps.log(`Deployment ${stagingId} could not be resumed: ${String(error)}`);
      await this.deps.leases.release(stagingId);
    }
  }

  /** A user's action (dismiss, retry, dashboard opened): taken over from the stored record if need be. */
  async sendAsOwner(stagingId: string, event: DeploymentEvent): Promise<void> {
    if (!this.owned.has(stagingId)) {
      if (!(await this.deps.leases.tryAcquire(stagingId))) {
        throw new Error('Another VS Code window is working on this deployment. Try again in a moment.');
      }
      const { records } = await this.deps.journal.load();
      const fresh = records.find((r) => r.stagingId === stagingId);
      if (!fresh) {
        await this.deps.leases.release(stagingId);
        this.records.delete(stagingId);
        return;
      }
      this.owned.hydrate(fresh);
    }
    this.owned.send(stagingId, event);
    await this.writes.flush();
  }

  /** Owned here, or changed here and not yet written: this window's copy is the newer one. */
  private ownedHere(stagingId: string): boolean {
    return this.owned.has(stagingId) || this.writes.hasPending(stagingId);
  }
}
