import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeploymentStateName } from '../../../machines/flexDeployment/deploymentStates';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import { toRecord, type DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { TrackedRecords } from '../../../src/services/flexDeployment/trackedRecords';
import { modelInput } from '../../support/deploymentModel';

function record(stagingId: string, state: DeploymentStateName = 'deploying', lastCheckedAt?: number): DeploymentRecord {
  return toRecord(state, { ...modelInput(), stagingId, lastCheckedAt });
}

/** Everything an observable emits, past the value it holds when subscribed. */
function emissions<T>(subscribe: (next: (value: T) => void) => { unsubscribe(): void }) {
  const seen: T[] = [];
  const subscription = subscribe((value) => seen.push(value));
  return { seen, stop: () => subscription.unsubscribe() };
}

const ids = (views: readonly DeploymentView[] | undefined) => views?.map((v) => v.context.stagingId);
const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the records a window tracks, and their views', () => {
  it('publishes the views once per tick, however many records changed in it', async () => {
    const records = new TrackedRecords();
    const views = emissions<readonly DeploymentView[]>((next) => records.deployments$.subscribe(next));
    records.set(record('a'));
    records.set(record('b'));
    records.set(record('c'));
    await tick();
    expect(views.seen.map(ids)).toEqual([[], ['a', 'b', 'c']]);
    records.set(record('d'));
    await tick();
    expect(views.seen.map(ids)).toEqual([[], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']]);
    views.stop();
  });

  it('a record stored again unchanged is no change: nothing to write, nothing published', async () => {
    const records = new TrackedRecords();
    expect(records.set(record('a', 'deploying', 1))).toBe(true);
    await tick();
    const views = emissions<readonly DeploymentView[]>((next) => records.deployments$.subscribe(next));
    expect(records.set(record('a', 'deploying', 1))).toBe(false);
    await tick();
    expect(views.seen).toHaveLength(1);
    expect(records.set(record('a', 'deploying', 2))).toBe(true);
    await tick();
    expect(views.seen.at(-1)?.[0]?.context.lastCheckedAt).toBe(2);
    views.stop();
  });

  it('a deleted record is gone from the records and the views; deleting an unknown one publishes nothing', async () => {
    const records = new TrackedRecords();
    records.set(record('a'));
    records.set(record('b'));
    await tick();
    const views = emissions<readonly DeploymentView[]>((next) => records.deployments$.subscribe(next));
    records.delete('a');
    await tick();
    expect(records.has('a')).toBe(false);
    expect(records.unfinished().map((r) => r.stagingId)).toEqual(['b']);
    expect(views.seen.map(ids)).toEqual([['a', 'b'], ['b']]);
    records.delete('nobody');
    await tick();
    expect(views.seen).toHaveLength(2);
    views.stop();
  });

  it('clear forgets every record and publishes an empty list', async () => {
    const records = new TrackedRecords();
    records.set(record('a'));
    records.set(record('b', 'failed'));
    await tick();
    records.clear();
    expect(records.all()).toEqual([]);
    expect(records.unfinished()).toEqual([]);
    await tick();
    const views = emissions<readonly DeploymentView[]>((next) => records.deployments$.subscribe(next));
    expect(views.seen.map(ids)).toEqual([[]]);
    views.stop();
  });

  it('one deployment’s view emits only its own changes, and nothing for an unknown deployment', async () => {
    const records = new TrackedRecords();
    records.set(record('a', 'deploying', 1));
    records.set(record('b', 'deploying', 1));
    await tick();
    const ofB = emissions<DeploymentView>((next) => records.view$('b').subscribe(next));
    const ofNobody = emissions<DeploymentView>((next) => records.view$('nobody').subscribe(next));
    records.set(record('a', 'deploying', 2)); // another deployment changed: b's view is the same object
    await tick();
    expect(ofB.seen.map((v) => v.context.stagingId)).toEqual(['b']);
    expect(records.view('b')).toBe(ofB.seen[0]);
    records.set(record('b', 'deploying', 2));
    await tick();
    expect(ofB.seen.map((v) => v.context.lastCheckedAt)).toEqual([1, 2]);
    expect(ofNobody.seen).toEqual([]);
    ofB.stop();
    ofNobody.stop();
  });

  it('is active while any record needs ARM read, not while only a profile is owed', async () => {
    const records = new TrackedRecords();
    const active = emissions<boolean>((next) => records.active$.subscribe(next));
    records.set(record('saving', 'succeeded.creatingProfile'));
    await tick();
    expect(active.seen.at(-1)).toBe(false);
    records.set(record('running', 'deploying'));
    await tick();
    expect(active.seen.at(-1)).toBe(true);
    records.set(record('running', 'failed'));
    await tick();
    expect(active.seen.at(-1)).toBe(false);
    active.stop();
  });

  it('gives the settled history a new version at each change to it, never one it had before, and keeps it while only unfinished records change', () => {
    // What is derived from the history (the past pace of deployments) is kept while the version is
    // the same: a version seen again would serve a stale derivation, and a version changed by an
    // unfinished record's read would derive it again at every poll.
    const change = fc.oneof(
      fc.record({ op: fc.constant('set' as const), id: fc.constantFrom('a', 'b', 'c'), settled: fc.boolean(), checkedAt: fc.nat(3) }),
      fc.record({ op: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ op: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        const records = new TrackedRecords();
        const seen = [records.historyVersion()];
        for (const c of changes) {
          const settledBefore = records.all().filter((r) => r.state === 'failed').map((r) => r.stagingId).sort().join();
          const versionBefore = records.historyVersion();
          const unfinishedOnly = c.op === 'set' && !c.settled && records.get(c.id)?.state !== 'failed';
          if (c.op === 'set') records.set(record(c.id, c.settled ? 'failed' : 'deploying', c.checkedAt));
          else if (c.op === 'delete') records.delete(c.id);
          else records.clear();
          const version = records.historyVersion();
          const settledAfter = records.all().filter((r) => r.state === 'failed').map((r) => r.stagingId).sort().join();
          if (settledAfter !== settledBefore) expect(seen).not.toContain(version);
          if (unfinishedOnly) expect(version).toBe(versionBefore);
          if (!seen.includes(version)) seen.push(version);
        }
      }),
    );
  });
});
