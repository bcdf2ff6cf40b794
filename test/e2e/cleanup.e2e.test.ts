import { describe, expect, it } from 'vitest';
import { updateUserSettings } from './harness/runDirs';
import { showView, treeItems } from './harness/tree';
import { findWebview } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { journalServerNames } from './flows/deploymentJournal';
import { useScenario } from './flows/scenario';

// Spec scenario 6: records past `deploymentRetentionDays` are purged on activation; in-progress
// ones are kept. Lowering the retention to 0 days puts every finished record past it.
describe('scenario 6: cleanup on activation', () => {
  const finished = 'pgflex-old-failure';
  const running = 'pgflex-still-running';
  const scenario = useScenario('scenario-6-cleanup');
  const listed = async () => (await treeItems(scenario.vscode.page, 'Deployments')).join('\n');

  it('purges finished records past retention and keeps the one still deploying', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(finished, { outcome: 'fail', error: 'InternalServerError' });
    sandbox.control.scriptOutcome(running, { outcome: 'hang' });
    await createServer(vscode, { serverName: finished, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    await findWebview(vscode.page, `h1:text("Provisioning ${finished} failed")`, 120_000);
    await createServer(vscode, { serverName: running, resourceGroup: 'rg-pgflex-dev', location: 'East US' });

    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    await expect.poll(listed, { timeout: 30_000 }).toContain(finished);
    expect(await listed()).toContain(running);
    expect(journalServerNames(vscode.dirs).sort()).toEqual([finished, running].sort());
    await vscode.shot('before-reload');

    updateUserSettings(vscode.dirs, { 'pgsql.flexProvisioning.deploymentRetentionDays': 0 });
    await vscode.reload();
    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    await expect.poll(listed, { timeout: 30_000 }).toContain(running);
    expect(await listed()).not.toContain(finished);
    expect(journalServerNames(vscode.dirs)).toEqual([running]);
    await vscode.shot('after-reload-purged');
  });
});
