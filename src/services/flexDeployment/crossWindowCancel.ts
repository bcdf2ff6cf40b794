import type { CancelRequests } from './cancelRequests';
import type { CoalescedWrites } from './coalescedWrites';
import type { OwnedDeployments } from './ownedDeployments';
import type { OwnerActions } from './ownerActions';
import type { TrackedRecords } from './trackedRecords';
import type { TrackerDependencies } from './trackerDependencies';

/**
 * Cancel across windows: a window cancels what it owns or can take over; otherwise it asks the
 * owning window (a request file), which answers it on its next look.
 */
export class CrossWindowCancel {
  constructor(
    private readonly deps: Pick<TrackerDependencies, 'clock'>,
    private readonly records: Pick<TrackedRecords, 'unfinished'>,
    private readonly owned: Pick<OwnedDeployments, 'has' | 'send'>,
    private readonly owner: Pick<OwnerActions, 'trySendAsOwner'>,
    private readonly writes: Pick<CoalescedWrites, 'flush'>,
    private readonly requests: CancelRequests,
  ) {}

  /**
   * Cancel, as the owner if this window is or can become it; else the owning window is asked,
   * and acts on its next look (at once when it watches, at its next poll cycle otherwise).
   */
  async cancel(stagingId: string): Promise<'sent' | 'askedOwner'> {
    if (await this.owner.trySendAsOwner(stagingId, { type: 'user.cancel', at: this.deps.clock.now() })) return 'sent';
    await this.requests.ask(stagingId);
    return 'askedOwner';
  }

  /**
   * Other windows' cancel requests for deployments owned here, sent to their actors; a request
   * for one that is no longer unfinished (or no longer known) has nothing left to act on.
   */
  async answerCancelRequests(): Promise<void> {
    const answered: string[] = [];
    for (const stagingId of await this.requests.asked()) {
      if (this.owned.has(stagingId)) this.owned.send(stagingId, { type: 'user.cancel', at: this.deps.clock.now() });
      else if (this.records.unfinished().some((r) => r.stagingId === stagingId)) continue;
      answered.push(stagingId);
    }
    if (!answered.length) return;
    // Written before the requests go: a crash in between leaves a request, answered again, never a lost one.
    await this.writes.flush();
    for (const stagingId of answered) await this.requests.answered(stagingId);
  }
}
