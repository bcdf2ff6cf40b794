import { describe, expect, it } from 'vitest';
import { updateUserSettings } from './harness/runDirs';
import { waitForNotification } from './harness/notifications';
import { showView, treeItems } from './harness/tree';
import { findWebview } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { journalServerNames } from './flows/deploymentJournal';
import { LASTING_FAILURE, useScenario } from './flows/scenario';

// Spec scenario 6: records past `deploymentRetentionDays` are purged on activation; in-progress
// ones are kept. Lowering the retention to 0 days puts every finished record past it.
describe('scenario 6: cleanup on activation', () => {
  const finished = 'pgflex-old-failure';
  const running = 'pgflex-still-running';
  const scenario = useScenario('scenario-6-cleanup');
  const listed = async () => (await treeItems(scenario.vscode.page, 'Deployments')).join('\n');

  it('purges finished records past retention and keeps the one still deploying', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(finished, { outcome: 'fail', error: LASTING_FAILURE });
    sandbox.control.scriptOutcome(running, { outcome: 'hang' });
    await createServer(vscode, { serverName: finished, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    await findWebview(vscode.page, `h1:text("Provisioning ${finished} failed")`, 120_000);
    await createServer(vscode, { serverName: running, resourceGroup: 'rg-pgflex-dev', location: 'East US' });

    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    await expect.poll(listed, { timeout: 30_000 }).toContain(finished);
    expect(await listed()).toContain(running);
    expect(journalServerNames(vscode.dirs).sort()).toEqual([finished, running].sort());
    await vscode.shot('before-reload');

    // A hand-edited settings.json with the wrong types: the defaults apply (30 days keeps the
    // failure listed; polling stays at 15 s), and the user is told which setting was ignored.
    updateUserSettings(vscode.dirs, { 'pgsql.flexProvisioning.deploymentRetentionDays': 'abc', 'pgsql.flexProvisioning.pollIntervalSeconds': 'abc' });
    await vscode.reload();
    await waitForNotification(vscode.page, "'pgsql.flexProvisioning.deploymentRetentionDays' is \"abc\"");
    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    await expect.poll(listed, { timeout: 30_000 }).toContain(finished);
    sandbox.requests.reset();
    await vscode.page.waitForTimeout(12_000);
    // The hanging deployment is read at most once per 5 s whatever the setting says (it was about
    // eleven times a second with a NaN interval).
    expect(sandbox.requests.count('deployments.list')).toBeLessThanOrEqual(3);
    await vscode.shot('bad-settings-defaults');

    updateUserSettings(vscode.dirs, { 'pgsql.flexProvisioning.deploymentRetentionDays': 0 });
    await vscode.reload();
    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    await expect.poll(listed, { timeout: 30_000 }).toContain(running);
    expect(await listed()).not.toContain(finished);
    // The view follows the tracker at once; the journal's compaction is written after it.
    await expect.poll(() => journalServerNames(vscode.dirs), { timeout: 30_000 }).toEqual([running]);
    await vscode.shot('after-reload-purged');
  });
});
