import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_COMMANDS } from '../../../src/commandIds';
import { azureServerRef } from '../../../src/connections/azureServerRef';
import { saveDeploymentProfile } from '../../../src/connections/saveDeploymentProfile';
import { armRestError } from '../../support/armRestError';
import { deploymentContext } from '../../support/connectionFakes';
import { treeItemCommands } from '../../support/contributedMenus';
import { deploymentsViewWorld } from '../../support/deploymentsViewWorld';

const T0 = Date.UTC(2026, 11, 4, 10, 0, 0);
const contoso = deploymentContext({ stagingId: 'ok', serverName: 'contoso', createdAt: T0 - 60_000, terminalAt: T0 });
const notHere = () => armRestError(404, 'ResourceNotFound', "The Resource 'Microsoft.DBforPostgreSQL/flexibleServers/contoso' under resource group 'rg-data' was not found.");

function setup() {
  const world = deploymentsViewWorld([contoso], T0);
  return { ...world, row: async () => (await world.items())[0] };
}

describe("a succeeded deployment's server moved to another resource group behind the extension's back", () => {
  it('is shown as moved, never as deleted, and offers Update Saved Connection instead of Remove', async () => {
    const s = setup();
    s.reader.answer('contoso', { error: notHere() });
    s.reader.groups.set('contoso', 'rg-moved');
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    const row = await s.row();
    expect([row.description, row.icon, row.contextValue]).toEqual(["Server moved to 'rg-moved' · Succeeded after 1m 0s", 'arrow-swap', 'deployment.succeeded.serverMoved']);
    expect(row.tooltip).toContain("Azure has 'contoso' in resource group 'rg-moved' now, no longer in resource group 'rg-data' (checked");
    expect(treeItemCommands(row.contextValue)).toContain(DEPLOYMENT_COMMANDS.updateSavedConnection);
    expect(treeItemCommands(row.contextValue)).not.toContain(DEPLOYMENT_COMMANDS.removeSavedConnection);
    expect(s.reader.located).toEqual(['contoso']);
  });

  it('Update Saved Connection points the profile at the new group (its resource id too), says so, and asks Azure there', async () => {
    const s = setup();
    await saveDeploymentProfile(contoso, s.store, s.secrets);
    s.reader.answer('contoso', { error: notHere() });
    s.reader.groups.set('contoso', 'rg-moved');
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    s.reader.answer('contoso', { state: 'Ready' });

    await s.run(DEPLOYMENT_COMMANDS.updateSavedConnection, { stagingId: 'ok' });
    const [profile] = s.store.getProfiles();
    expect(azureServerRef(profile)).toEqual({ tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-moved', serverName: 'contoso' });
    expect(profile.azureResourceGroup).toBe('rg-moved');
    expect(s.notifier.shown.at(-1)).toEqual({ kind: 'info', message: "The saved connection 'contoso' now points to resource group 'rg-moved', where Azure has 'contoso'.", actions: [] });
    expect(s.logged.at(-1)).toBe("The saved connection 'contoso' now points to resource group 'rg-moved' (it was resource group 'rg-data'), as the user asked.");
    expect(s.checks.latest({ tenantId: 'tenant-1', subscriptionId: 'sub-1', resourceGroup: 'rg-moved', serverName: 'contoso' })).toMatchObject({ kind: 'found', state: 'Ready' });
  });

  it('moved to another subscription: the row names the group and the subscription, and Update Saved Connection follows it there', async () => {
    const s = setup();
    await saveDeploymentProfile(contoso, s.store, s.secrets);
    s.reader.answer('contoso', { error: notHere() });
    s.reader.groups.set('contoso', { subscriptionId: 'sub-2', subscriptionName: 'Dev/Test', resourceGroup: 'rg-data' });
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    const row = await s.row();
    expect([row.description, row.contextValue]).toEqual(["Server moved to 'rg-data' in 'Dev/Test' · Succeeded after 1m 0s", 'deployment.succeeded.serverMoved']);
    expect(row.tooltip).toContain("Azure has 'contoso' in resource group 'rg-data' of subscription 'Dev/Test' (sub-2) now, no longer in resource group 'rg-data' of subscription 'sub-1' (checked");

    await s.run(DEPLOYMENT_COMMANDS.updateSavedConnection, { stagingId: 'ok' });
    const [profile] = s.store.getProfiles();
    expect(azureServerRef(profile)).toEqual({ tenantId: 'tenant-1', subscriptionId: 'sub-2', resourceGroup: 'rg-data', serverName: 'contoso' });
    expect(profile.azureResourceId).toBe('/subscriptions/sub-2/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso');
    expect(s.notifier.shown.at(-1)?.message).toBe("The saved connection 'contoso' now points to resource group 'rg-data' of subscription 'Dev/Test' (sub-2), where Azure has 'contoso'.");
    expect(s.logged.at(-1)).toBe("The saved connection 'contoso' now points to resource group 'rg-data' of subscription 'Dev/Test' (sub-2) (it was resource group 'rg-data' of subscription 'sub-1'), as the user asked.");
  });

  it('a server of that name nowhere in the subscription is deleted; one the list cannot be read for is not concluded', async () => {
    const s = setup();
    s.reader.answer('contoso', { error: notHere() });
    s.reader.locateError = armRestError(429, 'TooManyRequests', 'throttled');
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    expect((await s.row()).contextValue).toBe('deployment.succeeded');

    s.reader.locateError = undefined;
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    expect((await s.row()).contextValue).toBe('deployment.succeeded.serverGone');
  });

  it('listed in its own group yet not found there (Azure not yet consistent): nothing is concluded', async () => {
    const s = setup();
    s.reader.answer('contoso', { error: notHere() });
    s.reader.groups.set('contoso', 'RG-DATA');
    await s.run(DEPLOYMENT_COMMANDS.refresh);
    expect((await s.row()).contextValue).toBe('deployment.succeeded');
  });

  it('Update Saved Connection without a move known, or without a profile, changes nothing and says why', async () => {
    const s = setup();
    await s.run(DEPLOYMENT_COMMANDS.updateSavedConnection, { stagingId: 'ok' });
    expect(s.notifier.shown.at(-1)).toMatchObject({ kind: 'info', message: "There is no saved connection of 'contoso' to update." });
    await saveDeploymentProfile(contoso, s.store, s.secrets);
    await s.run(DEPLOYMENT_COMMANDS.updateSavedConnection, { stagingId: 'ok' });
    expect(s.notifier.shown.at(-1)).toMatchObject({ kind: 'info', message: "Azure did not say that 'contoso' moved: Refresh the view to ask again." });
    expect(azureServerRef(s.store.getProfiles()[0])?.resourceGroup).toBe('rg-data');
  });
});
