import { firstValueFrom, skip } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_COMMANDS } from '../../../src/commandIds';
import { passwordSecretKey } from '../../../src/connections/connectionProfile';
import { saveDeploymentProfile } from '../../../src/connections/saveDeploymentProfile';
import { deploymentItems$ } from '../../../src/deployments/deploymentsTreeModel';
import { REMOVE_CONNECTION } from '../../../src/connections/connectionCommands';
import { armRestError } from '../../support/armRestError';
import { deploymentContext } from '../../support/connectionFakes';
import { treeItemCommands } from '../../support/contributedMenus';
import { deploymentsViewWorld } from '../../support/deploymentsViewWorld';

const T0 = Date.UTC(2026, 11, 4, 10, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const contoso = deploymentContext({ stagingId: 'ok', serverName: 'contoso', createdAt: T0 - DAY, terminalAt: T0 - DAY + 371_000 });
const gone = () => armRestError(404, 'ResourceNotFound', "The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/contoso' under resource group 'rg-data' was not found.");

const setup = (contexts = [contoso]) => deploymentsViewWorld(contexts, T0);

describe('the Deployments view and Azure: a succeeded deployment\'s server', () => {
  it('deleted behind the extension\'s back: the row says so (description, tooltip, icon) and offers Remove Saved Connection and Open Server in Azure Portal', async () => {
    const s = setup();
    expect((await s.items())[0]).toMatchObject({ description: 'Succeeded after 6m 11s', icon: 'pass', contextValue: 'deployment.succeeded' });
    s.reader.answer('contoso', { error: gone() });
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    const [item] = await s.items();
    expect([item.description, item.icon, item.contextValue]).toEqual(['Server deleted in Azure · Succeeded after 6m 11s', 'warning', 'deployment.succeeded.serverGone']);
    expect(item.tooltip).toContain("Azure has no server 'contoso' in resource group 'rg-data' any more (ResourceNotFound");
    const commands = treeItemCommands(item.contextValue);
    expect(commands).toEqual(expect.arrayContaining([DEPLOYMENT_COMMANDS.removeSavedConnection, DEPLOYMENT_COMMANDS.openServerInPortal, DEPLOYMENT_COMMANDS.dismiss]));
    expect(commands).not.toContain(DEPLOYMENT_COMMANDS.startServer);
  });

  it('stopped: the row says "server stopped" and offers Start Server, which ARM starts under a progress notification, then the row is back to Succeeded', async () => {
    const s = setup();
    s.reader.answer('contoso', { state: 'Stopped' });
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    const [stopped] = await s.items();
    expect([stopped.description, stopped.icon, stopped.contextValue]).toEqual(['Server stopped · Succeeded after 6m 11s', 'debug-pause', 'deployment.succeeded.serverStopped']);
    expect(treeItemCommands(stopped.contextValue)).toContain(DEPLOYMENT_COMMANDS.startServer);
    expect(treeItemCommands(stopped.contextValue)).not.toContain(DEPLOYMENT_COMMANDS.removeSavedConnection);

    await s.run(DEPLOYMENT_COMMANDS.startServer, { stagingId: 'ok' });
    expect(s.started).toEqual([{ tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-data', serverName: 'contoso' }]);
    expect(s.notifier.shown.map((m) => [m.kind, m.message])).toEqual([
      ['progress', "Starting the server 'contoso'…"],
      ['info', "The server 'contoso' is started."],
    ]);
    expect(s.reader.reads).toEqual(['contoso', 'contoso']);
    expect((await s.items())[0].contextValue).toBe('deployment.succeeded');
  });

  it('Start Server refused by ARM says why and what to do, and the row stays stopped', async () => {
    const s = setup();
    s.reader.answer('contoso', { state: 'Stopped' });
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    s.starter.failWith = armRestError(403, 'AuthorizationFailed', 'The client does not have authorization.');
    await s.run(DEPLOYMENT_COMMANDS.startServer, { stagingId: 'ok' });
    expect(s.notifier.shown.at(-1)).toMatchObject({ kind: 'error', message: expect.stringContaining("Could not start the server 'contoso': Azure says your account lacks the permission") });
    expect((await s.items())[0].contextValue).toBe('deployment.succeeded.serverStopped');
  });

  it('throttled or signed out: the row stays as it was, never "deleted"', async () => {
    const s = setup();
    s.reader.answer('contoso', { error: armRestError(429, 'TooManyRequests', 'throttled') });
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    expect((await s.items())[0].contextValue).toBe('deployment.succeeded');
  });

  it('Remove Saved Connection asks first, then removes the profile and its password; declined, both stay', async () => {
    const s = setup();
    const profile = await saveDeploymentProfile(contoso, s.store, s.secrets);
    await s.store.saveProfilePasswordIfNeeded(profile, 'S3cret!pass');
    s.reader.answer('contoso', { error: gone() });
    await s.run(DEPLOYMENT_COMMANDS.refresh);

    await s.run(DEPLOYMENT_COMMANDS.removeSavedConnection, { stagingId: 'ok' });
    expect(s.store.getProfiles()).toHaveLength(1);
    s.notifier.answerNext(REMOVE_CONNECTION);
    await s.run(DEPLOYMENT_COMMANDS.removeSavedConnection, { stagingId: 'ok' });
    const confirm = s.notifier.shown.filter((m) => m.kind === 'confirm');
    expect(confirm).toHaveLength(2);
    expect(confirm[1]).toMatchObject({ message: "Remove the connection 'contoso'?", detail: expect.stringContaining("Azure last said it has no server 'contoso' any more.") });
    expect(s.store.getProfiles()).toEqual([]);
    expect(await s.secrets.get(passwordSecretKey(profile.id))).toBeUndefined();
    expect(s.disconnected).toEqual([profile.id]);

    await s.run(DEPLOYMENT_COMMANDS.removeSavedConnection, { stagingId: 'ok' });
    expect(s.notifier.shown.at(-1)).toMatchObject({ kind: 'info', message: "There is no saved connection of 'contoso' to remove." });
  });

  it('Refresh reads each shown succeeded deployment\'s server once, however many rows name it; not failed ones nor ones past the retention window', async () => {
    const s = setup([
      contoso,
      deploymentContext({ stagingId: 'again', serverName: 'contoso', createdAt: T0 - 2 * DAY, terminalAt: T0 - 2 * DAY + 60_000 }),
      deploymentContext({ stagingId: 'other', serverName: 'other', createdAt: T0 - DAY, terminalAt: T0 - DAY + 60_000 }),
      deploymentContext({ stagingId: 'old', serverName: 'old', createdAt: T0 - 40 * DAY, terminalAt: T0 - 40 * DAY + 60_000 }),
      deploymentContext({ stagingId: 'bad', serverName: 'bad', status: 'failed', createdAt: T0 - DAY, terminalAt: T0 - DAY + 60_000 }),
    ]);
    s.reader.hold();
    const refreshes = [s.run(DEPLOYMENT_COMMANDS.refresh), s.run(DEPLOYMENT_COMMANDS.refresh)];
    s.reader.release();
    await Promise.all(refreshes);
    expect([...s.reader.reads].sort()).toEqual(['contoso', 'other']);
  });

  it('the view\'s rows follow Azure\'s answer without anything else changing', async () => {
    const s = setup();
    const next = firstValueFrom(deploymentItems$(s.tracker.deployments$, () => T0, () => 30, s.checks.known$).pipe(skip(1)));
    s.reader.answer('contoso', { error: gone() });
    await s.checks.check({ tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-data', serverName: 'contoso' });
    expect((await next)[0].contextValue).toBe('deployment.succeeded.serverGone');
  });
});
