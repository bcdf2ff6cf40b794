import { performance } from 'node:perf_hooks';
import { DeploymentJournal } from '../src/services/flexDeployment/deploymentJournal';
import type { DeploymentRecord } from '../src/services/flexDeployment/deploymentRecord';
import { createRequest, RecordingNotices } from '../test/support/trackerFakes';
import { openWindow } from '../test/support/trackerHarness';
import { retainedRecords, worldWithHistory } from './retainedRecords';
import { median, round } from './figures';

const CYCLES = 30;


/**
 * The tracker's CPU per poll cycle while one deployment runs and nothing else happens: the whole
 * cycle (journal sync, the ARM answer from a scripted reader, the machine, the write). Process CPU
 * time, so the disk's own time is left out; the reader answers at once, so ARM's is too.
 */
async function cycleCpuMs(retained: number): Promise<number> {
  const { world, remove } = await worldWithHistory(retained);
  const { tracker } = openWindow(world);
  try {
    await tracker.activate();
    tracker.stopPolling();
    await tracker.whenRehydrated();
    const id = await tracker.create(createRequest());
    world.reader.set(tracker.getDeployment(id)!.context.deploymentName, { kind: 'running', provisioningState: 'Running' });
    await tracker.refresh();
    await tracker.whenIdle();
    const cpu: number[] = [];
    for (let i = 0; i < CYCLES; i++) {
      world.clock.advance(15_000);
      const before = process.cpuUsage();
      await tracker.refresh();
      await tracker.whenIdle();
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    return median(cpu);
  } finally {
    await tracker.dispose();
    remove();
  }
}

/** One running record's commit (journal write, fsync, globalState mirror), wall clock, with `retained` finished records stored. */
async function commitMs(retained: number): Promise<number> {
  const { world, remove } = await worldWithHistory(retained);
  try {
    const journal = new DeploymentJournal(world.storageDir, world.memento, { log: () => undefined, notices: new RecordingNotices(), now: world.clock.now });
    await journal.load();
    const running: DeploymentRecord = { ...retainedRecords(1, world.clock.now())[0], stagingId: 'running-1', state: 'deploying', status: 'deploying', terminalAt: undefined };
    const times: number[] = [];
    for (let i = 0; i < CYCLES; i++) {
      const start = performance.now();
      await journal.commit({ upserts: [{ ...running, lastCheckedAt: world.clock.now() + i }] });
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    remove();
  }
}

export async function runHistoryBench(log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  log('\n# cost against retained history');
  const cpu0 = await cycleCpuMs(0);
  const cpu1000 = await cycleCpuMs(1000);
  const cpu10000 = await cycleCpuMs(10_000);
  const commit0 = await commitMs(0);
  const commit1000 = await commitMs(1000);
  const commit10000 = await commitMs(10_000);
  log(`poll cycle CPU, 0 / 1,000 / 10,000 retained: ${cpu0.toFixed(1)} / ${cpu1000.toFixed(1)} / ${cpu10000.toFixed(1)} ms`);
  log(`one record's commit, 0 / 1,000 / 10,000 retained: ${commit0.toFixed(1)} / ${commit1000.toFixed(1)} / ${commit10000.toFixed(1)} ms`);
  return {
    cycleCpuMs0Retained: round(cpu0),
    cycleCpuMs1000Retained: round(cpu1000),
    cycleCpuMs10000Retained: round(cpu10000),
    cycleCpuRatio10000VsNone: round(cpu10000 / cpu0),
    commitMs0Retained: round(commit0),
    commitMs1000Retained: round(commit1000),
    commitMs10000Retained: round(commit10000),
    commitRatio10000VsNone: round(commit10000 / commit0),
  };
}

