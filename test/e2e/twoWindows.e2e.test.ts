import { describe, expect, it } from 'vitest';
import { showView, waitForTreeItem } from './harness/tree';
import { findWebview, findWebviewInOneOf } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { fqdn, savedConnectionsOf } from './flows/savedProfiles';
import { pollerReads, stepperReads } from './flows/sandboxReads';
import { OUTLASTING_SERVER_SECONDS, FAST_FORWARD, useScenario } from './flows/scenario';

// Beyond the spec (8): two browser pages on one code-server are two extension hosts sharing
// globalState; one deployment → exactly one profile and one poller (the sandbox counts the reads).
describe('scenario 8: two windows', () => {
  const serverName = 'pgflex-two-windows';
  const scenario = useScenario('scenario-8-two-windows');
  const measureReads = async (label: string, ms: number) => {
    scenario.sandbox.requests.reset();
    // Not a wait for something to happen: this time is the counting window the reads are measured in.
    await scenario.vscode.page.waitForTimeout(ms);
    const counts = scenario.sandbox.requests.counts();
    console.log(`scenario 8, ARM requests in ${ms / 1000} s with ${label}: ${JSON.stringify(counts)}`);
    return { poller: pollerReads(counts), stepper: stepperReads(counts) };
  };

  it('polls once for a deployment seen by two windows and saves one profile', async () => {
    const { vscode, sandbox } = scenario;
    // Half an hour of server creation at speed 20: both measuring windows fall inside it however
    // slow the machine; a fast-forward ends it once they are over.
    sandbox.control.scriptOutcome(serverName, { outcome: 'succeed', durations: { flexibleServers: OUTLASTING_SERVER_SECONDS } });
    await createServer(vscode, { serverName, resourceGroup: 'rg-pgflex-dev', location: 'East US' });
    const oneWindow = await measureReads('one window', 25_000);

    const second = await vscode.openWindow();
    await showView(second, 'PostgreSQL', 'Deployments');
    await waitForTreeItem(second, 'Deployments', serverName);
    // Measured once its restored progress panel shows: that panel's first read is not a poll's.
    await findWebview(second, `h1:text("Provisioning ${serverName}")`, 60_000);
    await second.screenshot({ path: `${vscode.shots.dir}/second-window-sees-deployment.png` });
    const twoWindows = await measureReads('two windows', 25_000);
    expect(oneWindow.poller).toBeGreaterThan(0);
    // A second poller would double the status reads; allow one cycle of jitter.
    expect(twoWindows.poller).toBeLessThanOrEqual(Math.ceil(oneWindow.poller * 1.25) + 1);
    // A visible progress panel reads its deployment's operations at most once per change the poll
    // brings (one cycle of slack at the edges of the measuring window). The second window restores
    // its own panel: two visible panels, two readers, never more.
    expect(oneWindow.stepper).toBeGreaterThan(0);
    expect(oneWindow.stepper).toBeLessThanOrEqual(oneWindow.poller + 1);
    expect(twoWindows.stepper).toBeGreaterThan(oneWindow.stepper);
    expect(twoWindows.stepper).toBeLessThanOrEqual(2 * (twoWindows.poller + 1));
    sandbox.control.setSpeed(FAST_FORWARD);

    // The owning window opens the dashboard: the first, unless its lease lapsed while both cores
    // were busy and the second adopted the deployment. Either way, one dashboard and one profile.
    const dashboard = await findWebviewInOneOf([vscode.page, second], `header h1:text-is("${serverName}")`, 180_000);
    console.log(`scenario 8: the dashboard opened in the ${dashboard.page === second ? 'second' : 'first'} window`);
    await dashboard.page.screenshot({ path: `${vscode.shots.dir}/dashboard-opened.png` });
    expect(await savedConnectionsOf(vscode.dirs, fqdn(serverName))).toHaveLength(1);
    expect(sandbox.requests.count('deployments.put')).toBe(0); // counted since the last reset: no second create
  });
});
