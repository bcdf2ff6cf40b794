import { describe, expect, it } from 'vitest';
import { createDeploymentEffects } from '../../../src/deployments/deploymentEffects';
import { ConnectionStore } from '../../../src/connections/connectionStore';
import { ConnectionFailure } from '../../../src/connections/connectionFailure';
import type { ConnectOutcome } from '../../../src/connections/connectFlow';
import { deploymentContext, InMemoryProfileSettings, InMemorySecrets, RecordingCommands, ScriptedNotifier } from '../../support/connectionFakes';
import { FakeDeploymentTracker } from '../../support/fakeDeploymentTracker';
import { RecordingOutput } from '../../support/recordingOutput';
import { createDeploymentDetails } from '../../../src/deployments/deploymentDetails';
import { recordingPortal } from '../../support/recordingPortal';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(outcome: ConnectOutcome = { connected: true }) {
  const secrets = new InMemorySecrets();
  const store = new ConnectionStore(new InMemoryProfileSettings(), secrets);
  const notifier = new ScriptedNotifier();
  const commands = new RecordingCommands();
  const details = new RecordingOutput();
  const tracker = new FakeDeploymentTracker();
  const connects: string[] = [];
  const errors: string[] = [];
  const { portal, opened } = recordingPortal();
  const effects = createDeploymentEffects({
    store,
    secrets,
    connect: async (id) => {
      connects.push(id);
      return outcome;
    },
    commands,
    notifier,
    details: createDeploymentDetails(details, async () => [], () => 0),
    portal,
    tracker,
    log: (message) => void errors.push(message),
  });
  return { effects, store, notifier, commands, details, tracker, connects, errors, opened };
}

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
    expect(commands.calls).toEqual([{ command: 'pgsql.showServerDashboard', args: [{ profileId: 'flex-stg-1' }] }]);
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
    expect(commands.calls.map((c) => c.command)).toEqual(['pgsql.showServerDashboard']);
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

  it("shows the spec's message with View Details, Retry and Dismiss", async () => {
    const { effects, notifier } = setup();
    effects.notifyFailed(failed);
    await settle();
    expect(notifier.shown).toEqual([
      {
        kind: 'error',
        message: "Azure PostgreSQL Flexible Server provisioning failed for 'contoso': Quota exceeded for Burstable in westeurope.",
        actions: ['View Details', 'Retry', 'Open in Azure Portal', 'Dismiss'],
      },
    ]);
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

  it('says canceled, not failed: an information with what stays, View Details, Retry, the portal and Dismiss that do their job', async () => {
    const { effects, notifier, tracker, opened } = setup();
    notifier.answerNext('Retry', 'Open in Azure Portal', 'Dismiss');
    for (let i = 0; i < 3; i++) {
      effects.notifyCanceled(canceled);
      await settle();
    }
    expect(notifier.shown[0]).toEqual({
      kind: 'info',
      message: "The deployment of 'contoso' was canceled. No connection profile was saved; resources Azure had already created stay in resource group 'rg-contoso'.",
      actions: ['View Details', 'Retry', 'Open in Azure Portal', 'Dismiss'],
    });
    expect(tracker.retried).toEqual(['stg-1']);
    // The deployment, never a server: a canceled one may have none.
    expect(opened).toEqual([expect.stringMatching(/\/providers\/Microsoft\.Resources\/deployments\/[^/]+\/overview$/)]);
    expect(tracker.dismissed).toEqual(['stg-1']);
  });

  it('a deployment that finished before the cancel took is announced as ready, saying so', async () => {
    const { effects, notifier } = setup();
    effects.notifyReady(deploymentContext({ status: 'succeeded', cancellation: { requestedAt: 1 } }));
    await settle();
    expect(notifier.shown[0]?.message).toBe("Server 'contoso' is ready: its deployment finished before Azure could cancel it");
  });
});
