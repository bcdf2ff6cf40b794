import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startSandbox, SANDBOX_SUBSCRIPTIONS, SANDBOX_TENANT_ID, SEEDED_RESOURCE_GROUPS, type Sandbox } from '../sandbox';
import { createRequest } from '../test/support/trackerFakes';
import type { CreateServerRequest } from '../machines/flexDeployment/createServerRequest';
import { ArmClients } from '../src/azure/armClients';
import { ArmDeploymentReader } from '../src/azure/armDeploymentReader';
import type { ArmEnvironment } from '../src/azure/armEnvironment';
import { composeAzureServices, type AzureServices } from '../src/azure/azureServices';
import { isTerminalState } from '../src/azure/deploymentObservation';
import { makeDeploymentName } from '../src/azure/flexProvisioning/deploymentName';
import { buildFlexDeployment } from '../src/azure/flexProvisioning/flexTemplate';
import { SandboxAccount } from '../src/azure/sandboxAccount';
import { armSubscriptionSource } from '../src/azure/subscriptionSource';
import type { DeploymentRef } from '../src/services/flexDeployment/deploymentRef';
import { seededDurations } from './seededDurations';
import { percentileOf, round, sleep } from './figures';
import { nextReadDelayMs } from '../machines/flexDeployment/readCadence';

/**
 * ARM requests needed to follow 50 deployments in 3 resource groups to their end: (a) the tracker's
 * reader at the tracker's cadence (readCadence.ts, with a history of 40 earlier servers like these),
 * (a') the same reader every 15 s, (b) one GET per deployment every 15 s; (c) the SDK's own poller
 * per deployment (`pollUntilDone`) at the same 15 s, and (d) at its default interval. For (a) and
 * (a'), also the detection latency: ARM's end to the read that saw it, in simulated time. Simulated
 * time: speed 200. Leaves out what every approach shares (the PUTs) and the token requests, and the
 * tracker's own work between cycles. Server durations are seeded-random between 4 and 12 minutes,
 * as real flexible servers vary.
 */
const DEPLOYMENTS = 50;
const SPEED = 200;
const FROZEN_SPEED = 1e-9;
const CYCLE_MS = (15 * 1000) / SPEED;
/**
 * The SDK's pollers keep their own timers, which simulated time cannot stop while they read: 50 of
 * them at 2 s would need 5,000 requests a second at speed 200, more than this machine serves, and
 * would be undercounted. At this speed they need 250.
 */
const SDK_SPEED = 10;
const SERVER_SECONDS = { min: 240, max: 720 };
const SEED = 20261122;
/** The earlier servers the cadence goes by: as many, drawn from the same range with another seed. */
const HISTORY = { count: 40, seed: 20261203 };

interface Group {
  subscriptionId: string;
  name: string;
  location: string;
}

const GROUPS: readonly Group[] = [
  { subscriptionId: SEEDED_RESOURCE_GROUPS[0].subscriptionId, name: SEEDED_RESOURCE_GROUPS[0].name, location: SEEDED_RESOURCE_GROUPS[0].location },
  { subscriptionId: SEEDED_RESOURCE_GROUPS[1].subscriptionId, name: SEEDED_RESOURCE_GROUPS[1].name, location: SEEDED_RESOURCE_GROUPS[1].location },
  { subscriptionId: SANDBOX_SUBSCRIPTIONS[0].subscriptionId, name: 'rg-pgflex-bench', location: 'eastus' },
];

interface Run {
  total: number;
  cycles: number;
  maxPerCycle: number;
  /** Simulated ms from each server's scripted end to the read that saw its deployment end. */
  latenciesMs: number[];
}

/** The delay before the next cycle, at simulated `elapsedMs` since every deployment started. */
type Cadence = (elapsedMs: number, tracked: readonly DeploymentRef[]) => number;
const fixed: Cadence = () => CYCLE_MS * SPEED;

export async function runArmBench(log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  const sandbox = await startSandbox({ port: 0, speed: SPEED, postgres: 'none' });
  try {
    const environment: ArmEnvironment = { kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca };
    const services = composeAzureServices(environment, new SandboxAccount(), (clients) => armSubscriptionSource(clients, SANDBOX_TENANT_ID), async () => undefined);
    const polling = new ArmClients(environment, services.credentials, { sdkRetries: false });
    const durations = seededDurations(DEPLOYMENTS, SERVER_SECONDS, SEED);

    const quickestMs = Math.min(...seededDurations(HISTORY.count, SERVER_SECONDS, HISTORY.seed)) * 1000;
    const trackerCadence: Cadence = (elapsedMs, tracked) => nextReadDelayMs(tracked.map(() => ({ elapsedMs, quickestMs })), false, CYCLE_MS * SPEED);
    const reader = await measure(sandbox, services, durations, 'a', (refs) => readerCycles(new ArmDeploymentReader(polling, services.credentials), refs, sandbox, trackerCadence, durations));
    const readerFixed = await measure(sandbox, services, durations, 'f', (refs) => readerCycles(new ArmDeploymentReader(polling, services.credentials), refs, sandbox, fixed, durations));
    const perGet = await measure(sandbox, services, durations, 'b', (refs) => perDeploymentGetCycles(polling, refs, sandbox, durations));
    // The SDK's pollers as an SDK user has them: with its default retry policy.
    const sdkClients = new ArmClients(environment, services.credentials, { sdkRetries: true });
    const sdk = await sdkPollers(sandbox, services, sdkClients, durations, 15_000);
    // The SDK's own default interval (@azure/core-lro's POLL_INTERVAL_IN_MS), in simulated time.
    const sdkDefault = await sdkPollers(sandbox, services, sdkClients, durations, sdkDefaultIntervalMs());

    const figures: Record<string, number> = {
      armDeployments: DEPLOYMENTS,
      armResourceGroups: GROUPS.length,
      armCycles: reader.cycles,
      armRequestsReader: reader.total,
      armRequestsReaderMaxPerCycle: reader.maxPerCycle,
      armRequestsReaderFixed15s: readerFixed.total,
      armCyclesFixed15s: readerFixed.cycles,
      armDetectionLatencyP50Ms: Math.round(percentileOf(reader.latenciesMs, 50)),
      armDetectionLatencyP99Ms: Math.round(percentileOf(reader.latenciesMs, 99)),
      armDetectionLatencyP50MsFixed15s: Math.round(percentileOf(readerFixed.latenciesMs, 50)),
      armDetectionLatencyP99MsFixed15s: Math.round(percentileOf(readerFixed.latenciesMs, 99)),
      armRequestsPerDeploymentGet: perGet.total,
      armRequestsPerDeploymentGetMaxPerCycle: perGet.maxPerCycle,
      armRequestsSdkPoller15s: sdk.total,
      armRequestsSdkPollerDefault: sdkDefault.total,
      armReadRatioVsPerDeploymentGet: round(perGet.total / reader.total, 1),
      armReadRatioVsSdkPoller15s: round(sdk.total / reader.total, 1),
      armReadRatioVsSdkPollerDefault: round(sdkDefault.total / reader.total, 1),
      armReadRatioVsSdkPollerDefaultFixed15s: round(sdkDefault.total / readerFixed.total, 1),
    };
    log(`ARM reads for ${DEPLOYMENTS} deployments in ${GROUPS.length} resource groups (the quickest of ${HISTORY.count} earlier ones: ${quickestMs / 1000} s):`);
    log(`  (a) tracker reader (a group's list, paged until every tracked one is found) at the tracker's cadence: ${reader.total} requests in ${reader.cycles} cycles, at most ${reader.maxPerCycle} per cycle; detection p50 ${figures.armDetectionLatencyP50Ms} ms, p99 ${figures.armDetectionLatencyP99Ms} ms`);
    log(`  (a') the same reader every 15 s: ${readerFixed.total} requests in ${readerFixed.cycles} cycles; detection p50 ${figures.armDetectionLatencyP50MsFixed15s} ms, p99 ${figures.armDetectionLatencyP99MsFixed15s} ms`);
    log(`  (b) one GET per deployment per cycle:          ${perGet.total} requests, at most ${perGet.maxPerCycle} per cycle (${figures.armReadRatioVsPerDeploymentGet}x)`);
    log(`  (c) SDK poller per deployment, every 15 s:     ${sdk.total} requests (${figures.armReadRatioVsSdkPoller15s}x)`);
    log(`  (d) SDK poller per deployment, its default ${sdkDefaultIntervalMs() / 1000} s: ${sdkDefault.total} requests (${figures.armReadRatioVsSdkPollerDefault}x; ${figures.armReadRatioVsSdkPollerDefaultFixed15s}x for (a'))`);
    return figures;
  } finally {
    await sandbox.stop();
  }
}

/** Starts the 50 deployments (PUTs not counted), then lets `follow` read them to the end. */
async function measure(sandbox: Sandbox, services: AzureServices, durations: number[], tag: string, follow: (refs: DeploymentRef[]) => Promise<Run>): Promise<Run> {
  sandbox.control.reset();
  await createBenchGroup(services);
  const at = Date.now();
  // Started in frozen time, so every deployment's clock starts when following does.
  sandbox.control.setSpeed(FROZEN_SPEED);
  const refs = await Promise.all(
    durations.map(async (seconds, i) => {
      const request = benchRequest(tag, i);
      sandbox.control.scriptOutcome(request.serverName, { outcome: 'succeed', durations: { flexibleServers: seconds } });
      const deploymentName = makeDeploymentName(request.serverName, at);
      await services.provisioner.startDeployment(request, deploymentName);
      return { stagingId: request.serverName, tenantId: request.tenantId, subscriptionId: request.subscriptionId, resourceGroupName: request.resourceGroup.name, deploymentName, createdAt: at, serverName: request.serverName };
    }),
  );
  sandbox.control.resetRequests();
  return follow(refs);
}

async function readerCycles(reader: ArmDeploymentReader, refs: DeploymentRef[], sandbox: Sandbox, cadence: Cadence, durations: readonly number[]): Promise<Run> {
  return cycles(sandbox, refs, cadence, durations, async (tracked) => {
    const batch = await reader.read(tracked);
    return tracked.filter((r) => ['running', 'unavailable'].includes(batch.observations.get(r.stagingId)?.kind ?? 'unavailable'));
  });
}

async function perDeploymentGetCycles(clients: ArmClients, refs: DeploymentRef[], sandbox: Sandbox, durations: readonly number[]): Promise<Run> {
  return cycles(sandbox, refs, fixed, durations, async (tracked) => {
    const states = await Promise.all(tracked.map(async (r) => (await clients.deployments(r.tenantId, r.subscriptionId)).deployments.get(r.resourceGroupName, r.deploymentName)));
    return tracked.filter((_, i) => !isTerminalState(states[i].properties?.provisioningState));
  });
}

/**
 * One read per cycle until nothing is left, counting the requests each cycle made; `durations[i]`
 * is how long `refs[i]` runs (simulated seconds), for the latency of the read that sees its end.
 */
async function cycles(
  sandbox: Sandbox,
  refs: DeploymentRef[],
  cadence: Cadence,
  durations: readonly number[],
  readOnce: (tracked: DeploymentRef[]) => Promise<DeploymentRef[]>,
): Promise<Run> {
  const endsAt = new Map(refs.map((r, i) => [r.stagingId, durations[i] * 1000]));
  const latenciesMs: number[] = [];
  let tracked = refs;
  let count = 0;
  let maxPerCycle = 0;
  let simulatedMs = 0;
  while (tracked.length > 0) {
    const before = sandbox.requests.count();
    // Simulated time stands still while a cycle reads (frozen since the deployments started, and
    // again after each wait): 50 GETs take longer than a cycle at this speed, and would otherwise
    // read (b) less often than (a) — every approach reads at the simulated instants its cadence names.
    const running = await readOnce(tracked);
    for (const ended of tracked.filter((r) => !running.includes(r))) latenciesMs.push(Math.max(0, simulatedMs - (endsAt.get(ended.stagingId) ?? 0)));
    tracked = running;
    maxPerCycle = Math.max(maxPerCycle, sandbox.requests.count() - before);
    count++;
    if (tracked.length === 0) break;
    // Simulated time runs only while the cycle waits: measured, since a timer may fire late.
    const waitFrom = Date.now();
    sandbox.control.setSpeed(SPEED);
    await sleep(cadence(simulatedMs, tracked) / SPEED);
    sandbox.control.setSpeed(FROZEN_SPEED);
    simulatedMs += (Date.now() - waitFrom) * SPEED;
  }
  sandbox.control.setSpeed(SPEED);
  return { total: sandbox.requests.count(), cycles: count, maxPerCycle, latenciesMs };
}

/** (c), (d): each deployment started and followed by its own SDK poller every `intervalMs` of simulated time; every request but the PUT counts. */
async function sdkPollers(sandbox: Sandbox, services: AzureServices, clients: ArmClients, durations: number[], intervalMs: number): Promise<Run> {
  sandbox.control.reset();
  sandbox.control.setSpeed(SDK_SPEED);
  await createBenchGroup(services);
  sandbox.control.resetRequests();
  await Promise.all(
    durations.map(async (seconds, i) => {
      const request = benchRequest('c', i);
      sandbox.control.scriptOutcome(request.serverName, { outcome: 'succeed', durations: { flexibleServers: seconds } });
      const poller = (await clients.deployments(request.tenantId, request.subscriptionId)).deployments.createOrUpdate(
        request.resourceGroup.name,
        makeDeploymentName(request.serverName),
        { properties: buildFlexDeployment(request) },
        { updateIntervalInMs: intervalMs / SDK_SPEED },
      );
      await poller.pollUntilDone();
    }),
  );
  return { total: sandbox.requests.count() - sandbox.requests.count('deployments.put'), cycles: 0, maxPerCycle: 0, latenciesMs: [] };
}

async function createBenchGroup(services: AzureServices): Promise<void> {
  const group = GROUPS[2];
  const clients = new ArmClients(services.environment, services.credentials, { sdkRetries: true });
  await (await clients.resources(SANDBOX_TENANT_ID, group.subscriptionId)).resourceGroups.createOrUpdate(group.name, { location: group.location });
}

function benchRequest(tag: string, i: number): CreateServerRequest {
  const group = GROUPS[i % GROUPS.length];
  return createRequest({
    tenantId: SANDBOX_TENANT_ID,
    subscriptionId: group.subscriptionId,
    resourceGroup: { name: group.name, isNew: false },
    serverName: `bench-${tag}-${i}`,
    location: group.location,
    firewall: { allowAzureServices: false, ranges: [] },
  });
}


/** The SDK poller's default interval, read from @azure/core-lro (not part of its public API). */
function sdkDefaultIntervalMs(): number {
  const constants = readFileSync(join(dirname(require.resolve('@azure/core-lro/package.json')), 'dist/commonjs/poller/constants.js'), 'utf8');
  const value = /POLL_INTERVAL_IN_MS\s*=\s*(\d+)/.exec(constants)?.[1];
  if (!value) throw new Error('@azure/core-lro no longer declares POLL_INTERVAL_IN_MS where the bench reads it');
  return Number(value);
}
