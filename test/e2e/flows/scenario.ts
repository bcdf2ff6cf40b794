import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { startPostgresServer, type PostgresServer } from '../../support/postgresServer';
import { startVsCode, type VsCodeSession } from '../harness/vscodeSession';

export interface Scenario {
  readonly sandbox: Sandbox;
  readonly vscode: VsCodeSession;
  /** The real PostgreSQL behind the sandbox's servers, when the scenario asked for one. */
  readonly postgres: PostgresServer;
}

export interface ScenarioOptions {
  sandbox?: SandboxOptions;
  settings?: Record<string, unknown>;
  /**
   * Back the sandbox's servers with a private cluster of the installed PostgreSQL (SCRAM password
   * authentication) instead of the embedded one, which accepts any password. The cluster's
   * superuser is `pgadmin`: a form must type another admin login, or its deployment would change
   * the password the sandbox itself logs in with.
   */
  realPostgres?: boolean;
  /** VS Code's telemetry on, so the extension's telemetry lines reach its log (off by default). */
  telemetry?: boolean;
}

const CLUSTER_ADMIN_PASSWORD = 'Cluster!Admin-e2e';

/**
 * Server creation that outlasts every wait of a scenario however slow the machine (half an hour
 * at the scenarios' speed of 20): a step that needs it still running comes first, then the test
 * fast-forwards the sandbox (`setSpeed(FAST_FORWARD)`) and it ends within seconds.
 */
export const OUTLASTING_SERVER_SECONDS = 36_000;
export const FAST_FORWARD = 10_000;

/**
 * A failure the extension does not send again (InternalServerError is temporary: it would be
 * retried after a backoff and the panel would say so instead of "failed").
 */
export const LASTING_FAILURE = { code: 'InvalidParameterValue', message: "Invalid value given for parameter 'startIpAddress'. Specify a valid parameter value." } as const;

/**
 * One test file = one scenario: its own ARM sandbox and a fresh code-server with the packaged
 * extension pointed at it, started before the tests and stopped after them.
 */
export function useScenario(name: string, options: ScenarioOptions = {}): Scenario {
  let postgres: PostgresServer | undefined;
  let sandbox: Sandbox | undefined;
  let vscode: VsCodeSession | undefined;
  beforeAll(async () => {
    if (options.realPostgres) postgres = await startPostgresServer(CLUSTER_ADMIN_PASSWORD);
    const backend = postgres ? { postgres: { host: postgres.host, port: postgres.port, user: postgres.user, password: postgres.password } } : {};
    sandbox = await startSandbox({ speed: 20, ...options.sandbox, ...backend });
    // Read ARM every 5 s (the least allowed) rather than the default 15 s: a scenario waits on
    // every deployment it starts, and the default's mean 7.5 s until the next read is lost each time.
    const settings = { 'pgsql.flexProvisioning.pollIntervalSeconds': 5, ...options.settings };
    vscode = await startVsCode({ name, sandbox, settings, telemetry: options.telemetry });
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || !vscode) return;
    // Every window: the test may have failed in one it opened.
    const { shots, browser } = vscode;
    for (const [index, page] of browser.pages().entries()) await shots.shot(page, index === 0 ? 'at-failure' : `at-failure-window-${index + 1}`).catch(() => {});
  });
  afterAll(async () => {
    await vscode?.close();
    await sandbox?.stop();
    postgres?.stop();
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error('the sandbox has not started');
      return sandbox;
    },
    get vscode() {
      if (!vscode) throw new Error('code-server has not started');
      return vscode;
    },
    get postgres() {
      if (!postgres) throw new Error(options.realPostgres ? 'PostgreSQL has not started' : 'the scenario runs without a real PostgreSQL (realPostgres)');
      return postgres;
    },
  };
}
