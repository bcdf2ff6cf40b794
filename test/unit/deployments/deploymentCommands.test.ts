import { describe, expect, it } from 'vitest';
import { deploymentCommandHandlers, DEPLOYMENT_COMMANDS } from '../../../src/deployments/deploymentCommands';
import { deploymentContext, RecordingCommands, ScriptedNotifier } from '../../support/connectionFakes';
import { FakeDeploymentTracker } from '../../support/fakeDeploymentTracker';
import { RecordingOutput } from '../../support/recordingOutput';

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
const running = deploymentContext({ stagingId: 'run', serverName: 'busy', status: 'deploying' });

function setup() {
  const tracker = new FakeDeploymentTracker([failed, running]);
  const notifier = new ScriptedNotifier();
  const commands = new RecordingCommands();
  const details = new RecordingOutput();
  const handlers = deploymentCommandHandlers({ tracker, notifier, commands, details });
  return { tracker, notifier, commands, details, run: (name: string, arg?: unknown) => handlers[name](arg) };
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

  it('Retry from the palette offers only failed deployments and retries the chosen one', async () => {
    const { run, notifier, tracker } = setup();
    notifier.answerNext('broken');
    await run(DEPLOYMENT_COMMANDS.retry);
    expect(notifier.shown[0]).toMatchObject({ kind: 'pick', actions: ['broken'] });
    expect(tracker.retried).toEqual(['bad']);
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
    expect(notifier.shown.at(-1)).toEqual({ kind: 'info', message: 'Cleared 2 deployment records.', actions: [] });
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

  it('from the palette offers only running deployments', async () => {
    const { run, notifier, tracker } = setup();
    notifier.answerNext('busy');
    notifier.answerNext('Cancel Deployment');
    await run(DEPLOYMENT_COMMANDS.cancel);
    expect(notifier.shown[0]).toMatchObject({ kind: 'pick', actions: ['busy'] });
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
