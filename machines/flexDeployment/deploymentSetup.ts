import { assign, setup } from 'xstate';
import { readsDecide, runsPastDeadline, startGraceOver, timingAfter } from './deploymentClock';
import { neverReachedError, type DeploymentEvent } from './deploymentEvents';
import { retriesFailure, retriesUnansweredStart, retryDelayMs } from './transientRetry';
import {
  AUDIT_LIMIT,
  FAILURE_NOTIFICATION_WINDOW_MS,
  type ArmErrorSummary,
  type DeploymentContext,
  type DeploymentStatus,
} from './stagedFlexProfile';

/**
 * What the states mean to the code around the machine, which asks `hasTag` (or, for a stored
 * record, deploymentStates.ts) and never names a state:
 * - `running`: Azure may still be building the server. ARM is read, the views show it in progress,
 *   and closing its panel warns.
 * - `building`: ARM accepted the deployment and is building the server (a cancel on its way
 *   included: ARM builds until it stops): its operations can be listed.
 * - `unfinished`: work is still owed (reading ARM, asking ARM to cancel, saving the profile).
 *   Activation resumes it, its actor is kept, and its record stays in the active journal.
 * - `cancelable`: ARM is building it, or will be sent it again, and no cancel is on its way: Cancel
 *   Deployment is offered.
 * - `retryScheduled`: ARM failed the attempt with a temporary error; the next one is sent at the
 *   first read of ARM from `transientRetry.retryAt` on, so ARM is read meanwhile.
 * - `cancelling`: the user asked to cancel and ARM's word on how it ended is awaited; the views say so.
 * - `serverReady`: Azure built the server.
 * - `profileSaved`: the connection profile was saved; it may go missing and be saved again.
 * - `failure`: it ended in a failure, shown as one, and the notification is repeated for a day.
 * - `canceled`: it ended canceled, as the user asked: told apart from a failure, not repeated.
 * - `retryable`: it ended without a server (failed or canceled): Retry is offered.
 */
export type DeploymentTag =
  | 'running'
  | 'building'
  | 'unfinished'
  | 'cancelable'
  | 'retryScheduled'
  | 'cancelling'
  | 'serverReady'
  | 'profileSaved'
  | 'failure'
  | 'canceled'
  | 'retryable';

/**
 * What the deployment machine's states name: how each action changes the context, the effects the
 * host implements, and what each guard reads. The states themselves are in deploymentMachine.ts.
 */
export const deploymentSetup = setup({
  types: {
    context: {} as DeploymentContext,
    events: {} as DeploymentEvent,
    input: {} as DeploymentContext,
    tags: {} as DeploymentTag,
  },
  actions: {
    // Effects: placeholders here, implemented by the host with `deploymentMachine.provide`.
    saveProfile: () => {},
    openDashboard: () => {},
    notifyReady: () => {},
    notifyFailed: () => {},
    notifyCanceled: () => {},
    requestCancel: () => {},
    discardStagedSecret: (_, _params: { passwordSecretId: string | undefined }) => {},
    openRetryForm: () => {},
    resubmitDeployment: () => {},

    enterStatus: assign(({ context, event }, params: { status: DeploymentStatus; state: string }) => ({
      status: params.status,
      audit: [...context.audit, { at: event.at, event: event.type, to: params.state }].slice(-AUDIT_LIMIT),
    })),
    markTerminal: assign(({ event }) => ({ terminalAt: event.at })),
    // An answer from ARM: checked now, and what it says about the start (its running time).
    recordCheck: assign(({ context, event }) => ({
      lastCheckedAt: event.at,
      unchecked: undefined,
      ...timingAfter(context, event.at, event.type === 'poll.running' ? event.armDurationMs : undefined),
    })),
    recordUnchecked: assign(({ context, event }) =>
      event.type === 'poll.unavailable'
        ? { unchecked: { since: context.unchecked?.since ?? event.at, reason: event.reason }, ...timingAfter(context, event.at) }
        : {},
    ),
    recordStartOutcomeUnknown: assign(({ event }) =>
      event.type === 'arm.outcomeUnknown' ? { startOutcomeUnknown: { at: event.at, reason: event.reason } } : {},
    ),
    recordProvisioningState: assign(({ event }) =>
      event.type === 'poll.running' ? { provisioningState: event.provisioningState } : {},
    ),
    recordServer: assign(({ context, event }) =>
      event.type === 'poll.succeeded'
        ? {
            serverResourceId: event.serverResourceId,
            provisioningState: 'Succeeded',
            connectionProfile: { ...context.connectionProfile, azureResourceId: event.serverResourceId },
          }
        : {},
    ),
    recordArmFailure: assign(({ event }) =>
      event.type === 'poll.failed' || event.type === 'arm.rejected' ? { armError: event.error, error: event.error.message } : {},
    ),
    // ARM failed the attempt, refused its PUT, or never answered the PUT nor shows it (notFound).
    recordTransientFailure: assign(({ context, event }) => {
      const error =
        event.type === 'poll.failed' || event.type === 'arm.rejected'
          ? event.error
          : event.type === 'poll.notFound' && context.startOutcomeUnknown
            ? neverReachedError(context.startOutcomeUnknown.reason)
            : undefined;
      if (!error) return {};
      const failedAttempts = (context.transientRetry?.failedAttempts ?? 0) + 1;
      return { transientRetry: { failedAttempts, error, retryAt: event.at + retryDelayMs(context.stagingId, failedAttempts) } };
    }),
    // Sent again: a fresh start, whose PUT this session awaits and whose running time starts now.
    recordResubmission: assign(({ context, event }) => ({
      transientRetry: context.transientRetry && { ...context.transientRetry, resubmittedAt: event.at, answerAwaited: true },
      startOutcomeUnknown: undefined,
      armStartedAt: undefined,
      provisioningState: undefined,
    })),
    // ARM runs the next attempt, which a session that closed before recording it had sent.
    recordAttemptSent: assign(({ context, event }) => ({ transientRetry: context.transientRetry && { ...context.transientRetry, resubmittedAt: event.at } })),
    recordStartAnswered: assign(({ context }) =>
      context.transientRetry?.answerAwaited ? { transientRetry: { ...context.transientRetry, answerAwaited: undefined } } : {},
    ),
    recordCancelRequested: assign(({ event }) => ({ cancellation: { requestedAt: event.at } })),
    recordCancelAnswer: assign(({ context, event }) => {
      const requestedAt = context.cancellation?.requestedAt ?? event.at;
      if (event.type === 'arm.cancelAccepted') return { cancellation: { requestedAt, acceptedAt: event.at } };
      if (event.type === 'arm.cancelRefused') return { cancellation: { requestedAt, refused: event.error } };
      if (event.type === 'arm.cancelUnanswered') return { cancellation: { requestedAt, unanswered: { at: event.at, reason: event.reason } } };
      return {};
    }),
    recordError: assign((_, params: { error: ArmErrorSummary }) => ({
      armError: params.error,
      error: params.error.message,
    })),
    forgetStagedSecret: assign({ passwordSecretId: undefined }),
    recordProfileSaved: assign(({ event }) =>
      event.type === 'profile.saved'
        ? { profileCreated: true, profileId: event.profileId, effectError: undefined, passwordSecretId: undefined }
        : {},
    ),
    recordDashboardOpened: assign({ dashboardOpened: true, effectError: undefined }),
    recordEffectError: assign(({ event }) =>
      event.type === 'profile.saveFailed' || event.type === 'dashboard.failed' ? { effectError: event.message } : {},
    ),
    recordRetry: assign(({ event }) => ({ retryRequestedAt: event.at })),
    recordProfileRestore: assign(({ event }) => ({ profileRestoredAt: event.at, profileCreated: false })),
    recordProfileRemoved: assign(({ event }) => ({ profileRemovedAt: event.at })),
    // Nothing this session waited for is awaited any more: the answer to a PUT it sent is lost with it.
    leaveActiveSession: assign(({ context }) => ({
      inActiveSession: false,
      transientRetry: context.transientRetry && { ...context.transientRetry, answerAwaited: undefined },
    })),
  },
  guards: {
    runsPastDeadline: ({ context, event }) =>
      event.type === 'poll.running' && runsPastDeadline(context, event.at, event.armDurationMs),
    startGraceOver: ({ context, event }) => startGraceOver(context, event.at),
    // Sent and not answered (a restart, or no answer last time): send it again. Acceptance is the
    // one answer that stays in cancelling: a refusal goes back to deploying.
    cancelNotAnswered: ({ context }) => context.cancellation?.acceptedAt === undefined,
    cancelWentUnanswered: ({ context }) => context.cancellation?.unanswered !== undefined,
    readsDecide: ({ context }) => readsDecide(context),
    retriesTransientFailure: ({ context, event }) => (event.type === 'poll.failed' || event.type === 'arm.rejected') && retriesFailure(context, event.error),
    retriesUnansweredStart: ({ context }) => retriesUnansweredStart(context),
    retryDue: ({ context, event }) => context.transientRetry !== undefined && event.at >= context.transientRetry.retryAt,
    dashboardWasOpened: ({ context }) => context.dashboardOpened === true,
    // Once, and never against the user's own removal.
    mayRestoreProfile: ({ context }) =>
      context.profileCreated === true && context.profileRestoredAt === undefined && context.profileRemovedAt === undefined,
    failedRecentlyAndUnanswered: ({ context, event }) =>
      context.retryRequestedAt === undefined &&
      event.at - (context.terminalAt ?? context.createdAt) < FAILURE_NOTIFICATION_WINDOW_MS,
  },
});
