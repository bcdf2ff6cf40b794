import { describe, expect, it } from 'vitest';
import { SEEDED_RESOURCE_GROUPS } from '../../sandbox';
import { armRequest } from '../integration/sandbox/sandboxTestKit';
import { clickDialogButton, waitForDialog } from './harness/dialogs';
import { waitForNotification } from './harness/notifications';
import { runCommand } from './harness/palette';
import { chooseTreeItemAction, showView, treeItemDescription, treeItems } from './harness/tree';
import { waitFor } from './harness/waitFor';
import { findWebview } from './harness/webview';
import { createServer } from './flows/createServerForm';
import { fqdn, savedConnections } from './flows/savedProfiles';
import { useScenario } from './flows/scenario';

// Issue 14, "Reconcile with Azure": a server created here is stopped, then deleted, behind the
// extension's back (ARM's own stop and DELETE, as the portal or the CLI would send them). Each time
// the Deployments view is refreshed its row says so: stopped → Start Server starts it with
// progress; deleted → Remove Saved Connection removes the profile. The deployment record stays.
describe('scenario 18: reconcile a server deleted behind the extension\'s back', () => {
  const serverName = 'pgflex-reconcile';
  const resourceGroup = 'rg-pgflex-dev';
  const scenario = useScenario('scenario-18-reconcile');
  const { subscriptionId } = SEEDED_RESOURCE_GROUPS.find((g) => g.name === resourceGroup)!;
  const serverPath = (action = '') => `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${serverName}${action}?api-version=2025-08-01`;
  const REFRESH = 'PostgreSQL: Refresh Deployments';

  it('shows a stopped server as stopped and starts it, then a deleted one as deleted, and removes its saved connection', async () => {
    const { vscode, sandbox } = scenario;
    await createServer(vscode, { serverName, resourceGroup, location: 'East US' });
    await findWebview(vscode.page, `h1:text("${serverName} is ready")`, 180_000);
    await waitFor('the profile saved', () => savedConnections(vscode.dirs).some((c) => c.server === fqdn(serverName)), 60_000);
    await showView(vscode.page, 'PostgreSQL', 'Deployments');
    const description = () => treeItemDescription(vscode.page, 'Deployments', serverName);
    await expect.poll(description, { timeout: 60_000 }).toMatch(/^Succeeded after \S+( \S+)?$/);

    // Stopped by someone else: nothing changes until the view is refreshed.
    expect((await armRequest(sandbox, 'POST', serverPath('/stop'))).status).toBe(202);
    await expect.poll(async () => ((await armRequest(sandbox, 'GET', serverPath())).body as { properties: { state: string } }).properties.state, { timeout: 60_000 }).toBe('Stopped');
    await runCommand(vscode.page, REFRESH);
    await expect.poll(description, { timeout: 30_000 }).toMatch(/^Server stopped · Succeeded after /);
    await vscode.shot('stopped');

    await chooseTreeItemAction(vscode.page, 'Deployments', serverName, 'Start Server', () => waitForNotification(vscode.page, `Starting the server '${serverName}'`, 20_000));
    await vscode.shot('starting');
    await waitForNotification(vscode.page, `The server '${serverName}' is started.`, 60_000);
    await expect.poll(description, { timeout: 30_000 }).toMatch(/^Succeeded after \S+( \S+)?$/);
    expect(sandbox.requests.count('flexibleServers.start')).toBe(1);
    expect(((await armRequest(sandbox, 'GET', serverPath())).body as { properties: { state: string } }).properties.state).toBe('Ready');

    // Deleted by someone else: one GET per refresh, and only its 404 ResourceNotFound marks it.
    expect((await armRequest(sandbox, 'DELETE', serverPath())).status).toBe(202);
    expect((await armRequest(sandbox, 'GET', serverPath())).body).toMatchObject({ error: { code: 'ResourceNotFound' } });
    sandbox.control.resetRequests();
    await runCommand(vscode.page, REFRESH);
    await expect.poll(description, { timeout: 30_000 }).toMatch(/^Server deleted in Azure · Succeeded after /);
    expect(sandbox.requests.count('flexibleServers.get')).toBe(1);
    await vscode.shot('deleted');

    await chooseTreeItemAction(vscode.page, 'Deployments', serverName, 'Remove Saved Connection', () => waitForDialog(vscode.page, 20_000));
    const dialog = await waitForDialog(vscode.page);
    expect(dialog.message).toContain(`Remove the connection '${serverName}'?`);
    expect(dialog.message).toContain(`Azure last said it has no server '${serverName}' any more.`);
    await vscode.shot('confirm-remove');
    await clickDialogButton(vscode.page, 'Remove');
    await waitFor('the profile removed from pgsql.connections', () => !savedConnections(vscode.dirs).some((c) => c.server === fqdn(serverName)), 30_000);

    // The record is the tracker's: still Succeeded, still saying what Azure said.
    expect(await description()).toMatch(/^Server deleted in Azure · Succeeded after /);
    await showView(vscode.page, 'PostgreSQL', 'Connections');
    await expect.poll(() => treeItems(vscode.page, 'Connections'), { timeout: 30_000 }).not.toContain(serverName);
    await vscode.shot('removed');
  });
});
