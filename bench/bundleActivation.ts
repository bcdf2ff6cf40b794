import { execFileSync } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLoopbackCertificate } from '../sandbox/tls';
import { profileFromDeployment } from '../src/connections/profileFromDeployment';
import { DeploymentJournal } from '../src/services/flexDeployment/deploymentJournal';
import { MemoryMemento, RecordingNotices, tempDir } from '../test/support/trackerFakes';
import { retainedRecords } from './retainedRecords';
import { stubExtensionContext, stubVscode, type StubVscode } from './stubVscode';
import { gc, round, spread } from './figures';

const RUNS = 11;
const RECORDS = 1000;
const EXTENSION_BUNDLE = resolve('dist/extension.js');
const SDK_BUNDLE = resolve('dist/sdk.js');
/** Logged by the composition root once the deferred history is in. */
const ACTIVATED_LINE = 'Activated;';
/** How long the extension is left alone after its history is in, for anything that would load the SDK or call ARM late. */
const SETTLE_MS = 1000;

interface NodeModuleInternals {
  _load: (this: unknown, request: string, parent: unknown, isMain: boolean) => unknown;
  _extensions: Record<string, (module: { _compile(code: string, filename: string): unknown }, filename: string) => void>;
}

interface ExtensionModule {
  activate(context: unknown): Promise<void>;
}

interface Run {
  requireMs: number;
  activateMs: number;
  activateCpuMs: number;
  historyInMs: number;
  sdkLoaded: boolean;
  /** What the extension logged as a warning or an error. */
  problems: string[];
}

/**
 * The packaged extension's start in a bare Node process, against a stub `vscode` (stubVscode.ts),
 * in sandbox mode, with 1,000 retained records in its global storage and the profiles of those
 * that saved one among the saved connections; each run a fresh storage folder and a fresh load of
 * the bundles (require.cache cleared); min, median and max of 11.
 * Left out: VS Code's own work around activate() (the extension host, the views' first render,
 * settings and secrets, which the stub answers at once), and a cold V8 but for the first run: the
 * runs share one process, so after it the bundle's code is compiled already.
 */
export async function runBundleActivationBench(log: (line: string) => void): Promise<Record<string, number>> {
  log('\n# activation of the built bundle');
  execFileSync('npm', ['run', '--silent', 'build:extension'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const arm = await armListener();
  const certificateDir = tempDir();
  const loader = Module as unknown as NodeModuleInternals;
  const loadModule = loader._load;
  const current: { vscode?: StubVscode } = {};
  loader._load = function (request, ...rest) {
    return request === 'vscode' ? current.vscode?.api : loadModule.call(this, request, ...rest);
  };
  try {
    const caFile = join(certificateDir.path, 'ca.pem');
    writeFileSync(caFile, (await createLoopbackCertificate()).cert);
    const sandbox = { 'pgsql.flexProvisioning.sandbox.endpoint': `https://127.0.0.1:${arm.port}`, 'pgsql.flexProvisioning.sandbox.caFile': caFile };
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await activateOnce(sandbox, current));
    const eagerRequireMs = Array.from({ length: RUNS }, () => requireWithSdkEager());
    const activate = spread(runs.map((r) => r.activateMs));
    const activateCpu = spread(runs.map((r) => r.activateCpuMs));
    const load = spread(runs.map((r) => r.requireMs));
    const historyIn = spread(runs.map((r) => r.historyInMs));
    const eager = spread(eagerRequireMs);
    const sdkLoaded = runs.some((r) => r.sdkLoaded) ? 1 : 0;
    log(`activate() with ${RECORDS} retained records, min / median / max of ${RUNS}: ${ms(activate.min)} / ${ms(activate.median)} / ${ms(activate.max)} ms (in run order: ${runs.map((r) => ms(r.activateMs)).join(', ')})`);
    log(`its CPU time, median: ${ms(activateCpu.median)} ms (not counting waits for the disk or for cores other processes hold)`);
    log(`require(dist/extension.js), median: ${ms(load.median)} ms (first: ${ms(runs[0].requireMs)}); with dist/sdk.js required first, as one bundle was: ${ms(eager.median)} ms`);
    log(`history in (the "${ACTIVATED_LINE}" line) after activate() began, median: ${ms(historyIn.median)} ms`);
    for (const problem of new Set(runs.flatMap((r) => r.problems))) log(`logged by the extension: ${problem}`);
    log(`Azure SDK loaded at idle activation: ${sdkLoaded ? 'yes' : 'no'}; connections to ARM: ${arm.connections()}`);
    return {
      // The time activate(context) takes to resolve, with 1,000 retained records; the bundle's
      // evaluation (require) is not in it, nor is what activation leaves running after it.
      activateBundleMsMedian1000Records: round(activate.median),
      activateBundleMsMin1000Records: round(activate.min),
      activateBundleMsMax1000Records: round(activate.max),
      // The process's CPU time over activate(), median: its work without its waits, for the disk or
      // for cores other processes hold (the process's other threads, such as file reads, count).
      activateBundleCpuMsMedian1000Records: round(activateCpu.median),
      // The first run: the bundle's code not compiled yet in this process, as in an extension host.
      activateBundleMsFirstRun1000Records: round(runs[0].activateMs),
      // The bundle's evaluation by require(), median; what activate() then does is not in it.
      bundleRequireMs: round(load.median),
      // require() of dist/sdk.js then dist/extension.js, median: the one-bundle design, which
      // evaluated the SDK with the extension (an estimate: each bundle has its own copy of the few
      // modules both use, which one bundle evaluated once). activate() is not in it.
      bundleRequireMsWithSdkEager: round(eager.median),
      // From activate()'s start until the deferred history is validated and counted, median.
      historyInMsMedian1000Records: round(historyIn.median),
      // 1 when any run found dist/sdk.js loaded after activation and a settle with nothing deploying.
      azureSdkLoadedAtIdleActivation: sdkLoaded,
      // TCP connections to the sandbox's endpoint over all runs: none is needed with nothing deploying.
      armConnectionsAtIdleActivation: arm.connections(),
    };
  } finally {
    loader._load = loadModule;
    forgetBundles();
    certificateDir.remove();
    await arm.close();
  }
}

async function activateOnce(sandbox: Record<string, string>, current: { vscode?: StubVscode }): Promise<Run> {
  const dir = tempDir();
  // Where VS Code keeps it, so the connection store finds the user settings file beside it.
  const storage = join(dir.path, 'User', 'globalStorage', 'pgflex.pgflex');
  mkdirSync(storage, { recursive: true });
  const records = retainedRecords(RECORDS, Date.now());
  const globalState = new MemoryMemento();
  const journal = new DeploymentJournal(storage, globalState, { log: () => undefined, notices: new RecordingNotices() });
  await journal.commit({ upserts: records });
  const vscode = stubVscode({ ...sandbox, 'pgsql.connections': records.filter((r) => r.profileCreated).map(profileFromDeployment) });
  current.vscode = vscode;
  const context = stubExtensionContext(storage, globalState, process.cwd());
  const restoreProcess = processHooks();
  try {
    forgetBundles();
    gc();
    const loadStart = performance.now();
    const extension = requireAsTheHostDoes(EXTENSION_BUNDLE) as ExtensionModule;
    const activateStart = performance.now();
    const cpuBefore = process.cpuUsage();
    await extension.activate(context);
    const activateEnd = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    await within(10_000, vscode.whenLogged(ACTIVATED_LINE));
    const historyIn = performance.now();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return {
      requireMs: activateStart - loadStart,
      activateMs: activateEnd - activateStart,
      activateCpuMs: (cpu.user + cpu.system) / 1000,
      historyInMs: historyIn - activateStart,
      sdkLoaded: require.cache[SDK_BUNDLE] !== undefined,
      problems: vscode.logLines.filter((line) => !line.startsWith('[info]')),
    };
  } finally {
    for (const subscription of context.subscriptions.reverse()) await subscription.dispose();
    restoreProcess();
    dir.remove();
  }
}

function requireWithSdkEager(): number {
  const restoreProcess = processHooks();
  forgetBundles();
  gc();
  const start = performance.now();
  requireAsTheHostDoes(SDK_BUNDLE);
  requireAsTheHostDoes(EXTENSION_BUNDLE);
  const elapsed = performance.now() - start;
  restoreProcess();
  return elapsed;
}

/**
 * require() with Node's own loader for .js and no source maps, as in the extension host (which
 * ships no maps): tsx, which runs this benchmark, turns source maps on and scans each .js file it
 * loads, which would add to the bundle's time what the host never spends.
 */
function requireAsTheHostDoes(file: string): unknown {
  const extensions = (Module as unknown as NodeModuleInternals)._extensions;
  const tsxLoader = extensions['.js'];
  const sourceMaps = process.sourceMapsEnabled;
  extensions['.js'] = (module, filename) => module._compile(readFileSync(filename, 'utf8'), filename);
  process.setSourceMapsEnabled(false);
  try {
    return Module.createRequire(__filename)(file);
  } finally {
    extensions['.js'] = tsxLoader;
    process.setSourceMapsEnabled(sourceMaps);
  }
}

function forgetBundles(): void {
  delete require.cache[EXTENSION_BUNDLE];
  delete require.cache[SDK_BUNDLE];
}

/**
 * Puts back what a bundle hooks into the process when it is evaluated (signal-exit, behind
 * proper-lockfile, listens to signals and wraps process.emit), as a fresh process has it: else
 * each run's copy of the bundle would add its own, and slow the runs after it.
 */
function processHooks(): () => void {
  const hooked = process as unknown as { emit: unknown; reallyExit: unknown };
  const { emit, reallyExit } = hooked;
  const events: EventEmitter = process;
  const listeners = new Map(events.eventNames().map((event) => [event, events.listeners(event)]));
  return () => {
    Object.assign(hooked, { emit, reallyExit });
    for (const event of events.eventNames()) {
      const before = listeners.get(event) ?? [];
      for (const listener of events.listeners(event)) if (!before.includes(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  };
}

/** A TCP listener where the sandbox would be: the benchmark runs none, so any connection is one too many. */
async function armListener(): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function within<T>(limitMs: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${limitMs} ms`)), limitMs).unref())]);
}



function ms(value: number): string {
  return value.toFixed(1);
}

