import { afterEach, beforeEach } from 'vitest';
import { DeploymentJournal } from '../../src/services/flexDeployment/deploymentJournal';
import { FlexDeploymentTracker } from '../../src/services/flexDeployment/flexDeploymentTracker';
import {
  FakeClock,
  FakeProvisioner,
  FakeSignIn,
  LeaseRegistry,
  MemoryMemento,
  MemorySecrets,
  RecordingEffects,
  RecordingNotices,
  ScriptedReader,
  tempDir,
} from './trackerFakes';

/** What the windows of one test share: globalState, secrets, the storage folder, leases, ARM. */
export interface SharedWorld {
  memento: MemoryMemento;
  secrets: MemorySecrets;
  storageDir: string;
  leases: LeaseRegistry;
  reader: ScriptedReader;
  clock: FakeClock;
  effects: RecordingEffects;
  signIn: FakeSignIn;
  provisioner: FakeProvisioner;
  notices: RecordingNotices;
  logs: string[];
}

export function createWorld(storageDir: string): SharedWorld {
  const secrets = new MemorySecrets();
  const reader = new ScriptedReader();
  return {
    memento: new MemoryMemento(),
    secrets,
    storageDir,
    leases: new LeaseRegistry(),
    reader,
    provisioner: new FakeProvisioner(reader),
    clock: new FakeClock(),
    effects: new RecordingEffects(secrets),
    signIn: new FakeSignIn(),
    notices: new RecordingNotices(),
    logs: [],
  };
}

/** A window: one tracker over the shared world. */
export function openWindow(world: SharedWorld, settings: { retentionDays: number; pollIntervalMs?: number } = { retentionDays: 30 }) {
  const leases = world.leases.forWindow();
  const log = (m: string) => void world.logs.push(m);
  const tracker = new FlexDeploymentTracker({
    journal: new DeploymentJournal(world.storageDir, world.memento, { log, notices: world.notices, now: world.clock.now }),
    leases,
    reader: world.reader,
    provisioner: world.provisioner,
    effects: world.effects,
    secrets: world.secrets,
    signIn: world.signIn,
    settings: { retentionDays: () => settings.retentionDays, pollIntervalMs: () => settings.pollIntervalMs ?? 15_000 },
    clock: world.clock,
    log,
  });
  return { tracker, leases };
}



export type TestWindow = ReturnType<typeof openWindow>;

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
    async window(options: { polling?: boolean; pollIntervalMs?: number } = {}): Promise<TestWindow> {
      const w = openWindow(this.world, { retentionDays: 30, pollIntervalMs: options.pollIntervalMs });
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
