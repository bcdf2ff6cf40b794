import type { DeploymentRecord } from '../src/services/flexDeployment/deploymentRecord';
import { DeploymentJournal } from '../src/services/flexDeployment/deploymentJournal';
import { tempDir, type RecordingEffects } from '../test/support/trackerFakes';
import { settledRecord } from '../test/support/settledRecords';
import { createWorld, type SharedWorld } from '../test/support/trackerHarness';

const DAY = 24 * 3600_000;

/**
 * `count` retained records, as a month of use leaves them: terminal, spread over 25 days from a
 * day ago (a failure of the last 24 hours stays in the active journal by design, its notification
 * being repeated; there are none here), one in five a failure.
 */
export function retainedRecords(count: number, now: number): DeploymentRecord[] {
  return Array.from({ length: count }, (_, i) => settledRecord(`s-${i}`, { at: now - ((i % 25) + 1) * DAY - 3600_000, durationMs: 300_000, failed: i % 5 === 0 }));
}


/** The settings as those records left them: the profile of every succeeded one is saved. */
export function saveProfilesOf(records: readonly DeploymentRecord[], effects: RecordingEffects): void {
  for (const record of records) if (record.profileCreated) effects.profiles.set(record.connectionProfile.id ?? `flex-${record.stagingId}`, { context: record });
}

/** A window's storage folder and settings as a month of use leaves them: `count` settled records written through the journal, their profiles saved. */
export async function worldWithHistory(count: number): Promise<{ world: SharedWorld; remove: () => void }> {
  const dir = tempDir();
  const world = createWorld(dir.path);
  const records = retainedRecords(count, world.clock.now());
  await new DeploymentJournal(dir.path, world.memento, { log: () => undefined, notices: world.notices, now: world.clock.now }).commit({ upserts: records });
  saveProfilesOf(records, world.effects);
  return { world, remove: () => dir.remove() };
}
