import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { promisify } from 'node:util';
import type { RunDirs } from './runDirs';
import { codeServerEntry } from './paths';
import { freePort } from './freePort';
import { waitFor } from './waitFor';
import { groupAlive } from './processGroup';

export interface CodeServerOptions {
  dirs: RunDirs;
  /** Appended to on every start, so a crash and its restart read as one story. */
  logFile: string;
  /** Extra environment for code-server and so for the extension host (e.g. NODE_EXTRA_CA_CERTS). */
  env?: Record<string, string>;
  /** Defaults to a free loopback port, kept across restarts so the browser's URL stays valid. */
  port?: number;
  /**
   * Leave VS Code's telemetry on (it is off by default, `--disable-telemetry`), so the extension's
   * TelemetryLogger sends. code-server's own telemetry then goes to a closed loopback port, never out.
   */
  telemetry?: boolean;
  /** VS Code's display language (`--locale`); a language pack for it must be installed. */
  locale?: string;
}

/** Port 9 (discard) on loopback: nothing listens, so code-server's telemetry posts fail at once. */
const NOWHERE = 'http://127.0.0.1:9/track';

export interface CodeServer {
  readonly port: number;
  /** The workbench URL with the run's workspace folder open. */
  readonly url: string;
  /** Process group id of the running server (its extension hosts are in the same group). */
  readonly pgid: number;
  /** A crash: SIGKILL to the whole process group, no chance to flush anything. */
  kill(): Promise<void>;
  /** A clean shutdown (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** Starts again on the same folders and port. */
  restart(): Promise<void>;
}

function baseArgs(dirs: RunDirs): string[] {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function serverEnv(dirs: RunDirs, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: dirs.xdg, XDG_DATA_HOME: dirs.xdg, ...extra };
}

/** `code-server --install-extension`: a .vsix is required, a plain folder is refused. */
export async function installExtension(dirs: RunDirs, vsix: string): Promise<void> {
  const { stdout } = await promisify(execFile)(process.execPath,
    [codeServerEntry, ...baseArgs(dirs), '--install-extension', vsix], { env: serverEnv(dirs) });
  if (!/successfully installed/i.test(stdout)) throw new Error(`installing ${vsix} failed:\n${stdout}`);
}

async function isServing(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { dirs } = options;
  const port = options.port ?? (await freePort());
  const log = createWriteStream(options.logFile, { flags: 'a' });
  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    log.write(`\n=== code-server start ${new Date().toISOString()} port ${port}\n`);
    const started = spawn(process.execPath, [
      codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      ...(options.telemetry ? [] : ['--disable-telemetry']), '--disable-update-check', '--disable-workspace-trust',
      ...(options.locale ? ['--locale', options.locale] : []),
      ...baseArgs(dirs), dirs.workspace,
    ], { env: serverEnv(dirs, { ...(options.telemetry ? { CS_TELEMETRY_URL: NOWHERE } : {}), ...options.env }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.pipe(log, { end: false });
    started.stderr?.pipe(log, { end: false });
    child = started;
    await waitFor(`code-server on port ${port}`, async () => {
      if (started.exitCode !== null) throw new Error(`code-server exited with ${started.exitCode}; see ${options.logFile}`);
      return isServing(port);
    }, 30_000);
  }

  async function signalGroup(signal: NodeJS.Signals, graceMs: number): Promise<void> {
    const pgid = child?.pid;
    if (pgid === undefined || !groupAlive(pgid)) return;
    process.kill(-pgid, signal);
    try {
      await waitFor(`code-server group ${pgid} to exit`, () => !groupAlive(pgid), graceMs);
    } catch (error) {
      if (signal === 'SIGKILL') throw error;
      process.kill(-pgid, 'SIGKILL');
      await waitFor(`code-server group ${pgid} to die`, () => !groupAlive(pgid), 10_000);
    }
  }

  await launch();
  return {
    port,
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
    get pgid() {
      return child?.pid ?? -1;
    },
    kill: () => signalGroup('SIGKILL', 10_000),
    stop: async () => {
      await signalGroup('SIGTERM', 5_000);
      log.end();
    },
    restart: async () => {
      await signalGroup('SIGTERM', 5_000);
      await launch();
    },
  };
}
