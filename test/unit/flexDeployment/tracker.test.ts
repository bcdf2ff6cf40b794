import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGED_PROFILES_KEY, stagedPasswordKey } from '../../../src/services/flexDeployment/storageKeys';
import type { DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { createRequest } from '../../support/trackerFakes';
import { type SharedWorld } from '../../support/trackerHarness';
import { storedRecords } from '../../support/storedRecords';
import { useTrackerWorld } from '../../support/trackerWorld';

const HOUR = 60 * 60 * 1000;
const setup = useTrackerWorld();
const window = () => setup.window();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

/** Every record on disk: the active journal and the history. */
function stored(): DeploymentRecord[] {
  return storedRecords(setup.storageDir);
}

/** The globalState copy: the active journal's records. */
function mirrored(): DeploymentRecord[] {
  return world.memento.get<DeploymentRecord[]>(STAGED_PROFILES_KEY) ?? [];
}

function journal(): { records: DeploymentRecord[] } {
  return JSON.parse(readFileSync(join(setup.storageDir, 'flexDeployments.json'), 'utf8'));
}

describe('FlexDeploymentTracker', () => {
  it('stages the deployment durably before ARM is called, with the password only in SecretStorage', async () => {
    const { tracker } = await window();
    let journalAtStart: DeploymentRecord[] = [];
    world.reader.set = new Proxy(world.reader.set, {
      apply: (target, self, args) => {
        journalAtStart = journal().records;
        return Reflect.apply(target, self, args);
      },
    });
    const id = await tracker.create(createRequest());
    expect(journalAtStart.map((r) => r.stagingId)).toEqual([id]);
    expect(journalAtStart[0]?.status).toBe('pending');
    // Spec §1: the profile to save when it succeeds, on the server's Azure host and the default database.
    expect(journalAtStart[0]?.connectionProfile).toMatchObject({ server: 'pgflex-demo.postgres.database.azure.com', database: '' });
    expect(tracker.getDeployment(id)?.value).toBe('deploying');
    expect(mirrored()[0]).toMatchObject({ stagingId: id, status: 'deploying', passwordSecretId: stagedPasswordKey(id) });
    expect(stored()).toEqual(mirrored());
    expect(world.secrets.values.get(stagedPasswordKey(id))).toBe('Sup3r$ecret!');
    expect(JSON.stringify([...world.memento.values.values()])).not.toContain('Sup3r$ecret!');
    expect(readFileSync(join(setup.storageDir, 'flexDeployments.json'), 'utf8')).not.toContain('Sup3r$ecret!');
  });

  it('rejects an invalid request with the rule that failed and stages nothing', async () => {
    const { tracker } = await window();
    await expect(tracker.create(createRequest({ serverName: 'Bad_Name' }))).rejects.toThrow(/lowercase letters/);
    expect(stored()).toEqual([]);
  });

  it('on success in the active session saves one profile, connects and opens the dashboard once', async () => {
    const { tracker, leases } = await window();
    const id = await tracker.create(createRequest());
    const { deploymentName } = tracker.getDeployment(id)!.context;
    world.reader.set(deploymentName, { kind: 'succeeded', serverResourceId: '/subscriptions/s/rg/servers/pgflex-demo' });
    await tracker.refresh();
    await tracker.whenIdle();
    await tracker.refresh();
    await tracker.whenIdle();
    expect(tracker.getDeployment(id)?.value).toEqual({ succeeded: 'dashboardOpened' });
    expect(world.effects.profiles.size).toBe(1);
    expect(world.effects.dashboards).toEqual([id]);
    expect(world.effects.ready).toEqual([]);
    expect(world.secrets.values.has(stagedPasswordKey(id))).toBe(false);
    expect(stored()[0]).toMatchObject({ status: 'succeeded', profileCreated: true, dashboardOpened: true });
    expect(stored()[0]?.passwordSecretId).toBeUndefined();
    expect(stored()[0]?.connectionProfile.azureResourceId).toBe('/subscriptions/s/rg/servers/pgflex-demo');
    expect(leases.holds(id)).toBe(false);
    // Settled: out of the active journal (and its globalState copy), into the history.
    expect(mirrored()).toEqual([]);
  });

  it('after a restart, finishes the deployment with a profile and a notification, never the dashboard', async () => {
    const first = await window();
    const id = await first.tracker.create(createRequest());
    const { deploymentName } = first.tracker.getDeployment(id)!.context;
    first.leases.crash(); // the window is gone: in-memory state dropped, only what was persisted remains
    await first.tracker.dispose();

    world.reader.set(deploymentName, { kind: 'succeeded', serverResourceId: '/x/servers/pgflex-demo' });
    const second = await window();
    await second.tracker.refresh();
    await second.tracker.whenIdle();
    expect(second.tracker.getDeployment(id)?.value).toEqual({ succeeded: 'profileCreated' });
    expect(world.effects.profiles.size).toBe(1);
    expect(world.effects.ready).toEqual([id]);
    expect(world.effects.dashboards).toEqual([]);
  });

  it('on failure keeps ARM’s error, deletes the staged password and creates no profile', async () => {
    const { tracker } = await window();
    const id = await tracker.create(createRequest());
    const { deploymentName } = tracker.getDeployment(id)!.context;
    const error = { code: 'QuotaExceeded', message: 'Operation could not be completed as it results in exceeding approved quota.' };
    world.reader.set(deploymentName, { kind: 'failed', error });
    await tracker.refresh();
    await tracker.whenIdle();
    const record = stored()[0];
    expect(record).toMatchObject({ status: 'failed', error: error.message, armError: error });
    expect(record.passwordSecretId).toBeUndefined();
    expect(world.secrets.values.size).toBe(0);
    expect(world.effects.profiles.size).toBe(0);
    expect(world.effects.failed).toEqual([id]);
  });

  it('notifies a failure again on activation within 24 hours, not after Retry, not after 24 hours', async () => {
    const first = await window();
    const id = await first.tracker.create(createRequest());
    world.reader.set(first.tracker.getDeployment(id)!.context.deploymentName, { kind: 'failed', error: { code: 'X', message: 'boom' } });
    await first.tracker.refresh();
    await first.tracker.whenIdle();
    expect(world.effects.failed).toEqual([id]);

    world.clock.advance(HOUR);
    await window();
    expect(world.effects.failed).toEqual([id, id]);

    world.clock.advance(24 * HOUR);
    await window();
    expect(world.effects.failed).toEqual([id, id]);
  });

  it('Retry opens the prefilled form and stops the failure notifications', async () => {
    const { tracker } = await window();
    const id = await tracker.create(createRequest());
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'failed', error: { code: 'X', message: 'boom' } });
    await tracker.refresh();
    await tracker.whenIdle();
    await tracker.retry(id);
    await tracker.whenIdle();
    expect(world.effects.retryForms).toEqual([id]);
    expect(tracker.getDeployment(id)?.context.request?.serverName).toBe('pgflex-demo');
    await window();
    expect(world.effects.failed).toEqual([id]);
  });

  it('fails a deployment ARM still reports running 2 hours after it was created, counted from createdAt across a restart', async () => {
    const first = await window();
    const id = await first.tracker.create(createRequest());
    first.leases.crash();
    await first.tracker.dispose();
    world.clock.advance(2 * HOUR - 1000);
    const second = await window();
    await second.tracker.refresh();
    expect(second.tracker.getDeployment(id)?.value).toBe('deploying');
    world.clock.advance(1000);
    await second.tracker.refresh();
    await second.tracker.whenIdle();
    expect(second.tracker.getDeployment(id)?.context.armError?.code).toBe('DeploymentTimedOut');
  });

  it('purges terminal records past the retention window on activation and keeps in-progress ones', async () => {
    const first = await window();
    const done = await first.tracker.create(createRequest({ serverName: 'old-one' }));
    world.reader.set(first.tracker.getDeployment(done)!.context.deploymentName, { kind: 'failed', error: { code: 'X', message: 'boom' } });
    await first.tracker.refresh();
    await first.tracker.whenIdle();
    const running = await first.tracker.create(createRequest({ serverName: 'still-running' }));
    first.leases.crash();
    await first.tracker.dispose();
    world.clock.advance(31 * 24 * HOUR);
    const second = await window();
    expect((await second.tracker.getStagedProfiles()).map((p) => p.stagingId)).toEqual([running]);
    expect(stored().map((r) => r.stagingId)).toEqual([running]);
    expect(world.logs.filter((line) => line.startsWith('Removed'))).toEqual(['Removed 1 deployment record(s) older than the retention window.']);
  });

  it('with a retention of 0 days, purges a failure on activation even within its notification window', async () => {
    const first = await window();
    const id = await first.tracker.create(createRequest());
    world.reader.set(first.tracker.getDeployment(id)!.context.deploymentName, { kind: 'failed', error: { code: 'X', message: 'boom' } });
    await first.tracker.refresh();
    await first.tracker.whenIdle();
    await setup.crash(first);
    world.clock.advance(HOUR);
    const second = await setup.window({ retentionDays: 0 });
    expect(await second.tracker.getStagedProfiles()).toEqual([]);
    expect(stored()).toEqual([]);
    expect(world.effects.failed).toEqual([id]);
    expect(world.logs).toContain('Removed 1 deployment record(s) older than the retention window.');
  });

  it('writes globalState at most once per poll cycle with 50 deployments deploying', async () => {
    const { tracker } = await window();
    for (let i = 0; i < 50; i++) await tracker.create(createRequest({ serverName: `server-${i}` }));
    await tracker.whenIdle();
    const before = world.memento.writes;
    await tracker.refresh();
    await tracker.whenIdle();
    expect(world.memento.writes - before).toBe(1);
    expect(world.reader.reads.at(-1)).toHaveLength(50);
  });

  it('asks to sign in once per activation, only when a read finds no session, telling how many wait', async () => {
    const { tracker } = await window();
    const ids = [await tracker.create(createRequest({ serverName: 'first' })), await tracker.create(createRequest({ serverName: 'second' }))];
    await tracker.refresh();
    expect(world.signIn.prompts).toBe(0);
    for (const id of ids) world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'signedOut' });
    await tracker.refresh();
    await tracker.refresh();
    await tracker.whenIdle();
    expect(world.signIn.prompts).toBe(1);
    expect(world.lifecycle.told.filter((moment) => moment.startsWith('signInNeeded'))).toEqual(['signInNeeded 2']);
    expect(ids.map((id) => tracker.getDeployment(id)?.value)).toEqual(['deploying', 'deploying']);
  });

  it('logs why asking to sign in failed, and goes on tracking', async () => {
    const { tracker } = await window();
    const id = await tracker.create(createRequest());
    world.signIn.promptSignIn = () => Promise.reject(new Error('the sign-in notification was closed'));
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'signedOut' });
    await tracker.refresh();
    await tracker.whenIdle();
    await expect.poll(() => world.logs).toContain('Asking to sign in failed: Error: the sign-in notification was closed');
    expect(tracker.getDeployment(id)?.value).toBe('deploying');
  });

  it('checkDeploymentStatus reads that one deployment now, outside the poll cycle', async () => {
    const { tracker } = await window();
    const id = await tracker.create(createRequest());
    await tracker.create(createRequest({ serverName: 'other' }));
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'failed', error: { code: 'X', message: 'boom' } });
    world.reader.reads.length = 0;
    await tracker.checkDeploymentStatus(id);
    await tracker.whenIdle();
    expect(world.reader.reads.map((refs) => refs.map((ref) => ref.stagingId))).toEqual([[id]]);
    expect(tracker.getDeployment(id)?.context.status).toBe('failed');
    await tracker.checkDeploymentStatus('not-a-staging-id');
    expect(world.reader.reads).toHaveLength(1);
  });

  it('Dismiss removes the record; clear removes every record and staged password', async () => {
    const { tracker } = await window();
    const failed = await tracker.create(createRequest({ serverName: 'will-fail' }));
    world.reader.set(tracker.getDeployment(failed)!.context.deploymentName, { kind: 'failed', error: { code: 'X', message: 'boom' } });
    await tracker.refresh();
    await tracker.whenIdle();
    await tracker.dismiss(failed);
    await tracker.whenIdle();
    expect(stored().map((r) => r.stagingId)).not.toContain(failed);

    const running = await tracker.create(createRequest({ serverName: 'running' }));
    expect(world.secrets.values.has(stagedPasswordKey(running))).toBe(true);
    await tracker.clearAll();
    expect(stored()).toEqual([]);
    expect(world.secrets.values.size).toBe(0);
  });
});
