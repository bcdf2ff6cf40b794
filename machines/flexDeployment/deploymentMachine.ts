import { and, assign, enqueueActions, setup } from 'xstate';
import { readsDecide, runsPastDeadline, startGraceOver, timingAfter } from './deploymentClock';
import {
  NEVER_STARTED_ERROR,
  TIMED_OUT_ERROR,
  VANISHED_ERROR,
  neverReachedError,
  type DeploymentEvent,
} from './deploymentEvents';
import {
  AUDIT_LIMIT,
  FAILURE_NOTIFICATION_WINDOW_MS,
  type ArmErrorSummary,
  type DeploymentContext,
  type DeploymentStatus,
} from './stagedFlexProfile';

/** How ARM's answer ends a running deployment, whether or not a cancel was asked for. */
const ARM_ENDS_RUNNING = {
  'poll.succeeded': { target: 'succeeded', actions: ['recordCheck', 'recordServer'] },
  'poll.failed': { target: 'failed', actions: ['recordCheck', 'recordArmFailure'] },
  'poll.canceled': { target: 'canceled', actions: 'recordCheck' },
  'poll.notFound': { target: 'failed', actions: ['recordCheck', { type: 'recordError', params: { error: VANISHED_ERROR } }] },
  'poll.unavailable': { actions: 'recordUnchecked' },
} as const;

/** ARM still says running past the 2-hour deadline: the one way time ends a deployment. */
const PAST_DEADLINE = {
  guard: 'runsPastDeadline',
  target: 'failed',
  actions: ['recordCheck', { type: 'recordError', params: { error: TIMED_OUT_ERROR } }],
} as const;

/** Entering a state that ends without a server: no profile will need the staged password. */
function endedWithoutServer<S extends 'failed' | 'canceled', N extends 'notifyFailed' | 'notifyCanceled'>(state: S, notify: N) {
  return [
    { type: 'enterStatus', params: { status: state, state } },
    'markTerminal',
    // Resolved here, before forgetStagedSecret clears it from the context.
    { type: 'discardStagedSecret', params: ({ context }: { context: DeploymentContext }) => ({ passwordSecretId: context.passwordSecretId }) },
    'forgetStagedSecret',
    notify,
  ] as const;
}

/** What the user can do with a deployment that ended without a server to use (failed, canceled). */
const RETRY_OR_DISMISS = {
  'user.retry': { actions: ['recordRetry', 'openRetryForm'] },
  'user.dismiss': 'dismissed',
} as const;

/**
 * What the states mean to the code around the machine, which asks `hasTag` (or, for a stored
 * record, deploymentStates.ts) and never names a state:
 * - `running`: Azure may still be building the server. ARM is read, the views show it in progress,
 *   and closing its panel warns.
 * - `building`: ARM accepted the deployment and is building the server (a cancel on its way
 *   included: ARM builds until it stops): its operations can be listed.
 * - `unfinished`: work is still owed (reading ARM, asking ARM to cancel, saving the profile).
 *   Activation resumes it, its actor is kept, and its record stays in the active journal.
 * - `cancelable`: ARM is building it and no cancel is on its way: Cancel Deployment is offered.
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
  | 'cancelling'
  | 'serverReady'
  | 'profileSaved'
  | 'failure'
  | 'canceled'
  | 'retryable';

/**
 * One staged deployment, from Create to the dashboard:
 *
 *   pending ──arm.accepted──▶ deploying ──poll.succeeded──▶ succeeded ─▶ creatingProfile ─▶ profileCreated ─▶ dashboardOpened
 *      │                       │   ▲ │
 *      │          user.cancel  ▼   │ └──poll.canceled──────────────────────────▶ canceled
 *      │                    cancelling ──(ARM's answer to any read, as from deploying)──▶ succeeded | failed | canceled
 *      │                       └──arm.cancelRefused──▶ deploying
 *      └──arm.rejected──────────▶──poll.failed / notFound / running past 2 h──▶ failed ──user.retry──▶ (form reopens)
 *
 * Cancelling asks ARM to cancel and still waits for ARM's word: a deployment that finished while
 * the cancel was on its way ends as ARM says (succeeded, with its profile), not as asked.
 *
 * Only ARM's word ends a deployment: a read that cannot happen (signed out, unreachable,
 * throttled) is recorded as `unchecked` and changes nothing else, however late it is; the 2-hour
 * deadline fails a deployment only when ARM says it is still running past it. A PUT whose answer
 * was lost leaves the deployment pending until reads find it, or not, after a grace period.
 *
 * The machine has no `invoke` and no `after`: XState does not persist timers and restarts invoked
 * promises on restore, and model-based tests refuse both. The tracker drives it with events (poll
 * results, effect completions), and the effects it asks for are named actions whose
 * implementations the host provides. Entry actions are not re-run on restore, so `session.resumed`
 * re-enters the one state that still owes work (creating the profile), and sends again a cancel
 * ARM has not answered.
 */
export const deploymentMachine = setup({
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
    leaveActiveSession: assign({ inActiveSession: false }),
  },
  guards: {
    runsPastDeadline: ({ context, event }) =>
      event.type === 'poll.running' && runsPastDeadline(context, event.at, event.armDurationMs),
    startGraceOver: ({ context, event }) => startGraceOver(context, event.at),
    // Sent and not answered (a restart, or no answer last time): send it again.
    cancelNotAnswered: ({ context }) => context.cancellation?.acceptedAt === undefined && context.cancellation?.refused === undefined,
    cancelWentUnanswered: ({ context }) => context.cancellation?.unanswered !== undefined,
    readsDecide: ({ context }) => readsDecide(context),
    dashboardWasOpened: ({ context }) => context.dashboardOpened === true,
    // Once, and never against the user's own removal.
    mayRestoreProfile: ({ context }) =>
      context.profileCreated === true && context.profileRestoredAt === undefined && context.profileRemovedAt === undefined,
    failedRecentlyAndUnanswered: ({ context, event }) =>
      context.retryRequestedAt === undefined &&
      event.at - (context.terminalAt ?? context.createdAt) < FAILURE_NOTIFICATION_WINDOW_MS,
  },
}).createMachine({
  id: 'flexDeployment',
  context: ({ input }) => input,
  initial: 'pending',
  on: {
    'session.resumed': { actions: 'leaveActiveSession' },
  },
  states: {
    pending: {
      tags: ['running', 'unfinished'],
      on: {
        'arm.accepted': 'deploying',
        'arm.rejected': { target: 'failed', actions: 'recordArmFailure' },
        'arm.outcomeUnknown': { actions: 'recordStartOutcomeUnknown' },
        // A pending record may or may not have reached ARM: the poll tells which.
        'poll.running': {
          guard: 'readsDecide',
          target: 'deploying',
          actions: ['recordCheck', 'recordProvisioningState'],
        },
        'poll.succeeded': { guard: 'readsDecide', target: 'succeeded', actions: ['recordCheck', 'recordServer'] },
        'poll.failed': { guard: 'readsDecide', target: 'failed', actions: ['recordCheck', 'recordArmFailure'] },
        'poll.canceled': { guard: 'readsDecide', target: 'canceled', actions: 'recordCheck' },
        'poll.notFound': [
          {
            guard: and(['readsDecide', 'startGraceOver']),
            target: 'failed',
            actions: [
              'recordCheck',
              {
                type: 'recordError',
                params: ({ context }) => ({
                  error: context.startOutcomeUnknown ? neverReachedError(context.startOutcomeUnknown.reason) : NEVER_STARTED_ERROR,
                }),
              },
            ],
          },
          // Not there yet: a request that did reach ARM may take a moment to show.
          { guard: 'readsDecide', actions: 'recordCheck' },
        ],
        'poll.unavailable': { actions: 'recordUnchecked' },
      },
    },
    deploying: {
      tags: ['running', 'building', 'unfinished', 'cancelable'],
      entry: [{ type: 'enterStatus', params: { status: 'deploying', state: 'deploying' } }],
      on: {
        ...ARM_ENDS_RUNNING,
        'poll.running': [PAST_DEADLINE, { actions: ['recordCheck', 'recordProvisioningState'] }],
        'user.cancel': 'cancelling',
      },
    },
    cancelling: {
      tags: ['running', 'building', 'unfinished', 'cancelling'],
      entry: [{ type: 'enterStatus', params: { status: 'cancelling', state: 'cancelling' } }, 'recordCancelRequested', 'requestCancel'],
      on: {
        ...ARM_ENDS_RUNNING,
        'poll.running': [
          PAST_DEADLINE,
          // Still running and the last cancel got no answer: each read is the moment to send it again.
          { guard: 'cancelWentUnanswered', actions: ['recordCheck', 'recordProvisioningState', 'requestCancel'] },
          { actions: ['recordCheck', 'recordProvisioningState'] },
        ],
        'arm.cancelAccepted': { actions: 'recordCancelAnswer' },
        'arm.cancelUnanswered': { actions: 'recordCancelAnswer' },
        // ARM cancels only a running deployment: it has ended (the next read says how), or it runs on.
        'arm.cancelRefused': { target: 'deploying', actions: 'recordCancelAnswer' },
        'session.resumed': { guard: 'cancelNotAnswered', actions: ['leaveActiveSession', 'requestCancel'] },
      },
    },
    succeeded: {
      tags: ['serverReady'],
      entry: [{ type: 'enterStatus', params: { status: 'succeeded', state: 'succeeded' } }, 'markTerminal'],
      initial: 'creatingProfile',
      on: {
        'user.dismiss': '#flexDeployment.dismissed',
        'profile.missing': { guard: 'mayRestoreProfile', target: '.creatingProfile', actions: 'recordProfileRestore' },
        'profile.removed': { actions: 'recordProfileRemoved' },
      },
      states: {
        // Entered only while the profile is not saved (first, or after it went missing): no guard asks.
        creatingProfile: {
          tags: ['unfinished'],
          entry: 'saveProfile',
          on: {
            'profile.saved': [
              // Saved again after it went missing: back where it was, nothing announced twice.
              { guard: 'dashboardWasOpened', target: 'dashboardOpened', actions: 'recordProfileSaved' },
              { target: 'profileCreated', actions: 'recordProfileSaved' },
            ],
            'profile.saveFailed': { actions: 'recordEffectError' },
            'session.resumed': {
              target: 'creatingProfile',
              reenter: true,
              actions: 'leaveActiveSession',
            },
          },
        },
        profileCreated: {
          tags: ['profileSaved'],
          entry: [
            { type: 'enterStatus', params: { status: 'succeeded', state: 'profileCreated' } },
            enqueueActions(({ context, enqueue }) => {
              // A profile saved again after it went missing is announced no more: it was, once.
              if (context.profileRestoredAt !== undefined) return;
              // The dashboard opens by itself only for the user who is watching this deployment now,
              // and who did not ask to cancel it: that user is told it finished first instead.
              if (context.inActiveSession && !context.dashboardOpened && !context.cancellation) enqueue('openDashboard');
              else enqueue('notifyReady');
            }),
          ],
          on: {
            'dashboard.opened': {
              target: 'dashboardOpened',
              actions: 'recordDashboardOpened',
            },
            'dashboard.failed': { actions: 'recordEffectError' },
          },
        },
        dashboardOpened: {
          tags: ['profileSaved'],
          entry: [{ type: 'enterStatus', params: { status: 'succeeded', state: 'dashboardOpened' } }],
        },
      },
    },
    failed: {
      tags: ['failure', 'retryable'],
      entry: endedWithoutServer('failed', 'notifyFailed'),
      on: {
        ...RETRY_OR_DISMISS,
        'session.resumed': {
          guard: 'failedRecentlyAndUnanswered',
          actions: ['leaveActiveSession', 'notifyFailed'],
        },
      },
    },
    canceled: {
      tags: ['canceled', 'retryable'],
      entry: endedWithoutServer('canceled', 'notifyCanceled'),
      on: RETRY_OR_DISMISS,
    },
    dismissed: { type: 'final' },
  },
});

export type DeploymentMachine = typeof deploymentMachine;
