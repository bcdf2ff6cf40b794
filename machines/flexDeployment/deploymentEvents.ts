import * as l10n from '../l10n';
import type { ArmErrorSummary } from './stagedFlexProfile';

/**
 * Every event carries `at`, the time from the tracker's injected clock: the machine never reads a
 * clock itself, so the same events give the same states in tests, after a restart and in the
 * webview. Events are named by who sends them: ARM (via the provisioner), the poll stream, the
 * effects the machine asked for, the user, and the session (rehydration). There is no clock event:
 * time alone never ends a deployment, only ARM's answer does (see deploymentClock.ts).
 */
export type DeploymentEvent =
  | { type: 'arm.accepted'; at: number }
  | { type: 'arm.rejected'; at: number; error: ArmErrorSummary }
  /** The PUT was sent but its answer lost: ARM may be building the server. */
  | { type: 'arm.outcomeUnknown'; at: number; reason: string }
  /** `armDurationMs`: how long ARM says the deployment has run, when it says. */
  | { type: 'poll.running'; at: number; provisioningState: string; armDurationMs?: number }
  | { type: 'poll.succeeded'; at: number; serverResourceId: string }
  | { type: 'poll.failed'; at: number; error: ArmErrorSummary }
  /** ARM says Canceled: by this extension's request, or by anyone else's (the portal, the CLI). */
  | { type: 'poll.canceled'; at: number }
  | { type: 'poll.notFound'; at: number }
  /** ARM could not be read this time (signed out, unreachable, throttled): nothing is learnt. */
  | { type: 'poll.unavailable'; at: number; reason: string }
  | { type: 'profile.saved'; at: number; profileId: string }
  /** The saved profile is not in the saved connections any more (found on activation). */
  | { type: 'profile.missing'; at: number }
  /** The user removed the saved profile: it is not to be brought back. */
  | { type: 'profile.removed'; at: number }
  | { type: 'profile.saveFailed'; at: number; message: string }
  | { type: 'dashboard.opened'; at: number }
  | { type: 'dashboard.failed'; at: number; message: string }
  | { type: 'user.retry'; at: number }
  | { type: 'user.cancel'; at: number }
  /** ARM took the cancel (204): the deployment stops, and a read will say Canceled. */
  | { type: 'arm.cancelAccepted'; at: number }
  /** ARM refused the cancel (409: it is not running any more): a read will say how it ended. */
  | { type: 'arm.cancelRefused'; at: number; error: ArmErrorSummary }
  /** The cancel got no answer (signed out, unreachable, throttled): it is sent again. */
  | { type: 'arm.cancelUnanswered'; at: number; reason: string }
  | { type: 'user.dismiss'; at: number }
  | { type: 'session.resumed'; at: number };

export type DeploymentEventType = DeploymentEvent['type'];

export const TIMED_OUT_ERROR: ArmErrorSummary = {
  code: 'DeploymentTimedOut',
  message: l10n.t(
    'The deployment did not finish within 2 hours: Azure still reports it as running. It may still complete in Azure: check the resource group in the Azure portal.',
  ),
};

export const VANISHED_ERROR: ArmErrorSummary = {
  code: 'DeploymentNotFound',
  message: l10n.t('The deployment no longer exists in Azure.'),
};

/** The extension's own code (not ARM's) for a deployment ARM never received. */
export const NOT_STARTED_CODE = 'DeploymentNotStarted';

export const NEVER_STARTED_ERROR: ArmErrorSummary = {
  code: NOT_STARTED_CODE,
  message: l10n.t('The deployment never reached Azure: VS Code closed before Azure accepted it. Retry to start it again.'),
};

/** The PUT got no answer and, after the grace period, Azure has no such deployment. */
export function neverReachedError(reason: string): ArmErrorSummary {
  return {
    code: NOT_STARTED_CODE,
    message: l10n.t(
      'The deployment never reached Azure: Azure Resource Manager gave no answer to the request ({0}) and has no such deployment. Retry to start it again.',
      reason,
    ),
  };
}
