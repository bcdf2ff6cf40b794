import { stateHasTag } from '../../../machines/flexDeployment/deploymentStates';
import type { CoalescedWrites } from './coalescedWrites';
import type { DeploymentRecord } from './deploymentRecord';
import type { OwnedDeployments } from './ownedDeployments';
import { profileIdFor } from './stageDeployment';
import type { TrackedRecords } from './trackedRecords';
import type { TrackerDependencies } from './trackerDependencies';
import type { OwnerActions } from './ownerActions';
import type { WindowSync } from './windowSync';

/**
 * Saved profiles that went missing. A succeeded deployment whose profile is no longer among the
 * saved connections (a window of an older build wrote the setting from a stale copy) gets it back,
 * once; after that, or after the user removed it here, a missing profile stays missing.
 */
export class LostProfiles {
  constructor(
    private readonly deps: Pick<TrackerDependencies, 'effects' | 'clock' | 'log'>,
    private readonly records: TrackedRecords,
    private readonly owned: Pick<OwnedDeployments, 'has' | 'send'>,
    private readonly ownership: Pick<WindowSync, 'adopt'> & Pick<OwnerActions, 'sendAsOwner'>,
    private readonly writes: Pick<CoalescedWrites, 'batch'>,
    private readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>,
  ) {}

  /** On activation, after the history is read: one read of the saved profiles, whatever the history's size. */
  async restoreMissing(): Promise<void> {
    const candidates = this.records.all().filter(mayHaveLostProfile);
    if (!candidates.length) return;
    let saved: ReadonlySet<string>;
    try {
      saved = await this.deps.effects.savedProfileIds();
    } catch (error) {
      this.deps.log(`Could not check the saved profiles of finished deployments: ${String(error)}`);
      return;
    }
    const missing = candidates.filter((r) => !saved.has(profileIdOf(r)));
    // Stryker disable next-line ConditionalExpression: without it an empty batch is queued behind the poll cycles and writes nothing; only time is lost
    if (!missing.length) return;
    await this.exclusive(() =>
      this.writes.batch(async () => {
        const at = this.deps.clock.now();
        for (const { stagingId } of missing) {
          this.deps.log(`The connection profile of deployment ${stagingId} is missing from the saved connections; saving it again.`);
          if (!this.owned.has(stagingId)) await this.ownership.adopt(stagingId, at);
          this.owned.send(stagingId, { type: 'profile.missing', at });
        }
      }),
    );
  }

  /**
   * The user removed a saved profile: each deployment that saved it records that. A profile's id
   * names the one deployment it was staged for (profileIdFor), so no other deployment can match it.
   */
  async noteRemoved(profileId: string): Promise<void> {
    const savedIt = this.records.all().filter((r) => profileIdOf(r) === profileId);
    for (const { stagingId } of savedIt) await this.ownership.sendAsOwner(stagingId, { type: 'profile.removed', at: this.deps.clock.now() });
  }
}

function profileIdOf(record: DeploymentRecord): string {
  return record.profileId ?? profileIdFor(record.stagingId);
}

/** Its profile was saved, and neither given back already nor removed by the user. */
function mayHaveLostProfile(record: DeploymentRecord): boolean {
  return (
    stateHasTag(record.state, 'profileSaved') &&
    record.profileRestoredAt === undefined &&
    record.profileRemovedAt === undefined
  );
}
