import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CancelRequests } from '../../../src/services/flexDeployment/cancelRequests';
import { tempDir } from '../../support/trackerFakes';

/** A watcher the system fails after it started: no real folder fails on demand, so `watch` is replaced. */

class FailingWatcher extends EventEmitter {
  closed = 0;
  close(): void {
    this.closed += 1;
  }
}

const watchers = vi.hoisted(() => [] as FailingWatcher[]);
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof import('node:fs')>()),
  watch: () => {
    const watcher = new FailingWatcher();
    watchers.push(watcher);
    return watcher;
  },
}));

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  watchers.length = 0;
});
afterEach(() => dir.remove());

it("a watcher that fails is closed and says so; the requests are left to the poll cycle, and nothing is thrown", async () => {
  const logs: string[] = [];
  const watching = await new CancelRequests(dir.path, (message) => logs.push(message)).watch(() => undefined);
  const [watcher] = watchers;
  // An 'error' with no listener would throw out of emit, and in VS Code out of the extension host's event loop.
  expect(() => watcher.emit('error', new Error('ENOSPC: System limit for number of file watchers reached'))).not.toThrow();
  expect(watcher.closed).toBe(1);
  expect(logs).toEqual([
    "Stopped watching for other windows' cancel requests (Error: ENOSPC: System limit for number of file watchers reached); they are answered at each poll cycle instead.",
  ]);
  watching.dispose();
});
