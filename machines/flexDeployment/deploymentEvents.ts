import type { ArmErrorSummary } from './stagedFlexProfile';

/**
 * Every event carries `at`, the time from the tracker's injected clock: the machine never reads a
 * clock itself, so deadlines are absolute and the same in tests, after a restart and in the webview.
 * Events are named by who sends them: ARM (via the provisioner), the poll stream, the clock, the
 * effects the machine asked for, the user, and the session (rehydration).
 */
export type DeploymentEvent =
  | { type: 'arm.accepted'; at: number }
  | { type: 'arm.rejected'; at: number; error: ArmErrorSummary }
  | { type: 'poll.running'; at: number; provisioningState: string }
  | { type: 'poll.succeeded'; at: number; serverResourceId: string }
  | { type: 'poll.failed'; at: number; error: ArmErrorSummary }
  | { type: 'poll.notFound'; at: number }
  | { type: 'clock.tick'; at: number }
  | { type: 'profile.saved'; at: number; profileId: string }
  | { type: 'profile.saveFailed'; at: number; message: string }
  | { type: 'dashboard.opened'; at: number }
  | { type: 'dashboard.failed'; at: number; message: string }
  | { type: 'user.retry'; at: number }
  | { type: 'user.dismiss'; at: number }
  | { type: 'session.resumed'; at: number };

export type DeploymentEventType = DeploymentEvent['type'];

export const TIMED_OUT_ERROR: ArmErrorSummary = {
  code: 'DeploymentTimedOut',
  message:
    'The deployment did not finish within 2 hours. It may still complete in Azure: check the resource group in the Azure portal.',
};

export const VANISHED_ERROR: ArmErrorSummary = {
  code: 'DeploymentNotFound',
  message: 'The deployment no longer exists in Azure.',
};

export const NEVER_STARTED_ERROR: ArmErrorSummary = {
  code: 'DeploymentNotStarted',
  message: 'The deployment never reached Azure: VS Code closed before Azure accepted it. Retry to start it again.',
};
