import { afterEach, beforeEach } from 'vitest';
import { tempDir } from './trackerFakes';
import { createWorld, openWindow, type SharedWorld, type TestWindow } from './trackerHarness';

/**
 * A fresh world per test, and its windows: `window()` opens one (activated, idle, its poll loop
 * stopped unless asked for, so cycles are driven by refresh()); all are disposed after the test.
 */
export function useTrackerWorld() {
  let dir: ReturnType<typeof tempDir> | undefined;
  let world: SharedWorld | undefined;
  const windows: TestWindow[] = [];
  beforeEach(() => {
    dir = tempDir();
    world = createWorld(dir.path);
  });
  afterEach(async () => {
    for (const w of windows.splice(0)) await w.tracker.dispose();
    dir?.remove();
  });
  return {
    get world(): SharedWorld {
      if (!world) throw new Error('no world outside a test');
      return world;
    },
    get storageDir(): string {
      return this.world.storageDir;
    },
    async window(options: { polling?: boolean; pollIntervalMs?: number; retentionDays?: number } = {}): Promise<TestWindow> {
      const w = openWindow(this.world, { retentionDays: options.retentionDays ?? 30, pollIntervalMs: options.pollIntervalMs });
      windows.push(w);
      await w.tracker.activate();
      if (!options.polling) w.tracker.stopPolling();
      await w.tracker.whenIdle();
      return w;
    },
    /** The window died: its leases go stale and it does nothing more. */
    async crash(w: TestWindow): Promise<void> {
      w.leases.crash();
      windows.splice(windows.indexOf(w), 1);
      await w.tracker.dispose();
    },
  };
}
