import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox';
import { startVsCode, type VsCodeSession } from '../harness/vscodeSession';

export interface Scenario {
  readonly sandbox: Sandbox;
  readonly vscode: VsCodeSession;
}

/**
 * One test file = one scenario: its own ARM sandbox and a fresh code-server with the packaged
 * extension pointed at it, started before the tests and stopped after them.
 */
export function useScenario(name: string, options: { sandbox?: SandboxOptions; settings?: Record<string, unknown> } = {}): Scenario {
  let sandbox: Sandbox | undefined;
  let vscode: VsCodeSession | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 20, ...options.sandbox });
    vscode = await startVsCode({ name, sandbox, settings: options.settings });
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await vscode?.shot('at-failure').catch(() => {});
  });
  afterAll(async () => {
    await vscode?.close();
    await sandbox?.stop();
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
  };
}
