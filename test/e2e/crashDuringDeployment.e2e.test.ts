import { describe, expect, it } from 'vitest';
import { waitForNotification } from './harness/notifications';
import { waitFor } from './harness/waitFor';
import { fillCreateForm, openCreateForm, submitCreateForm } from './flows/createServerForm';
import { fqdn, savedConnectionsOf } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Beyond the spec (7): SIGKILL code-server's whole process group — and the browser, which holds
// globalState — the moment ARM has accepted the deployment; restart on the same folders and
// profile; the deployment is still tracked, completes, and exactly one profile exists.
describe('scenario 7: crash right after Create', () => {
  const serverName = 'pgflex-crashed';
  const scenario = useScenario('scenario-7-crash');

  it('keeps tracking the deployment across a SIGKILL and saves exactly one profile', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: 400 } });
    const form = await openCreateForm(vscode.page);
    await fillCreateForm(vscode, form, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    await vscode.shot('filled');
    await submitCreateForm(form);
    await waitFor('ARM to receive the deployment', () => sandbox.requests.count('deployments.put') === 1, 60_000, 5);

    await vscode.crashAndRestart({ browserToo: true });
    await vscode.shot('restarted-after-sigkill');

    await waitForNotification(vscode.page, `Server '${serverName}' is ready`, 120_000);
    await vscode.shot('ready-notification');
    expect(await savedConnectionsOf(vscode.dirs, fqdn(serverName))).toHaveLength(1);
    expect(sandbox.requests.count('deployments.put')).toBe(1);
  });
});
