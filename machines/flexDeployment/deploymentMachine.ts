import { and, enqueueActions } from 'xstate';
import {
  NEVER_STARTED_ERROR,
  TIMED_OUT_ERROR,
  VANISHED_ERROR,
  neverReachedError,
} from './deploymentEvents';
import { deploymentSetup } from './deploymentSetup';
import type { DeploymentContext } from './stagedFlexProfile';

export type { DeploymentTag } from './deploymentSetup';

/** How ARM's answer ends a running deployment, whether or not a cancel was asked for. */
const ARM_ENDS_RUNNING = {
  'poll.succeeded': { target: 'succeeded', actions: ['recordCheck', 'recordServer'] },
  'poll.failed': { target: 'failed', actions: ['recordCheck', 'recordArmFailure'] },
  'poll.canceled': { target: 'canceled', actions: 'recordCheck' },
  'poll.notFound': { target: 'failed', actions: ['recordCheck', { type: 'recordError', params: { error: VANISHED_ERROR } }] },
  'poll.unavailable': { actions: 'recordUnchecked' },
} as const;

/** A temporary failure is sent again while attempts are left (transientRetry.ts); the guard's fallback is the end. */
const TRANSIENT_FAILURE_RETRIED = {
  guard: 'retriesTransientFailure',
  target: 'retryingTransient',
  actions: ['recordCheck', 'recordTransientFailure'],
} as const;

/** The wait for the next attempt is over: it is sent, and the machine awaits the PUT's answer as after Create. */
const SEND_AGAIN = {
  guard: 'retryDue',
  target: 'pending',
  actions: ['recordCheck', { type: 'enterStatus', params: { status: 'pending', state: 'pending' } }, 'recordResubmission', 'resubmitDeployment'],
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
 * One staged deployment, from Create to the dashboard:
 *
 *   pending ──arm.accepted──▶ deploying ──poll.succeeded──▶ succeeded ─▶ creatingProfile ─▶ profileCreated ─▶ dashboardOpened
 *    ▲ │                       │   ▲ │
 *    │ │          user.cancel  ▼   │ └──poll.canceled──────────────────────────▶ canceled
 *    │ │                    cancelling ──(ARM's answer to any read, as from deploying)──▶ succeeded | failed | canceled
 *    │ │                       └──arm.cancelRefused──▶ deploying
 *    │ └──arm.rejected──────────▶──poll.failed / notFound / running past 2 h──▶ failed ──user.retry──▶ (form reopens)
 *    │      poll.failed or arm.rejected with a temporary error, or a PUT never answered nor found; attempts left
 *    │                             ▼
 *    └──poll.failed / notFound at retryAt── retryingTransient ──user.cancel──▶ canceled
 *        (sent again)
 *
 * Cancelling asks ARM to cancel and still waits for ARM's word: a deployment that finished while
 * the cancel was on its way ends as ARM says (succeeded, with its profile), not as asked.
 *
 * A temporary failure (transientErrors.ts) of a deployment not asked to cancel is retried: the
 * machine waits in retryingTransient, where ARM is still read, until a read at or after its
 * `retryAt` (an exponential backoff with jitter drawn from the staging id: transientRetry.ts),
 * then asks the host to send the same deployment again and starts over in pending, awaiting the
 * PUT's answer as after Create. Nothing runs in ARM meanwhile, so a cancel there ends it at once.
 * After MAX_ATTEMPTS attempts the failure is the end, and says how often it was tried. A PUT ARM
 * refused with a temporary error, or never answered and does not show after the grace period,
 * is an attempt that failed the same way: nothing of it runs in ARM (reads find no deployment,
 * or the one before it, failed), and it is sent again after the same wait.
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
export const deploymentMachine = deploymentSetup.createMachine({
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
        'arm.accepted': { target: 'deploying', actions: 'recordStartAnswered' },
        'arm.rejected': [
          { guard: 'retriesTransientFailure', target: 'retryingTransient', actions: ['recordStartAnswered', 'recordTransientFailure'] },
          { target: 'failed', actions: ['recordStartAnswered', 'recordArmFailure'] },
        ],
        'arm.outcomeUnknown': { actions: ['recordStartAnswered', 'recordStartOutcomeUnknown'] },
        // A pending record may or may not have reached ARM: the poll tells which.
        'poll.running': {
          guard: 'readsDecide',
          target: 'deploying',
          actions: ['recordCheck', 'recordProvisioningState'],
        },
        'poll.succeeded': { guard: 'readsDecide', target: 'succeeded', actions: ['recordCheck', 'recordServer'] },
        'poll.failed': [
          { ...TRANSIENT_FAILURE_RETRIED, guard: and(['readsDecide', 'retriesTransientFailure']) },
          { guard: 'readsDecide', target: 'failed', actions: ['recordCheck', 'recordArmFailure'] },
        ],
        'poll.canceled': { guard: 'readsDecide', target: 'canceled', actions: 'recordCheck' },
        'poll.notFound': [
          // ARM gave the PUT no answer and has no trace of it: nothing runs there, so it is sent again.
          {
            guard: and(['readsDecide', 'startGraceOver', 'retriesUnansweredStart']),
            target: 'retryingTransient',
            actions: ['recordCheck', 'recordTransientFailure'],
          },
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
        'poll.failed': [TRANSIENT_FAILURE_RETRIED, ARM_ENDS_RUNNING['poll.failed']],
        'poll.running': [PAST_DEADLINE, { actions: ['recordCheck', 'recordProvisioningState'] }],
        'user.cancel': 'cancelling',
      },
    },
    retryingTransient: {
      tags: ['running', 'unfinished', 'cancelable', 'retryScheduled'],
      entry: [{ type: 'enterStatus', params: { status: 'retryingTransient', state: 'retryingTransient' } }],
      on: {
        // Any other word from ARM ends the wait as it ends a running deployment.
        ...ARM_ENDS_RUNNING,
        // ARM still reports the failed attempt, or has none (its PUT was refused or never answered):
        // once the wait is over, the next one is sent.
        'poll.failed': [SEND_AGAIN, { actions: 'recordCheck' }],
        'poll.notFound': [SEND_AGAIN, { actions: 'recordCheck' }],
        // Running again: the attempt was sent before a crash lost the record of it.
        'poll.running': { target: 'deploying', actions: ['recordCheck', 'recordProvisioningState', 'recordAttemptSent'] },
        // Nothing runs in ARM: no cancel to ask for, nothing more is sent.
        'user.cancel': { target: 'canceled', actions: 'recordCancelRequested' },
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
