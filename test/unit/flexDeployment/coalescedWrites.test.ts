import { beforeEach, describe, expect, it } from 'vitest';
import { CoalescedWrites, type SettledDeployments } from '../../../src/services/flexDeployment/coalescedWrites';
import type { JournalChange } from '../../../src/services/flexDeployment/deploymentJournal';
import { deploymentRecord } from '../../support/journalWorld';

/** The journal's writes as CoalescedWrites makes them, answered when the test says (or at once). */
class HeldJournal {
  readonly commits: { upserts: string[]; deletes: string[] }[] = [];
  hold = false;
  failWith: Error | undefined;
  private readonly waiting: (() => void)[] = [];
  commit(change: JournalChange): Promise<void> {
    this.commits.push({ upserts: (change.upserts ?? []).map((r) => r.stagingId), deletes: [...(change.deletes ?? [])] });
    if (this.failWith) return Promise.reject(this.failWith);
    return this.hold ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }
  /** The oldest write held answers. */
  answer(): void {
    this.waiting.shift()?.();
  }
}

/** The tracker's deployments as the writes see them: which are settled, how many effects run, which were released. */
class Deployments implements SettledDeployments {
  readonly settledNow = new Set<string>();
  effectsRunning = 0;
  readonly released: string[] = [];
  isSettled(stagingId: string) {
    return this.settledNow.has(stagingId);
  }
  inFlight() {
    return this.effectsRunning;
  }
  async release(stagingId: string) {
    this.released.push(stagingId);
  }
}

let journal: HeldJournal;
let deployments: Deployments;
let logs: string[];
let writes: CoalescedWrites;
beforeEach(() => {
  journal = new HeldJournal();
  deployments = new Deployments();
  logs = [];
  writes = new CoalescedWrites(journal, deployments, (m) => void logs.push(m));
});

const record = (id: string) => deploymentRecord(id, 'deploying', Date.UTC(2026, 10, 22));
/** A few turns of the event loop: what was started so far gets as far as it can. */
const turns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('coalesced journal writes', () => {
  it('writes changes made outside a batch by themselves, one write for a burst of them', async () => {
    writes.change(record('a'));
    writes.delete('b');
    writes.change(record('c'));
    await writes.whenWritten();
    expect(journal.commits).toEqual([{ upserts: ['a', 'c'], deletes: ['b'] }]);
    expect(writes.idle()).toBe(true);
  });

  it('writes what a batch changed once, after it, and is not idle meanwhile; changes after it are written by themselves', async () => {
    await writes.batch(async () => {
      writes.delete('gone');
      expect(writes.idle()).toBe(false);
    });
    await writes.batch(async () => {
      writes.change(record('a'));
      expect(writes.idle()).toBe(false);
      writes.change(record('b'));
    });
    expect(journal.commits).toEqual([{ upserts: [], deletes: ['gone'] }, { upserts: ['a', 'b'], deletes: [] }]);
    await expect(writes.batch(() => Promise.reject(new Error('a cycle failed')))).rejects.toThrow('a cycle failed');
    writes.change(record('later'));
    await writes.whenWritten();
    expect(journal.commits.at(-1)).toEqual({ upserts: ['later'], deletes: [] });
  });

  it('forgets changes not yet written when told to discard them', async () => {
    writes.change(record('wiped'));
    writes.discardChanges();
    await writes.whenWritten();
    expect(journal.commits).toEqual([]);
  });

  it('releases a settled deployment once its write is made, and not one that started an effect since', async () => {
    writes.settle('done');
    writes.settle('busy-again');
    deployments.settledNow.add('done');
    writes.change(record('done'));
    await writes.whenWritten();
    expect(deployments.released).toEqual(['done']);
    deployments.settledNow.add('busy-again');
    writes.change(record('busy-again'));
    await writes.whenWritten();
    expect(deployments.released).toEqual(['done', 'busy-again']);
  });

  it('is not idle while a settled deployment waits for the effects in flight', async () => {
    deployments.effectsRunning = 1;
    deployments.settledNow.add('done');
    writes.settle('done');
    expect(writes.idle()).toBe(false);
    deployments.effectsRunning = 0;
    writes.effectsDone();
    await writes.whenWritten();
    expect(deployments.released).toEqual(['done']);
    expect(writes.idle()).toBe(true);
  });

  it('logs a failed write once', async () => {
    journal.failWith = new Error('EIO: i/o error, write');
    writes.change(record('a'));
    await writes.whenWritten();
    expect(logs).toEqual(['Saving deployment records failed: Error: EIO: i/o error, write']);
  });

  it('resolves whenWritten only once every write started before it ends, those started meanwhile included', async () => {
    journal.hold = true;
    writes.change(record('a'));
    await turns();
    let written = false;
    const done = writes.whenWritten().then(() => (written = true));
    writes.change(record('b'));
    await turns();
    expect(journal.commits.map((c) => c.upserts)).toEqual([['a'], ['b']]);
    journal.answer();
    await turns();
    expect(written).toBe(false);
    journal.answer();
    await done;
  });
});
