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
  RecordingLifecycle,
  RecordingNotices,
  ScriptedCanceller,
  ScriptedReader,
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
  canceller: ScriptedCanceller;
  notices: RecordingNotices;
  lifecycle: RecordingLifecycle;
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
    canceller: new ScriptedCanceller(reader),
    clock: new FakeClock(),
    effects: new RecordingEffects(secrets),
    signIn: new FakeSignIn(),
    notices: new RecordingNotices(),
    lifecycle: new RecordingLifecycle(),
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
    canceller: world.canceller,
    effects: world.effects,
    secrets: world.secrets,
    signIn: world.signIn,
    settings: { retentionDays: () => settings.retentionDays, pollIntervalMs: () => settings.pollIntervalMs ?? 15_000 },
    clock: world.clock,
    lifecycle: world.lifecycle,
    log,
  });
  return { tracker, leases };
}

export type TestWindow = ReturnType<typeof openWindow>;
