import { beforeEach, describe, expect, it } from 'vitest';
import type { ArmErrorSummary, DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import { deploymentContext, FakeLog, FakePanel, FakeServerActions, FakeTracker, FakeWindow, openProgressPanel, PASSWORD, settle } from './fakes';

let tracker: FakeTracker;
let log: FakeLog;
let panel: FakePanel;
let window: FakeWindow;
let serverActions: FakeServerActions;

beforeEach(() => {
  tracker = new FakeTracker();
  log = new FakeLog();
  panel = new FakePanel();
  window = new FakeWindow();
  serverActions = new FakeServerActions();
});

const CONNECTION_STRING = 'host=pg-dev-1.postgres.database.azure.com port=5432 dbname=postgres user=ada sslmode=require';

function succeeded(state: 'creatingProfile' | 'profileCreated' | 'dashboardOpened', overrides: Partial<DeploymentContext> = {}): DeploymentView {
  return {
    value: { succeeded: state },
    context: deploymentContext({
      status: 'succeeded',
      connectionProfile: { server: 'pg-dev-1.postgres.database.azure.com', database: '', user: 'ada', authenticationType: 'SqlLogin' },
      ...overrides,
    }),
  };
}

const open = (view: DeploymentView) => openProgressPanel({ tracker, log, panel, window, serverActions }, view);

/** A string, not a NextStep: the webview may send anything. */
async function take(step: string, stagingId = 'staging-1'): Promise<void> {
  panel.send({ type: 'progress.nextStep', stagingId, step });
  await settle();
}

const rejections = () => log.lines.filter((l) => l.startsWith('warn Rejected'));

describe("the ready panel's next steps on the host", () => {
  it('connects, opens the dashboard and the portal through the deployment actions, for its own deployment', async () => {
    await open(succeeded('profileCreated'));
    await take('connect');
    await take('openDashboard');
    await take('openInPortal');
    expect(serverActions.taken).toEqual(['connect:staging-1', 'openDashboard:staging-1', 'openServerInPortal:staging-1']);
    expect(rejections()).toEqual([]);
  });

  it('copies the connection string without a password, and tells the panel what it copied', async () => {
    await open(succeeded('dashboardOpened'));
    await take('copyConnectionString');
    expect(window.clipboard).toEqual([CONNECTION_STRING]);
    expect(panel.ofType('progress.connectionStringCopied')).toEqual([
      { type: 'progress.connectionStringCopied', stagingId: 'staging-1', connectionString: CONNECTION_STRING },
    ]);
    expect(JSON.stringify([window.clipboard, panel.posted, log.lines])).not.toContain(PASSWORD);
  });

  it("rejects and logs a step for another panel's deployment", async () => {
    tracker.put(succeeded('profileCreated', { stagingId: 'staging-2' }));
    await open(succeeded('profileCreated'));
    await take('connect', 'staging-2');
    await take('copyConnectionString', 'staging-2');
    expect(serverActions.taken).toEqual([]);
    expect(window.clipboard).toEqual([]);
    expect(rejections()).toHaveLength(2);
  });

  it('rejects and logs every step while the server is not ready', async () => {
    await open({ value: 'deploying', context: deploymentContext() });
    for (const step of ['connect', 'openDashboard', 'copyConnectionString', 'openInPortal']) await take(step);
    expect(serverActions.taken).toEqual([]);
    expect(window.clipboard).toEqual([]);
    expect(rejections()).toHaveLength(4);
  });

  it('copies and opens the portal while the profile is being saved, but connects only once it is saved', async () => {
    await open(succeeded('creatingProfile'));
    await take('connect');
    await take('openDashboard');
    await take('copyConnectionString');
    await take('openInPortal');
    expect(serverActions.taken).toEqual(['openServerInPortal:staging-1']);
    expect(window.clipboard).toEqual([CONNECTION_STRING]);
    expect(rejections()).toHaveLength(2);
  });

  it('does not connect with a profile the user removed', async () => {
    await open(succeeded('profileCreated', { profileRemovedAt: 5_000 }));
    await take('connect');
    await take('openDashboard');
    expect(serverActions.taken).toEqual([]);
    expect(rejections()).toHaveLength(2);
  });

  it('acts on the deployment as it is now, not as the panel last showed it', async () => {
    await open(succeeded('profileCreated'));
    tracker.views.next([]);
    await take('connect');
    expect(serverActions.taken).toEqual([]);
    expect(rejections()).toHaveLength(1);
  });

  it('rejects a step it does not know without acting', async () => {
    await open(succeeded('profileCreated'));
    await take('dropServer');
    expect(serverActions.taken).toEqual([]);
    expect(log.lines.filter((l) => l.startsWith('warn Rejected a malformed webview message'))).toHaveLength(1);
  });

  it('tells the user when a step fails, and logs it', async () => {
    serverActions.failure = new Error("The connection profile of 'pg-dev-1' is not saved (it may have been removed).");
    await open(succeeded('profileCreated'));
    await take('openDashboard');
    expect(window.warnings).toEqual(["Could not finish that for 'pg-dev-1': The connection profile of 'pg-dev-1' is not saved (it may have been removed)."]);
    expect(log.lines.filter((l) => l.startsWith("error 'openDashboard' for staging-1 failed"))).toHaveLength(1);
  });
});

const NOT_REGISTERED: ArmErrorSummary = { code: 'MissingSubscriptionRegistration', message: "The subscription is not registered to use namespace 'Microsoft.DBforPostgreSQL'." };
const failed = (armError: ArmErrorSummary = NOT_REGISTERED): DeploymentView => ({ value: 'failed', context: deploymentContext({ status: 'failed', armError }) });

/** An action of a failed or canceled deployment's panel, as the webview sends it. */
async function press(action: 'registerProvider' | 'deleteLeftovers', stagingId = 'staging-1'): Promise<void> {
  panel.send({ type: `progress.${action}`, stagingId });
  await settle();
}

const rejectionsOf = (label: string) => log.lines.filter((l) => l.startsWith(`warn Rejected ${label} for`));

describe("Register Provider in a failed deployment's progress panel", () => {
  it('hands over to the deployment action the failure notification uses (register, then offer Retry)', async () => {
    await open(failed());
    await press('registerProvider');
    expect(serverActions.taken).toEqual(['registerProvider:staging-1']);
    expect(rejectionsOf('Register Provider')).toEqual([]);
  });

  it('is refused for a failure registering cannot fix, for another deployment, and while it is not failed', async () => {
    await open(failed({ code: 'QuotaExceeded', message: 'Quota.' }));
    await press('registerProvider');
    await press('registerProvider', 'staging-2');
    tracker.put({ value: 'deploying', context: deploymentContext({ stagingId: 'staging-1' }) });
    await press('registerProvider');
    expect(serverActions.taken).toEqual([]);
    expect(rejectionsOf('Register Provider')).toHaveLength(3);
  });
});

describe('Delete Leftover Resources… in the progress panel of a failed or canceled deployment', () => {
  it('hands over to the deployment action the failure notification and the Deployments view use, for a failed and a canceled one', async () => {
    await open(failed({ code: 'InternalServerError', message: 'An unexpected error occured.' }));
    await press('deleteLeftovers');
    tracker.put({ value: 'canceled', context: deploymentContext({ stagingId: 'staging-1', status: 'canceled' }) });
    await press('deleteLeftovers');
    expect(serverActions.taken).toEqual(['deleteLeftovers:staging-1', 'deleteLeftovers:staging-1']);
    expect(rejectionsOf('Delete Leftover Resources')).toEqual([]);
  });

  it('is refused for another deployment, while it runs, once it is ready, and once it was retried', async () => {
    await open(failed());
    await press('deleteLeftovers', 'staging-2');
    tracker.put({ value: 'deploying', context: deploymentContext({ stagingId: 'staging-1' }) });
    await press('deleteLeftovers');
    tracker.put(succeeded('profileCreated'));
    await press('deleteLeftovers');
    tracker.put({ value: 'failed', context: deploymentContext({ stagingId: 'staging-1', status: 'failed', retryRequestedAt: 1 }) });
    await press('deleteLeftovers');
    expect(serverActions.taken).toEqual([]);
    expect(rejectionsOf('Delete Leftover Resources')).toHaveLength(4);
  });
});

describe("a failed deployment's panel action that could not finish", () => {
  it.each([
    ['registerProvider', 'Register Provider'],
    ['deleteLeftovers', 'Delete Leftover Resources'],
  ] as const)('%s: is shown and logged, and the panel goes on', async (action, label) => {
    await open(failed());
    serverActions.failure = new Error('Another VS Code window is working on this deployment.');
    await press(action);
    expect(window.warnings).toEqual(["Could not finish that for 'pg-dev-1': Another VS Code window is working on this deployment."]);
    expect(log.lines.filter((l) => l.startsWith(`error ${label} for staging-1 failed`))).toHaveLength(1);
    serverActions.failure = undefined;
    await press(action);
    expect(serverActions.taken).toEqual([`${action}:staging-1`]);
  });
});
