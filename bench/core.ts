import { performance } from 'node:perf_hooks';
import { createActor } from 'xstate';
import { deploymentMachine } from '../machines/flexDeployment/deploymentMachine';
import { readRecord, toContext } from '../src/services/flexDeployment/deploymentRecord';
import { stateValueOf } from '../machines/flexDeployment/deploymentStates';
import { STAGED_PROFILES_KEY } from '../src/services/flexDeployment/storageKeys';
import { createRequest, tempDir } from '../test/support/trackerFakes';
import { retainedRecords, worldWithHistory } from './retainedRecords';
import { createWorld, openWindow, type SharedWorld } from '../test/support/trackerHarness';
import { gc, median, round } from './figures';



/**
 * One activation over `count` stored records: time, and the heap it adds. A function of its own,
 * so nothing of one run is still reachable from the frame while the next run measures the heap.
 */
async function activateOnce(count: number) {
  const { world, remove } = await worldWithHistory(count);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const { tracker } = openWindow(world);
  const start = performance.now();
  await tracker.activate();
  const ms = performance.now() - start;
  await tracker.whenRehydrated();
  const historyMs = performance.now() - start;
  gc();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;
  await tracker.dispose();
  remove();
  return { ms, historyMs, heapBytes };
}

async function measureActivation(count: number, runs: number) {
  const times: number[] = [];
  const historyTimes: number[] = [];
  const heaps: number[] = [];
  for (let r = 0; r < runs; r++) {
    const run = await activateOnce(count);
    times.push(run.ms);
    historyTimes.push(run.historyMs);
    heaps.push(run.heapBytes);
  }
  return { ms: median(times), historyMs: median(historyTimes), heapMb: median(heaps) / 2 ** 20 };
}

/** The naive design: validate every record and keep a live actor per record. */
function measureNaiveActivation(count: number, runs: number): number {
  const raw = JSON.stringify(retainedRecords(count, Date.now()));
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const actors = [];
    for (const item of JSON.parse(raw) as unknown[]) {
      const reading = readRecord(item);
      if (reading.kind !== 'valid') continue;
      const context = toContext(reading.record);
      const snapshot = deploymentMachine.resolveState({ value: stateValueOf(reading.record.state), context });
      actors.push(createActor(deploymentMachine, { snapshot, input: context }).start());
    }
    times.push(performance.now() - start);
    for (const a of actors) a.stop();
  }
  return median(times);
}

/**
 * globalState writes of one poll cycle over `count` deploying deployments, after `arm` has set
 * what ARM answers for each; the cycle's effects (profile saved, dashboard opened) done in memory.
 */
async function writesOfOneCycle(count: number, arm: (world: SharedWorld, deploymentName: string) => void) {
  const dir = tempDir();
  const world = createWorld(dir.path);
  const { tracker } = openWindow(world);
  try {
    await tracker.activate();
    tracker.stopPolling();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await tracker.create(createRequest({ serverName: `server-${i}` })));
    await tracker.whenIdle();
    for (const id of ids) arm(world, tracker.getDeployment(id)!.context.deploymentName);
    const before = world.memento.writes;
    await tracker.refresh();
    await tracker.whenIdle();
    return { writes: world.memento.writes - before, states: ids.map((id) => JSON.stringify(tracker.getDeployment(id)?.value)) };
  } finally {
    await tracker.dispose();
    dir.remove();
  }
}

/** A cycle where every deployment goes on running. */
async function measureWritesPerCycle(deploying: number) {
  return (await writesOfOneCycle(deploying, () => undefined)).writes;
}

/**
 * A cycle in which `finishing` deployments succeed, their profiles and dashboards done within the
 * cycle's wait for effects; an effect slower than that wait costs one more write, left out here.
 */
async function measureWritesPerFinishingCycle(finishing: number) {
  const { writes, states } = await writesOfOneCycle(finishing, (world, name) => world.reader.set(name, { kind: 'succeeded', serverResourceId: `/x/flexibleServers/${name}` }));
  const opened = states.filter((state) => state === JSON.stringify({ succeeded: 'dashboardOpened' })).length;
  if (opened !== finishing) throw new Error(`${finishing - opened} of ${finishing} deployments did not reach their dashboard`);
  return writes;
}

async function measureIdleTimers(): Promise<number> {
  const dir = tempDir();
  const world = createWorld(dir.path);
  const records = retainedRecords(100, world.clock.now());
  await world.memento.update(STAGED_PROFILES_KEY, records);
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  const { tracker } = openWindow(world);
  await tracker.activate();
  await tracker.whenIdle();
  const idle = timers() - before;
  await tracker.dispose();
  dir.remove();
  return idle;
}

export async function runCoreBench(log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  const a1000 = await measureActivation(1000, 9);
  log(`activation, 1,000 records: ${a1000.ms.toFixed(1)} ms`);
  const a10000 = await measureActivation(10_000, 3);
  log(`activation, 10,000 records: ${a10000.ms.toFixed(1)} ms`);
  const naive1000 = measureNaiveActivation(1000, 5);
  return {
    activateMsMedian1000Records: round(a1000.ms),
    activateMsMedian10000Records: round(a10000.ms),
    historyShownMsMedian1000Records: round(a1000.historyMs),
    historyShownMsMedian10000Records: round(a10000.historyMs),
    activateHeapMb1000Records: round(a1000.heapMb),
    activateHeapMb10000Records: round(a10000.heapMb),
    naiveActorPerRecordActivateMs1000Records: round(naive1000),
    activateSpeedupVsActorPerRecord: round(naive1000 / a1000.ms),
    globalStateWritesPerPollCycle50Deploying: await measureWritesPerCycle(50),
    globalStateWritesPerFinishingCycle: await measureWritesPerFinishingCycle(10),
    idleTimers: await measureIdleTimers(),
  };
}

