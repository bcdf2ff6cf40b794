import * as l10n from '../../../machines/l10n';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import type { CoalescedWrites } from './coalescedWrites';
import type { OwnedDeployments } from './ownedDeployments';
import type { TrackedRecords } from './trackedRecords';
import type { TrackerDependencies } from './trackerDependencies';

/**
 * A user's action on a deployment (dismiss, retry, cancel, dashboard opened), sent to its actor by
 * the window that owns it: this one, taking it over from the stored record if no other window
 * holds its lease. Written before it resolves.
 */
export class OwnerActions {
  constructor(
    private readonly deps: Pick<TrackerDependencies, 'journal' | 'leases'>,
    private readonly records: Pick<TrackedRecords, 'delete'>,
    private readonly owned: Pick<OwnedDeployments, 'has' | 'hydrate' | 'send'>,
    private readonly writes: Pick<CoalescedWrites, 'flush'>,
  ) {}

  /** Rejects when another window owns the deployment: the user is told to try again. */
  async sendAsOwner(stagingId: string, event: DeploymentEvent): Promise<void> {
    if (!(await this.trySendAsOwner(stagingId, event))) {
      throw new Error(l10n.t('Another VS Code window is working on this deployment. Try again in a moment.'));
    }
  }

  /** False when another window owns the deployment. */
  async trySendAsOwner(stagingId: string, event: DeploymentEvent): Promise<boolean> {
    if (!this.owned.has(stagingId)) {
      if (!(await this.deps.leases.tryAcquire(stagingId))) return false;
      const fresh = await this.deps.journal.latest(stagingId);
      if (!fresh) {
        // Another window removed it before this view learnt of it: nothing is left to act on.
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
}
