import { beforeEach, describe, expect, it } from 'vitest';
import { tellEach, tellTransition } from '../../../src/services/flexDeployment/deploymentLifecycle';
import { createRequest, RecordingLifecycle } from '../../support/trackerFakes';
import type { SharedWorld } from '../../support/trackerHarness';
import { useTrackerWorld } from '../../support/trackerWorld';
import { deploymentContext } from '../../support/connectionFakes';

const setup = useTrackerWorld();
let world: SharedWorld;
beforeEach(() => (world = setup.world));

async function cycle(tracker: { refresh(): Promise<void>; whenIdle(): Promise<void> }) {
  await tracker.refresh();
  await tracker.whenIdle();
}

describe('the lifecycle moments the tracker tells', () => {
  it('a success: staged, accepted, each read, ended, profile saved — in that order, each once', async () => {
    const { tracker } = await setup.window();
    const id = await tracker.create(createRequest());
    const { deploymentName } = tracker.getDeployment(id)!.context;
    await cycle(tracker);
    world.reader.set(deploymentName, { kind: 'succeeded', serverResourceId: '/subscriptions/s/rg/servers/pgflex-demo' });
    await cycle(tracker);
    await cycle(tracker);
    expect(world.lifecycle.told).toEqual([
      `staged ${id}`,
      `accepted ${id}`,
      `observed ${id} running`,
      `observed ${id} succeeded`,
      `ended ${id} succeeded`,
      `profileSaved ${id}`,
    ]);
  });

  it('a PUT ARM refused: staged and ended failed, never accepted', async () => {
    const { tracker } = await setup.window();
    world.provisioner.rejectWith = { code: 'InvalidTemplate', message: 'bad' };
    const id = await tracker.create(createRequest());
    await tracker.whenIdle();
    expect(world.lifecycle.told).toEqual([`staged ${id}`, `ended ${id} failed`]);
  });

  it('a cancel: ended canceled, once, after the read that says so; nothing saved', async () => {
    const { tracker } = await setup.window();
    const id = await tracker.create(createRequest());
    const { deploymentName } = tracker.getDeployment(id)!.context;
    await cycle(tracker);
    await tracker.cancel(id);
    await tracker.whenIdle();
    world.reader.set(deploymentName, { kind: 'canceled' });
    await cycle(tracker);
    await cycle(tracker);
    expect(world.lifecycle.told).toEqual([`staged ${id}`, `accepted ${id}`, `observed ${id} running`, `observed ${id} canceled`, `ended ${id} canceled`]);
  });

  it('a lost answer: accepted only when a read finds the deployment', async () => {
    const { tracker } = await setup.window();
    world.provisioner.loseAnswer = true;
    const id = await tracker.create(createRequest());
    expect(world.lifecycle.told).toEqual([`staged ${id}`]);
    await cycle(tracker);
    expect(world.lifecycle.told).toEqual([`staged ${id}`, `observed ${id} running`, `accepted ${id}`]);
  });

  it.each(['succeeded', 'canceled'] as const)('a lost answer whose first read finds the deployment %s: accepted before it ended', async (kind) => {
    const { tracker } = await setup.window();
    world.provisioner.loseAnswer = true;
    const id = await tracker.create(createRequest());
    const { deploymentName } = tracker.getDeployment(id)!.context;
    world.reader.set(deploymentName, kind === 'succeeded' ? { kind, serverResourceId: '/subscriptions/s/rg/servers/pgflex-demo' } : { kind });
    await cycle(tracker);
    const told = world.lifecycle.told;
    expect(told).toContain(`accepted ${id}`);
    expect(told.indexOf(`accepted ${id}`)).toBeLessThan(told.indexOf(`ended ${id} ${kind}`));
  });

  it('a reload tells nothing again: staged and accepted stay told, the new owner tells what follows', async () => {
    const first = await setup.window();
    const id = await first.tracker.create(createRequest());
    const { deploymentName } = first.tracker.getDeployment(id)!.context;
    await setup.crash(first);
    world.lifecycle.told.length = 0;
    world.reader.set(deploymentName, { kind: 'failed', error: { code: 'QuotaExceeded', message: 'quota' } });
    // Activation reads ARM at once: the read and the end it brings, nothing of the rehydration itself.
    const second = await setup.window();
    await cycle(second.tracker);
    expect(world.lifecycle.told).toEqual([`observed ${id} failed`, `ended ${id} failed`]);
  });

  it('signed out during background reads: the sign-in is needed once, counting the deployments waiting', async () => {
    const { tracker } = await setup.window();
    const ids = [await tracker.create(createRequest({ serverName: 'one' })), await tracker.create(createRequest({ serverName: 'two' }))];
    for (const id of ids) world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'signedOut' });
    await cycle(tracker);
    await cycle(tracker);
    expect(world.lifecycle.told.filter((m) => m.startsWith('signInNeeded'))).toEqual(['signInNeeded 2']);
    expect(world.signIn.prompts).toBe(1);
  });
});

describe('tellEach', () => {
  it('tells every listener the moments it listens to; one that throws is reported, the others still told', () => {
    const recorded = new RecordingLifecycle();
    const errors: unknown[] = [];
    const lifecycle = tellEach([{ ended: () => { throw new Error('broken listener'); } }, recorded], (error) => errors.push(error));
    const d = deploymentContext({ transientRetry: { failedAttempts: 2, error: { code: 'ServerBusy', message: 'Try again later.' }, retryAt: 5 } });
    lifecycle.staged(d);
    lifecycle.accepted(d);
    lifecycle.observed(d, { kind: 'running', provisioningState: 'Running' });
    lifecycle.retryScheduled(d);
    lifecycle.resubmitted(d);
    lifecycle.ended(d);
    lifecycle.profileSaved(d);
    lifecycle.signInNeeded(3);
    expect(recorded.told).toEqual([
      'staged stg-1', 'accepted stg-1', 'observed stg-1 running', 'retryScheduled stg-1 2', 'resubmitted stg-1',
      'ended stg-1 succeeded', 'profileSaved stg-1', 'signInNeeded 3',
    ]);
    expect(errors).toEqual([new Error('broken listener')]);
  });
});

describe('the moment a change is', () => {
  it.each([
    [undefined, true, ['profileSaved d']],
    [false, true, ['profileSaved d']],
    // Every later change (the dashboard opened, a dismissal) keeps the profile: it was told once already.
    [true, true, []],
    [false, false, []],
    [undefined, undefined, []],
  ] as const)('profile saved before %s, after %s: tells %j', (before, after, told) => {
    const lifecycle = new RecordingLifecycle();
    const base = deploymentContext({ stagingId: 'd', status: 'succeeded', terminalAt: 1 });
    tellTransition({ ...base, profileCreated: before }, { ...base, profileCreated: after }, lifecycle);
    expect(lifecycle.told).toEqual(told);
  });
});
