import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_COMMANDS } from '../../../src/commandIds';
import { deploymentCommandHandlers } from '../../../src/deployments/deploymentCommands';
import { deploymentContext, RecordingCommands, ScriptedNotifier } from '../../support/connectionFakes';
import { FakeDeploymentTracker } from '../../support/fakeDeploymentTracker';
import { RecordingOutput } from '../../support/recordingOutput';
import { createDeploymentDetails } from '../../../src/deployments/deploymentDetails';
import type { DeploymentOperationView } from '../../../machines/flexDeployment/catalog';
import { recordingPortal } from '../../support/recordingPortal';
import { FakeLeftoverResources } from '../../support/fakeLeftoverResources';
import { reconcileWorld } from '../../support/reconcileWorld';

const failed = deploymentContext({
  stagingId: 'bad',
  serverName: 'broken',
  status: 'failed',
  error: 'Quota exceeded',
  armError: {
    code: 'DeploymentFailed',
    message: 'Quota exceeded for Burstable in westeurope.',
    chain: [
      { code: 'DeploymentFailed', message: 'At least one resource deployment operation failed.' },
      { code: 'QuotaExceeded', message: 'Quota exceeded for Burstable in westeurope.', target: 'broken' },
    ],
  },
  audit: [
    { at: Date.UTC(2026, 10, 22, 10, 0, 0), event: 'arm.accepted', to: 'deploying' },
    { at: Date.UTC(2026, 10, 22, 10, 4, 0), event: 'poll.failed', to: 'failed' },
  ],
});
const running = deploymentContext({ stagingId: 'run', serverName: 'busy', status: 'deploying', serverResourceId: undefined });
/** ARM failed its first attempt with a temporary error; the second goes 45 s after the commands' clock. */
const waiting = deploymentContext({
  stagingId: 'wait',
  serverName: 'flaky',
  status: 'retryingTransient',
  serverResourceId: undefined,
  transientRetry: { failedAttempts: 1, error: { code: 'GatewayTimeout', message: 'The gateway did not receive a response in time.' }, retryAt: Date.UTC(2026, 10, 22, 11, 0, 45) },
});
const succeeded = deploymentContext({ stagingId: 'ok', serverName: 'contoso', deploymentName: 'pgflex-contoso-1' });

const serverFailed: DeploymentOperationView = {
  resourceType: 'Microsoft.DBforPostgreSQL/flexibleServers',
  resourceName: 'broken',
  provisioningState: 'Failed',
  provisioningOperation: 'Create',
  statusCode: 'Conflict',
  duration: 'PT1M2S',
  timestamp: '2026-11-22T10:03:59.000Z',
  error: { code: 'QuotaExceeded', message: 'Quota exceeded for Burstable in westeurope.' },
};

function setup(readOperations: () => Promise<DeploymentOperationView[]> = async () => [serverFailed]) {
  const tracker = new FakeDeploymentTracker([failed, running, succeeded, waiting]);
  const notifier = new ScriptedNotifier();
  const commands = new RecordingCommands();
  const details = new RecordingOutput();
  const { portal, opened } = recordingPortal();
  const views = createDeploymentDetails(details, readOperations, () => Date.UTC(2026, 10, 22, 11, 0, 0));
  const leftovers = { leftovers: new FakeLeftoverResources(), log: () => undefined };
  const { servers } = reconcileWorld(notifier);
  const handlers = deploymentCommandHandlers({ tracker, notifier, commands, details: views, portal, leftovers, servers, checkShownServers: async () => undefined });
  return { tracker, notifier, commands, details, opened, run: (name: string, arg?: unknown) => handlers[name](arg) };
}

describe('deployment commands', () => {
  it('View Details writes the whole ARM error chain and the audit trail', async () => {
    const { run, details } = setup();
    await run(DEPLOYMENT_COMMANDS.viewDetails, { stagingId: 'bad' });
    expect(details.shown).toBe(1);
    expect(details.lines).toContain('  DeploymentFailed: At least one resource deployment operation failed.');
    expect(details.lines).toContain('    QuotaExceeded: Quota exceeded for Burstable in westeurope. (target: broken)');
    expect(details.lines).toContain('  2026-11-22T10:04:00.000Z  poll.failed → failed');
  });

  it("View Details lists the operations as ARM reports them, with a failed one's error", async () => {
    const { run, details } = setup();
    await run(DEPLOYMENT_COMMANDS.viewDetails, { stagingId: 'bad' });
    const at = details.lines.indexOf('Operations, as Azure reports them:');
    expect(details.lines.slice(at + 1, at + 3)).toEqual([
      "  Create Microsoft.DBforPostgreSQL/flexibleServers 'broken': Failed (Conflict, PT1M2S, at 2026-11-22T10:03:59.000Z)",
      '    QuotaExceeded: Quota exceeded for Burstable in westeurope.',
    ]);
  });

  it('View Details of a deployment waiting to be tried again says why and when', async () => {
    const { run, details } = setup();
    await run(DEPLOYMENT_COMMANDS.viewDetails, { stagingId: 'wait' });
    const at = details.lines.indexOf('Tried again after a temporary error:');
    expect(details.lines.slice(at + 1, at + 3)).toEqual([
      '  Azure reported a temporary error (GatewayTimeout); trying again in 45 s, attempt 2 of 3.',
      '  Attempt 1: GatewayTimeout: The gateway did not receive a response in time.',
    ]);
  });

  it('View Details appends a section each time: an earlier one stays in the channel', async () => {
    const { run, details } = setup();
    await run(DEPLOYMENT_COMMANDS.viewDetails, { stagingId: 'bad' });
    await run(DEPLOYMENT_COMMANDS.viewDetails, { stagingId: 'run' });
    expect(details.lines.filter((line) => line.startsWith('──── 2026-11-22T11:00:00.000Z'))).toHaveLength(2);
    expect(details.lines.findIndex((line) => line === "Deployment of 'broken' (failed)")).toBeLessThan(details.lines.findIndex((line) => line === "Deployment of 'busy' (deploying)"));
    expect(details.shown).toBe(2);
  });

  it('View Details says why the operations could not be read, and shows the rest', async () => {
    const { run, details } = setup(async () => {
      throw new Error('Sign in to Azure to read the deployment.');
    });
    await run(DEPLOYMENT_COMMANDS.viewDetails, { stagingId: 'bad' });
    expect(details.lines).toContain('  Could not be read: Sign in to Azure to read the deployment.');
    expect(details.lines).toContain('    QuotaExceeded: Quota exceeded for Burstable in westeurope. (target: broken)');
  });

  it('Retry from the palette offers only failed deployments and retries the chosen one', async () => {
    const { run, notifier, tracker } = setup();
    notifier.answerNext('broken');
    await run(DEPLOYMENT_COMMANDS.retry);
    expect(notifier.shown[0]).toMatchObject({ kind: 'pick', actions: ['broken'] });
    expect(tracker.retried).toEqual(['bad']);
  });

  const canceled = deploymentContext({ stagingId: 'stopped', serverName: 'halted', status: 'canceled', serverResourceId: undefined });
  const retried = deploymentContext({ stagingId: 'again', serverName: 'retried', status: 'failed', retryRequestedAt: Date.UTC(2026, 10, 22, 10, 5, 0) });

  it('Retry from the palette offers a canceled deployment too, but none retried already; Open Server in Azure Portal does not', async () => {
    const { run, notifier, tracker } = setup();
    tracker.set([failed, running, succeeded, canceled, retried]);
    notifier.answerNext('halted');
    await run(DEPLOYMENT_COMMANDS.retry);
    expect(notifier.shown[0]).toMatchObject({ kind: 'pick', actions: ['broken', 'halted'] });
    expect(tracker.retried).toEqual(['stopped']);
    await run(DEPLOYMENT_COMMANDS.openServerInPortal);
    expect(notifier.shown[1]).toMatchObject({ kind: 'pick', actions: ['contoso'] });
  });

  it('Delete Leftover Resources… from the palette offers failed and canceled deployments that were not retried', async () => {
    const { run, notifier, tracker } = setup();
    tracker.set([failed, running, succeeded, canceled, retried]);
    notifier.answerNext('halted');
    await run(DEPLOYMENT_COMMANDS.deleteLeftovers);
    expect(notifier.shown[0]).toMatchObject({ kind: 'pick', actions: ['broken', 'halted'] });
    // The picked one is looked into (nothing of it is left in this fake Azure).
    expect(notifier.shown.at(-1)).toMatchObject({ kind: 'info', message: expect.stringContaining("the deployment of 'halted' created is left") });
  });

  it('Dismiss from a tree node removes the record', async () => {
    const { run, tracker } = setup();
    await run(DEPLOYMENT_COMMANDS.dismiss, { stagingId: 'bad' });
    expect(tracker.dismissed).toEqual(['bad']);
    expect(tracker.getDeployment('bad')).toBeUndefined();
  });

  it('says so when the record is gone instead of failing', async () => {
    const { run, tracker, notifier } = setup();
    await run(DEPLOYMENT_COMMANDS.retry, 'gone');
    expect(tracker.retried).toEqual([]);
    expect(notifier.shown).toEqual([{ kind: 'error', message: 'That deployment record no longer exists (it was dismissed or cleared).', actions: [] }]);
  });

  it('Clear staged Flex profiles asks first and does nothing when declined', async () => {
    const { run, tracker, notifier } = setup();
    await run(DEPLOYMENT_COMMANDS.clearStaged);
    expect(notifier.shown[0]).toMatchObject({ kind: 'confirm', actions: ['Clear'] });
    expect(tracker.cleared).toBe(0);

    notifier.answerNext('Clear');
    await run(DEPLOYMENT_COMMANDS.clearStaged);
    expect(tracker.cleared).toBe(1);
    expect(notifier.shown.at(-1)).toEqual({ kind: 'info', message: 'Cleared 4 deployment records.', actions: [] });
  });

  it('Show Progress hands the staging id to the progress panel; Show Deployments focuses the view', async () => {
    const { run, commands } = setup();
    await run(DEPLOYMENT_COMMANDS.showProgressOf, { stagingId: 'run' });
    await run(DEPLOYMENT_COMMANDS.showDeployments);
    expect(commands.calls).toEqual([
      { command: 'pgsql.flexProvisioning.showProgress', args: ['run'] },
      { command: 'pgsqlDeployments.focus', args: [] },
    ]);
  });

  it("Open Deployment in Azure Portal opens the deployment's overview blade from a tree node", async () => {
    const { run, opened } = setup();
    await run(DEPLOYMENT_COMMANDS.openInPortal, { stagingId: 'run' });
    expect(opened).toEqual(['https://portal.azure.com/#@tenant-1/resource/subscriptions/sub-1/resourceGroups/rg-data/providers/Microsoft.Resources/deployments/pgflex-contoso-1/overview']);
  });

  it('Open Server in Azure Portal from the palette offers only succeeded deployments and opens the server ARM reported', async () => {
    const { run, notifier, opened } = setup();
    notifier.answerNext('contoso');
    await run(DEPLOYMENT_COMMANDS.openServerInPortal);
    expect(notifier.shown[0]).toMatchObject({ kind: 'pick', actions: ['contoso'] });
    expect(opened).toEqual([`https://portal.azure.com/#@tenant-1/resource${succeeded.serverResourceId}`]);
  });
});

describe('Cancel Deployment', () => {
  it('asks first, saying what stays; declined, nothing is canceled; confirmed, the tracker cancels', async () => {
    const { run, tracker, notifier } = setup();
    await run(DEPLOYMENT_COMMANDS.cancel, { stagingId: 'run' });
    expect(notifier.shown[0]).toMatchObject({ kind: 'confirm', message: "Cancel the deployment of 'busy'?", actions: ['Cancel Deployment'] });
    expect(tracker.canceled).toEqual([]);
    notifier.answerNext('Cancel Deployment');
    await run(DEPLOYMENT_COMMANDS.cancel, { stagingId: 'run' });
    expect(tracker.canceled).toEqual(['run']);
  });

  it('of a deployment waiting to be tried again says it will not be sent again', async () => {
    const { run, tracker, notifier } = setup();
    notifier.answerNext('Cancel Deployment');
    await run(DEPLOYMENT_COMMANDS.cancel, { stagingId: 'wait' });
    expect(notifier.shown[0]).toMatchObject({ kind: 'confirm', message: "Cancel the deployment of 'flaky'?", detail: expect.stringMatching(/^It is not sent to Azure again\. /) });
    expect(tracker.canceled).toEqual(['wait']);
  });

  it('from the palette offers only running deployments', async () => {
    const { run, notifier, tracker } = setup();
    notifier.answerNext('busy');
    notifier.answerNext('Cancel Deployment');
    await run(DEPLOYMENT_COMMANDS.cancel);
    expect(notifier.shown[0]).toMatchObject({ kind: 'pick', actions: ['busy', 'flaky'] });
    expect(tracker.canceled).toEqual(['run']);
  });

  it('says why when there is nothing to cancel, when another window was asked, or when it failed', async () => {
    const { run, tracker, notifier } = setup();
    await run(DEPLOYMENT_COMMANDS.cancel, { stagingId: 'bad' });
    expect(notifier.shown).toEqual([{ kind: 'info', message: "The deployment of 'broken' is not running: there is nothing to cancel.", actions: [] }]);
    const confirmed = async () => {
      notifier.answerNext('Cancel Deployment');
      await run(DEPLOYMENT_COMMANDS.cancel, { stagingId: 'run' });
      return notifier.shown.at(-1);
    };
    tracker.ownedElsewhere = true;
    expect(await confirmed()).toEqual({ kind: 'info', message: "Another VS Code window is working on 'busy': it was asked to cancel the deployment.", actions: [] });
    tracker.cancelRefusal = new Error('The deployment records could not be written.');
    expect(await confirmed()).toEqual({ kind: 'error', message: "The deployment of 'busy' was not canceled: The deployment records could not be written.", actions: [] });
  });
});
