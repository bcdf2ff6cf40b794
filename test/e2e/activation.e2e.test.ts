import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox';
import { startVsCode, type VsCodeSession } from './harness/vscodeSession';
import { hasCommand, runCommand } from './harness/palette';
import { outputChannelText } from './harness/outputChannel';
import { viewPane } from './harness/tree';
import { waitFor } from './harness/waitFor';

// Proves the harness end to end: the packaged .vsix installs into code-server, activates against
// the sandbox, and its contributions reach the workbench.
describe('the extension in code-server', () => {
  let sandbox: Sandbox;
  let vscode: VsCodeSession;

  beforeAll(async () => {
    sandbox = await startSandbox({ speed: 200, postgres: 'none' });
    vscode = await startVsCode({ name: 'activation', sandbox });
  });

  afterAll(async () => {
    await vscode?.close();
    await sandbox?.stop();
  });

  it('activates in sandbox mode and logs to its output channel', async () => {
    const log = () => outputChannelText(vscode.dirs, 'PostgreSQL Flexible Server');
    await waitFor('the activation line', () => log().includes('Activated;'), 60_000);
    await vscode.shot('activated');
    expect(log()).toContain(`sandbox mode, ARM at ${sandbox.url}`);
    expect(log()).toContain('Activated; 0 deployment record(s) tracked.');
  });

  it('offers its commands in the palette, and they run', async () => {
    expect(await hasCommand(vscode.page, 'PostgreSQL: Show Flex Server Deployments')).toBe(true);
    await runCommand(vscode.page, 'PostgreSQL: Show Flex Server Deployments');
    await viewPane(vscode.page, 'Deployments').waitFor({ state: 'visible', timeout: 30_000 });
    await vscode.shot('deployments-view');
  });
});
