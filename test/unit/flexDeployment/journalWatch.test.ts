import { EventEmitter } from 'node:events';
import { appendFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeJournalFiles, type JournalFiles } from '../../../src/services/flexDeployment/journalFiles';
import { HISTORY_FILE, useJournalWorld } from '../../support/journalWorld';

/** A watcher that fails after it started, when a test asks for one; the real one otherwise. */
const failing = vi.hoisted(() => ({ watcher: undefined as (EventEmitter & { close(): void }) | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, watch: (...args: Parameters<typeof fs.watch>) => failing.watcher ?? fs.watch(...args) };
});

const world = useJournalWorld();
const record = world.record.bind(world);
const subscriptions: { dispose(): void }[] = [];
afterEach(() => {
  for (const s of subscriptions.splice(0)) s.dispose();
  failing.watcher = undefined;
});

/**
 * A window's journal whose version reads are tracked, and what its watcher told it: `settled()`
 * resolves once the file events so far have been delivered and every version read they started has
 * answered, so a call that did not come will not come.
 */
function watchingWindow(version: JournalFiles['version'] = nodeJournalFiles.version) {
  const pending: Promise<unknown>[] = [];
  const files: JournalFiles = {
    ...nodeJournalFiles,
    version: (p) => {
      const read = version(p);
      pending.push(read.catch(() => undefined));
      return read;
    },
  };
  const journal = world.journal({ files });
  const calls: number[] = [];
  const subscription = journal.watch(() => calls.push(calls.length));
  subscriptions.push(subscription);
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const settled = async () => {
    for (let i = 0; i < 3; i++) await turn();
    await Promise.all(pending);
    await turn();
  };
  return { journal, calls, subscription, settled };
}

describe("watching for other windows' writes", () => {
  it("calls back on another window's write of the active journal, not on this window's own", async () => {
    const { journal, calls, settled } = watchingWindow();
    await journal.commit({ upserts: [record('own', 'deploying')] });
    await settled();
    expect(calls).toEqual([]);
    await world.journal().commit({ upserts: [record('theirs', 'deploying')] });
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0));
  });

  it('calls back on a change to the history alone', async () => {
    const { journal, calls, settled } = watchingWindow();
    await journal.commit({ upserts: [record('own', 'deploying')] });
    await settled();
    appendFileSync(world.file(HISTORY_FILE), `${JSON.stringify(record('settled', 'succeeded.profileCreated', world.clock.now()))}\n`);
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0));
  });

  it('ignores the other files of the storage folder', async () => {
    const { calls, settled } = watchingWindow();
    writeFileSync(world.file('flexDeployments.json.tmp'), '{}');
    writeFileSync(world.file('observations.json'), '{}');
    await settled();
    expect(calls).toEqual([]);
  });

  it('stops calling back once disposed', async () => {
    const { calls, subscription, settled } = watchingWindow();
    subscription.dispose();
    await world.journal().commit({ upserts: [record('theirs', 'deploying')] });
    await settled();
    expect(calls).toEqual([]);
  });

  it("logs why it could not tell another window's write from its own", async () => {
    watchingWindow(() => Promise.reject(new Error('EIO: i/o error, stat')));
    await world.journal().commit({ upserts: [record('theirs', 'deploying')] });
    await vi.waitFor(() => expect(world.logs).toContain("Reading the deployment journal's change failed: Error: EIO: i/o error, stat"));
  });

  it('without a storage folder to watch, says so and gives a handle that does nothing', () => {
    const subscription = world.journal({ directory: world.file('missing') }).watch(() => undefined);
    expect(world.logs).toEqual([expect.stringMatching(/^Not watching the deployment journal \(Error: ENOENT.*\); other windows' deployments show on reload\.$/)]);
    expect(() => subscription.dispose()).not.toThrow();
  });

  it('closes a watcher that fails after it started, without taking the window down', () => {
    const close = vi.fn();
    failing.watcher = Object.assign(new EventEmitter(), { close });
    world.journal().watch(() => undefined);
    expect(() => failing.watcher?.emit('error', new Error('EPERM: operation not permitted, watch'))).not.toThrow();
    expect(close).toHaveBeenCalledOnce();
  });
});
