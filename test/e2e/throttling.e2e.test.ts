import { describe, expect, it } from 'vitest';
import { shownNotifications } from './harness/notifications';
import { countWebviewsWith, findWebview } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { fqdn, savedConnectionsOf } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Beyond the spec (9): ARM answers 429 with Retry-After for a while during the deployment; it still
// completes and the user sees no error.
describe('scenario 9: ARM throttling during the run', () => {
  const serverName = 'pgflex-throttled';
  const scenario = useScenario('scenario-9-throttling');

  it('completes through a run of 429s without showing an error', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: 400 } });
    await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    sandbox.control.addFault({ kind: 'throttle', count: 5, retryAfterSeconds: 2 });
    // Read in this process, before any request can reach the sandbox: all five are still to serve.
    expect(sandbox.control.pendingFaults()).toEqual([expect.objectContaining({ kind: 'throttle', count: 5 })]);
    await vscode.shot('throttled');

    await findWebview(vscode.page, `header h1:text-is("${serverName}")`, 180_000);
    await vscode.shot('dashboard');
    // All five 429s were served (a spent rule leaves the list).
    expect(sandbox.control.pendingFaults()).toEqual([]);
    expect(await countWebviewsWith(vscode.page, 'text=Deployment failed')).toBe(0);
    const errors = (await shownNotifications(vscode.page)).filter((n) => /429|throttl|too many|failed|error/i.test(n.message));
    expect(errors).toEqual([]);
    expect(await savedConnectionsOf(vscode.dirs, fqdn(serverName))).toHaveLength(1);
  });
});
