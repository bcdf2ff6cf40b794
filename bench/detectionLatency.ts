import { startSandbox, SANDBOX_TENANT_ID, SEEDED_RESOURCE_GROUPS, type Sandbox } from '../sandbox';
import { ArmClients } from '../src/azure/armClients';
import type { ArmEnvironment } from '../src/azure/armEnvironment';
import { composeAzureServices, type AzureServices } from '../src/azure/azureServices';
import { SandboxAccount } from '../src/azure/sandboxAccount';
import { armSubscriptionSource } from '../src/azure/subscriptionSource';
import { DeploymentJournal } from '../src/services/flexDeployment/deploymentJournal';
import { FlexDeploymentTracker } from '../src/services/flexDeployment/flexDeploymentTracker';
import type { DeploymentContext } from '../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentReader } from '../src/services/flexDeployment/deploymentReader';
import { createRequest, FakeSignIn, LeaseRegistry, MemoryMemento, MemorySecrets, RecordingEffects, RecordingLifecycle, RecordingNotices, tempDir } from '../test/support/trackerFakes';
import { percentile } from '../machines/flexDeployment/deploymentDurations';
import { retainedRecords, saveProfilesOf } from './retainedRecords';
import { seededDurations } from './seededDurations';
import { sleep } from './figures';

const INTERVAL_MS = 15_000;
const DEPLOYMENTS = Number(process.env.PGFLEX_BENCH_LATENCY_DEPLOYMENTS ?? 40);
/** Servers take 5 to 65 s: their ends fall on every phase of four intervals. */
const SERVER_SECONDS = { min: 5, max: 65 };
const SEED = 20261203;
const GROUP = SEEDED_RESOURCE_GROUPS[0];

/** The effects of a real tracker but for VS Code: each profile's save is timed when it is done. */
class TimedEffects extends RecordingEffects {
  readonly savedAt = new Map<string, number>();
  override async saveProfile(d: Readonly<DeploymentContext>) {
    const saved = await super.saveProfile(d);
    this.savedAt.set(d.stagingId, Date.now());
    return saved;
  }
}

/** The production reader, with the instant each of the tracker's cycles asked it to read. */
function timedReader(reader: DeploymentReader, starts: number[]): DeploymentReader {
  return { read: (refs) => (starts.push(Date.now()), reader.read(refs)) };
}

/**
 * Detection latency: from the instant ARM says a deployment Succeeded (its own `timestamp`) to the
 * instant its profile is saved, for 40 deployments ending at seeded-random instants, with 0, 1,000
 * and 10,000 settled records in the journal. The real tracker with its own poll loop at the
 * default 15 s, the production reader and provisioner against the sandbox, real time (speed 1);
 * only VS Code's side (profile save, dashboard) is in memory, so the time to write settings.json
 * and to connect is left out. Also the cadence its cycles kept (start to start), and the ARM
 * requests it made once everything settled (two intervals and a second, nothing deploying).
 */
export async function runDetectionLatencyBench(log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  const sandbox = await startSandbox({ port: 0, speed: 1, postgres: 'none' });
  try {
    const environment: ArmEnvironment = { kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca };
    const services = composeAzureServices(environment, new SandboxAccount(), (clients) => armSubscriptionSource(clients, SANDBOX_TENANT_ID), async () => undefined);
    log(`\n# detection latency: ${DEPLOYMENTS} deployments, real tracker at a ${INTERVAL_MS / 1000} s interval, real time`);
    const figures: Record<string, number> = {};
    for (const retained of [0, 1000, 10_000]) {
      const run = await followToTheEnd(sandbox, services, retained, retained === 0);
      const label = `${retained}Retained`;
      figures[`detectionLatencyP50Ms${label}`] = Math.round(percentile(run.latencies, 50));
      figures[`detectionLatencyP99Ms${label}`] = Math.round(percentile(run.latencies, 99));
      figures[`pollStartToStartMsMax${label}`] = Math.round(Math.max(...run.startToStart));
      if (run.idleRequests !== undefined) figures.idleArmRequests = run.idleRequests;
      log(
        `${retained} retained: latency p50 ${(percentile(run.latencies, 50) / 1000).toFixed(1)} s, p99 ${(percentile(run.latencies, 99) / 1000).toFixed(1)} s, ` +
          `max ${(Math.max(...run.latencies) / 1000).toFixed(1)} s; cycles ${run.startToStart.map((ms) => (ms / 1000).toFixed(1)).join(' ')} s apart` +
          (run.idleRequests === undefined ? '' : `; ${run.idleRequests} ARM requests once settled`),
      );
    }
    figures.detectionLatencyP50Ms = figures.detectionLatencyP50Ms10000Retained;
    figures.detectionLatencyP99Ms = figures.detectionLatencyP99Ms10000Retained;
    return figures;
  } finally {
    await sandbox.stop();
  }
}

async function followToTheEnd(sandbox: Sandbox, services: AzureServices, retained: number, measureIdle: boolean) {
  sandbox.control.reset();
  const dir = tempDir();
  const memento = new MemoryMemento();
  const secrets = new MemorySecrets();
  const effects = new TimedEffects(secrets);
  const notices = new RecordingNotices();
  const log = () => undefined;
  const history = retainedRecords(retained, Date.now());
  if (retained) await new DeploymentJournal(dir.path, memento, { log, notices }).commit({ upserts: history });
  saveProfilesOf(history, effects);
  const starts: number[] = [];
  const tracker = new FlexDeploymentTracker({
    journal: new DeploymentJournal(dir.path, memento, { log, notices }),
    leases: new LeaseRegistry().forWindow(),
    reader: timedReader(services.reader, starts),
    provisioner: services.provisioner,
    canceller: services.canceller,
    effects,
    secrets,
    signIn: new FakeSignIn(),
    settings: { retentionDays: () => 30, pollIntervalMs: () => INTERVAL_MS },
    clock: { now: Date.now },
    lifecycle: new RecordingLifecycle(),
    log,
  });
  try {
    await tracker.activate();
    await tracker.whenRehydrated();
    const durations = seededDurations(DEPLOYMENTS, SERVER_SECONDS, SEED);
    const ids: string[] = [];
    for (const [i, seconds] of durations.entries()) {
      const request = createRequest({
        tenantId: SANDBOX_TENANT_ID,
        subscriptionId: GROUP.subscriptionId,
        resourceGroup: { name: GROUP.name, isNew: false },
        location: GROUP.location,
        serverName: `latency-${retained}-${i}`,
        firewall: { allowAzureServices: true, ranges: [] },
      });
      sandbox.control.scriptOutcome(request.serverName, { outcome: 'succeed', durations: { flexibleServers: seconds, firewallRules: 1, administrators: 1, databases: 1 } });
      ids.push(await tracker.create(request));
    }
    const deadline = Date.now() + (SERVER_SECONDS.max + 120) * 1000;
    const unsaved = () => ids.filter((id) => !effects.savedAt.has(id)).length;
    while (unsaved() > 0) {
      if (Date.now() > deadline) throw new Error(`${unsaved()} of ${ids.length} deployments were not saved in time`);
      await sleep(100);
    }
    await tracker.whenIdle();
    const latencies = (await Promise.all(ids.map(async (id) => effects.savedAt.get(id)! - (await armTerminalAt(services, tracker, id))))).sort((a, b) => a - b);
    const cycleStarts = starts.filter((at) => at >= starts[0]);
    const startToStart = cycleStarts.slice(1).map((at, i) => at - cycleStarts[i]);
    let idleRequests: number | undefined;
    if (measureIdle) {
      sandbox.control.resetRequests();
      await sleep(2 * INTERVAL_MS + 1000);
      idleRequests = sandbox.requests.count();
    }
    return { latencies, startToStart, idleRequests };
  } finally {
    await tracker.dispose();
    dir.remove();
  }
}

/** ARM's own instant of the deployment's end: its `timestamp` once terminal. */
async function armTerminalAt(services: AzureServices, tracker: FlexDeploymentTracker, stagingId: string): Promise<number> {
  const { context } = tracker.getDeployment(stagingId)!;
  const clients = new ArmClients(services.environment, services.credentials, { sdkRetries: true });
  const deployment = await (await clients.deployments(context.tenantId, context.subscriptionId)).deployments.get(context.resourceGroupName, context.deploymentName);
  const at = deployment.properties?.timestamp;
  if (deployment.properties?.provisioningState !== 'Succeeded' || !at) throw new Error(`deployment ${context.deploymentName} has not succeeded`);
  return at.getTime();
}



