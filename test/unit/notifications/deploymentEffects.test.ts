import { describe, expect, it } from 'vitest';
import { ConnectionFailure } from '../../../src/connections/connectionFailure';
import { deploymentContext } from '../../support/connectionFakes';
import { deploymentEffectsWorld as setup, settle } from '../../support/deploymentEffectsWorld';
describe('DeploymentEffects: success', () => {
  it('saveProfile returns the stable profile id every time', async () => {
    const { effects, store } = setup();
    const d = deploymentContext();
    expect(await effects.saveProfile(d)).toEqual({ profileId: 'flex-stg-1' });
    expect(await effects.saveProfile(d)).toEqual({ profileId: 'flex-stg-1' });
    expect(store.getProfiles()).toHaveLength(1);
  });

  it('openDashboard connects, then opens the dashboard of the saved profile', async () => {
    const { effects, commands, connects } = setup();
    const d = deploymentContext();
    await effects.saveProfile(d);
    await effects.openDashboard({ ...d, profileId: 'flex-stg-1' });
    expect(connects).toEqual(['flex-stg-1']);
    // The machine opens it when the deployment ends: it must not take the keyboard from the user.
    expect(commands.calls).toEqual([{ command: 'pgsql.showServerDashboard', args: [{ profileId: 'flex-stg-1', preserveFocus: true }] }]);
  });

  it('openDashboard still opens the dashboard when the connection fails, and does not connect again', async () => {
    const failure = new ConnectionFailure('authentication', 'Password authentication failed.', 'Check the password.');
    const { effects, commands, connects } = setup({ connected: false, failure });
    const d = deploymentContext();
    await effects.saveProfile(d);
    await effects.openDashboard(d);
    expect(connects).toHaveLength(1);
    expect(commands.calls.map((c) => c.command)).toEqual(['pgsql.showServerDashboard']);
  });

  it('openDashboard of a server without public access opens its dashboard without trying to connect', async () => {
    const { effects, commands, connects } = setup();
    const d = deploymentContext();
    const noPublicAccess = { ...d, request: { ...d.request!, networkAccess: 'None' as const } };
    await effects.saveProfile(noPublicAccess);
    await effects.openDashboard(noPublicAccess);
    expect(connects).toEqual([]);
    expect(commands.calls).toEqual([{ command: 'pgsql.showServerDashboard', args: [{ profileId: 'flex-stg-1', preserveFocus: true }] }]);
  });

  it('openDashboard fails clearly when the profile was never saved', async () => {
    const { effects } = setup();
    await expect(effects.openDashboard(deploymentContext())).rejects.toThrow("The connection profile of 'contoso' is not saved");
  });

  it("notifyReady says the server is ready and opens nothing unless asked", async () => {
    const { effects, notifier, commands, connects } = setup();
    const d = deploymentContext({ inActiveSession: false });
    await effects.saveProfile(d);
    effects.notifyReady(d);
    await settle();
    expect(notifier.shown).toEqual([{ kind: 'info', message: "Server 'contoso' is ready", actions: ['Connect', 'Open Dashboard', 'Open in Azure Portal'] }]);
    expect(commands.calls).toEqual([]);
    expect(connects).toEqual([]);
  });

  it('notifyReady: Connect connects; Open Dashboard connects, opens it and tells the tracker', async () => {
    const { effects, notifier, commands, connects, tracker } = setup();
    const d = deploymentContext({ inActiveSession: false });
    await effects.saveProfile(d);
    notifier.answerNext('Connect');
    effects.notifyReady(d);
    await settle();
    expect(connects).toEqual(['flex-stg-1']);
    expect(commands.calls).toEqual([]);

    notifier.answerNext('Open Dashboard');
    effects.notifyReady(d);
    await settle();
    expect(connects).toEqual(['flex-stg-1', 'flex-stg-1']);
    // Asked for by a click: it takes the focus.
    expect(commands.calls).toEqual([{ command: 'pgsql.showServerDashboard', args: [{ profileId: 'flex-stg-1', preserveFocus: false }] }]);
    expect(tracker.dashboardsOpened).toEqual(['stg-1']);
  });

  it('notifyReady: Open in Azure Portal opens the server, not the deployment', async () => {
    const { effects, notifier, opened } = setup();
    notifier.answerNext('Open in Azure Portal');
    effects.notifyReady(deploymentContext({ inActiveSession: false }));
    await settle();
    expect(opened).toEqual(['https://portal.azure.com/#@tenant-1/resource/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso']);
  });
});

describe('DeploymentEffects: failure', () => {
  const failed = deploymentContext({
    status: 'failed',
    error: 'Quota exceeded',
    armError: { code: 'QuotaExceeded', message: 'Quota exceeded for Burstable in westeurope.' },
  });

  it("shows the spec's message with ARM's words, then what to do, with View Details, Retry, the quota page (not the portal: five buttons at most), the leftovers and Dismiss", async () => {
    const { effects, notifier } = setup();
    effects.notifyFailed(failed);
    await settle();
    expect(notifier.shown).toEqual([
      {
        kind: 'error',
        message:
          "Azure PostgreSQL Flexible Server provisioning failed for 'contoso': Quota exceeded for Burstable in westeurope. " +
          "The subscription's vCore quota for PostgreSQL flexible servers in westeurope is used up. Request more quota, or Retry with a smaller compute size or in another region.",
        actions: ['View Details', 'Retry', 'Request More Quota', 'Delete Leftover Resources…', 'Dismiss'],
      },
    ]);
  });

  it('the guidance button opens its page, and nothing else', async () => {
    const { effects, notifier, linksOpened, opened, details, tracker } = setup();
    notifier.answerNext('Request More Quota');
    effects.notifyFailed(failed);
    await settle();
    expect(linksOpened).toEqual(['https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-request-quota-increase']);
    expect(opened).toEqual([]);
    expect(details.shown).toBe(0);
    expect(tracker.retried).toEqual([]);
  });

  it('advice without a page adds no button', async () => {
    const { effects, notifier } = setup();
    effects.notifyFailed({ ...failed, armError: { code: 'ServerNameAlreadyExists', message: 'Specified server name is already used by another server.' } });
    await settle();
    expect(notifier.shown[0]?.message).toBe(
      "Azure PostgreSQL Flexible Server provisioning failed for 'contoso': Specified server name is already used by another server. " +
        'Server names are unique across all of Azure, not only your subscription, and this one is taken. Retry with another name.',
    );
    expect(notifier.shown[0]?.actions).toEqual(['View Details', 'Retry', 'Open in Azure Portal', 'Delete Leftover Resources…', 'Dismiss']);
  });

  it('a temporary error after every attempt says it was tried that often, in the notification and in View Details', async () => {
    const { effects, notifier, details } = setup();
    notifier.answerNext('View Details');
    const transientRetry = { failedAttempts: 2, error: { code: 'InternalServerError', message: 'An unexpected error occured.' }, retryAt: 0, resubmittedAt: 1 };
    effects.notifyFailed({ ...failed, armError: { code: 'InternalServerError', message: 'An unexpected error occured.' }, terminalAt: 2, transientRetry });
    await settle();
    const advice = "This is a temporary problem on Azure's side; the deployment was tried 3 times. Retry in a few minutes.";
    expect(notifier.shown[0]?.message).toBe(`Azure PostgreSQL Flexible Server provisioning failed for 'contoso': An unexpected error occured. ${advice}`);
    expect(details.lines).toContain(`  ${advice}`);
    // It ended: nothing is tried again any more, and View Details does not say it is.
    expect(details.lines).not.toContain('Tried again after a temporary error:');
  });

  it("an unknown code: ARM's message alone, as before, no guidance button, nothing to do in View Details", async () => {
    const { effects, notifier, details } = setup();
    notifier.answerNext('View Details');
    effects.notifyFailed({ ...failed, armError: { code: 'RegionIsOfferRestricted', message: 'Subscriptions are restricted from provisioning in this region.' } });
    await settle();
    expect(notifier.shown).toEqual([
      {
        kind: 'error',
        message: "Azure PostgreSQL Flexible Server provisioning failed for 'contoso': Subscriptions are restricted from provisioning in this region.",
        actions: ['View Details', 'Retry', 'Open in Azure Portal', 'Delete Leftover Resources…', 'Dismiss'],
      },
    ]);
    expect(details.lines).toContain('  RegionIsOfferRestricted: Subscriptions are restricted from provisioning in this region.');
    expect(details.lines).not.toContain('What to do:');
  });

  it.each(['QuotaExceeded', 'ServerNameAlreadyExists', 'MissingSubscriptionRegistration', 'RequestDisallowedByPolicy', 'SkuNotAvailable', 'RegionDoesNotAllowProvisioning', 'InvalidParameter', 'Conflict', 'InternalServerError', 'SomethingNew'])(
    'a %s failure offers five buttons at most, View Details and Retry among them',
    async (code) => {
      const { effects, notifier } = setup();
      effects.notifyFailed({ ...failed, armError: { code, message: 'Azure said no.' } });
      await settle();
      const actions = notifier.shown[0]?.actions ?? [];
      expect(actions.length).toBeLessThanOrEqual(5);
      expect(actions).toEqual(expect.arrayContaining(['View Details', 'Retry']));
    },
  );

  it('a policy denial names the policy in the notification and in View Details', async () => {
    const { effects, notifier, details } = setup();
    const denied = {
      ...failed,
      armError: { code: 'RequestDisallowedByPolicy', message: "Resource 'contoso' was disallowed by policy.", policyViolation: { assignment: 'No public servers' } },
    };
    notifier.answerNext('View Details');
    effects.notifyFailed(denied);
    await settle();
    expect(notifier.shown[0]?.message).toContain("Resource 'contoso' was disallowed by policy. An Azure Policy assignment ('No public servers') denies this server.");
    expect(notifier.shown[0]?.actions).toContain('About Policy Denials');
    expect(details.lines).toContain("  An Azure Policy assignment ('No public servers') denies this server. Retry with settings the policy allows, or ask whoever manages the policy for an exemption.");
  });

  it('each action does its job', async () => {
    const { effects, notifier, details, tracker } = setup();
    notifier.answerNext('View Details', 'Retry', 'Dismiss');
    effects.notifyFailed(failed);
    await settle();
    effects.notifyFailed(failed);
    await settle();
    effects.notifyFailed(failed);
    await settle();
    expect(details.shown).toBe(1);
    expect(details.lines.join('\n')).toContain('QuotaExceeded: Quota exceeded for Burstable in westeurope.');
    const advice = details.lines.indexOf('What to do:');
    expect(details.lines.slice(advice + 1, advice + 3)).toEqual([
      "  The subscription's vCore quota for PostgreSQL flexible servers in westeurope is used up. Request more quota, or Retry with a smaller compute size or in another region.",
      '  Request More Quota: https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-request-quota-increase',
    ]);
    expect(tracker.retried).toEqual(['stg-1']);
    expect(tracker.dismissed).toEqual(['stg-1']);
  });

  it("Open in Azure Portal opens the deployment's overview, where ARM shows its error", async () => {
    const { effects, notifier, opened } = setup();
    notifier.answerNext('Open in Azure Portal');
    effects.notifyFailed(failed);
    await settle();
    expect(opened).toEqual(['https://portal.azure.com/#@tenant-1/resource/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.Resources/deployments/pgflex-contoso-1/overview']);
  });

  it('Delete Leftover Resources… runs the command on this deployment, which reads it as it is then and asks before deleting', async () => {
    const { effects, notifier, commands, tracker, details } = setup();
    notifier.answerNext('Delete Leftover Resources…');
    effects.notifyFailed(failed);
    await settle();
    expect(commands.calls).toEqual([{ command: 'pgsql.flexProvisioning.deleteLeftovers', args: ['stg-1'] }]);
    expect([tracker.retried, tracker.dismissed, details.shown]).toEqual([[], [], 0]);
  });

  it('tells the user when Retry from the notification is refused, not only the log', async () => {
    const { effects, notifier, tracker, errors } = setup();
    tracker.retryRefusal = new Error('Another VS Code window is working on this deployment. Try again in a moment.');
    notifier.answerNext('Retry');
    effects.notifyFailed(failed);
    await settle();
    const told = "Could not finish that for 'contoso': Another VS Code window is working on this deployment. Try again in a moment.";
    expect(notifier.shown.at(-1)).toEqual({ kind: 'error', message: told, actions: [] });
    expect(errors).toEqual([told]);
  });

  it('creates no profile for a failed deployment', async () => {
    const { effects, store } = setup();
    effects.notifyFailed(failed);
    await settle();
    expect(store.getProfiles()).toEqual([]);
  });
});

describe('DeploymentEffects: canceled', () => {
  const canceled = deploymentContext({ status: 'canceled', resourceGroupName: 'rg-contoso' });

  it('says canceled, not failed: an information with what stays, View Details, Retry, the portal, the leftovers and Dismiss that do their job', async () => {
    const { effects, notifier, tracker, opened, commands } = setup();
    notifier.answerNext('Retry', 'Open in Azure Portal', 'Delete Leftover Resources…', 'Dismiss');
    for (let i = 0; i < 4; i++) {
      effects.notifyCanceled(canceled);
      await settle();
    }
    expect(notifier.shown[0]).toEqual({
      kind: 'info',
      message: "The deployment of 'contoso' was canceled. No connection profile was saved; resources Azure had already created stay in resource group 'rg-contoso'.",
      actions: ['View Details', 'Retry', 'Open in Azure Portal', 'Delete Leftover Resources…', 'Dismiss'],
    });
    expect(tracker.retried).toEqual(['stg-1']);
    // The deployment, never a server: a canceled one may have none.
    expect(opened).toEqual([expect.stringMatching(/\/providers\/Microsoft\.Resources\/deployments\/[^/]+\/overview$/)]);
    expect(commands.calls).toEqual([{ command: 'pgsql.flexProvisioning.deleteLeftovers', args: ['stg-1'] }]);
    expect(tracker.dismissed).toEqual(['stg-1']);
  });

  it('a deployment that finished before the cancel took is announced as ready, saying so', async () => {
    const { effects, notifier } = setup();
    effects.notifyReady(deploymentContext({ status: 'succeeded', cancellation: { requestedAt: 1 } }));
    await settle();
    expect(notifier.shown[0]?.message).toBe("Server 'contoso' is ready: its deployment finished before Azure could cancel it");
  });
});
