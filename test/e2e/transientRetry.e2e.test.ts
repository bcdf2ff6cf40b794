import { describe, expect, it } from 'vitest';
import { createServer } from './flows/createServerForm';
import { fqdn, savedConnectionsOf } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';
import { shownNotifications } from './harness/notifications';
import { findWebview } from './harness/webview';

// A deployment ARM fails with a temporary error is sent again by itself: the sandbox fails the
// first deployment of the server with InternalServerError, then lets it succeed. The panel says
// why and when the next attempt goes; the wait (30 s and up, the extension's own constant: the
// sandbox's speed does not change the extension's clock) is waited on, never skipped.
describe('scenario 19: a temporary error, sent again by itself', () => {
  const serverName = 'pgflex-transient';
  const scenario = useScenario('scenario-19-transient-retry');

  it('the first attempt fails with InternalServerError, the panel shows the retry, the second attempt succeeds with one profile', async () => {
    const { vscode, sandbox } = scenario;
    sandbox.control.scriptOutcome(serverName, { outcome: 'fail', error: 'InternalServerError', times: 1 });
    const progress = await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });

    const notice = progress.locator('p.transient-retry');
    await notice.waitFor({ state: 'visible', timeout: 120_000 });
    expect(await notice.innerText()).toMatch(/^Azure reported a temporary error \(InternalServerError\); trying again (in \d+ s|now), attempt 2 of 3\.$/);
    await vscode.shot('retry-notice');

    await findWebview(vscode.page, `h1:text-is("${serverName} is ready")`, 180_000);
    await vscode.shot('ready');
    expect(await savedConnectionsOf(vscode.dirs, fqdn(serverName))).toHaveLength(1);
    expect(sandbox.requests.count('deployments.put')).toBe(2);
    // A temporary error that was cured is no failure: nothing told the user it failed.
    expect((await shownNotifications(vscode.page)).filter((n) => n.message.includes('provisioning failed'))).toEqual([]);
  });
});
