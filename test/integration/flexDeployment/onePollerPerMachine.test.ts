import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeploymentJournal } from '../../../src/services/flexDeployment/deploymentJournal';
import { LockFileLeases } from '../../../src/services/flexDeployment/deploymentLeases';
import { FlexDeploymentTracker } from '../../../src/services/flexDeployment/flexDeploymentTracker';
import { FakeSignIn, MemoryMemento, MemorySecrets, RecordingEffects, RecordingLifecycle, RecordingNotices, tempDir } from '../../support/trackerFakes';
import { createRequest, useAzureSandbox } from '../azure/azureSandboxHarness';

const h = useAzureSandbox();
const trackers: FlexDeploymentTracker[] = [];
let dir: ReturnType<typeof tempDir> | undefined;

afterEach(async () => {
  for (const t of trackers.splice(0)) await t.dispose();
  dir?.remove();
});

/** Two extension hosts on one machine: the same storage folder (journal, leases, board), globalState and secrets. */
function twoWindows() {
  dir = tempDir();
  const memento = new MemoryMemento();
  const secrets = new MemorySecrets();
  const effects = new RecordingEffects(secrets);
  const logs: string[] = [];
  const notices = new RecordingNotices();
  const open = async () => {
    const log = (m: string) => void logs.push(m);
    const tracker = new FlexDeploymentTracker({
      journal: new DeploymentJournal(dir!.path, memento, { log, notices }),
      leases: new LockFileLeases(join(dir!.path, 'leases')),
      reader: h.services.reader,
      provisioner: h.services.provisioner,
      canceller: h.services.canceller,
      effects,
      secrets,
      signIn: new FakeSignIn(),
      settings: { retentionDays: () => 30, pollIntervalMs: () => 15_000 },
      clock: { now: Date.now },
      lifecycle: new RecordingLifecycle(),
      log,
    });
    trackers.push(tracker);
    await tracker.activate();
    tracker.stopPolling(); // each cycle below is one interval of both windows
    return tracker;
  };
  return { open, effects };
}

describe('one poll cycle per machine, against the sandbox’s request counters', () => {
  it('two windows, each owning a deployment in the same resource group: one list call per cycle', async () => {
    h.sandbox.control.scriptOutcome('pg-window-a', { outcome: 'hang' });
    h.sandbox.control.scriptOutcome('pg-window-b', { outcome: 'hang' });
    const { open } = twoWindows();
    const [a, b] = [await open(), await open()];
    const ids = [await a.create(createRequest('pg-window-a')), await b.create(createRequest('pg-window-b'))];
    h.sandbox.control.resetRequests();
    const cycles = 4;
    for (let i = 0; i < cycles; i++) await Promise.all([a.refresh(), b.refresh()]);
    expect(h.sandbox.requests.count('deployments.list')).toBe(cycles);
    expect(h.sandbox.requests.count('deployments.get')).toBe(0);
    await Promise.all([a.refresh(), b.refresh()]);
    expect(a.getDeployment(ids[0])?.context.lastCheckedAt).toBeDefined();
    expect(b.getDeployment(ids[1])?.context.lastCheckedAt).toBeDefined();
  });

  it('each owner still runs its own deployment’s effects: both end with their profile', async () => {
    const { open, effects } = twoWindows();
    const [a, b] = [await open(), await open()];
    const ids = [await a.create(createRequest('pg-ends-a')), await b.create(createRequest('pg-ends-b'))];
    for (let i = 0; i < 100 && effects.profiles.size < 2; i++) {
      await Promise.all([a.refresh(), b.refresh()]);
      await Promise.all([a.whenIdle(), b.whenIdle()]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect([...effects.profiles.keys()].sort()).toEqual(ids.map((id) => `flex-${id}`).sort());
    expect(effects.dashboards.sort()).toEqual([...ids].sort());
  });
});
