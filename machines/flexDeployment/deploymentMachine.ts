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

/**
 * One staged deployment, from Create to the dashboard:
 *
 *   pending ──arm.accepted──▶ deploying ──poll.succeeded──▶ succeeded ─▶ creatingProfile ─▶ profileCreated ─▶ dashboardOpened
 *      │                         │
 *      └──arm.rejected──────────▶└──poll.failed / notFound / running past 2 h──▶ failed ──user.retry──▶ (form reopens)
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
 * re-enters the one state that still owes work (creating the profile).
 */
/**
 * What the states mean to the code around the machine, which asks `hasTag` (or, for a stored
 * record, deploymentStates.ts) and never names a state:
 * - `running`: Azure may still be building the server. ARM is read, the views show it in progress,
 *   and closing its panel warns.
 * - `building`: ARM accepted the deployment and is building the server: its operations can be listed.
 * - `unfinished`: work is still owed (reading ARM, saving the profile). Activation resumes it, its
 *   actor is kept, and its record stays in the active journal.
 * - `serverReady`: Azure built the server.
 * - `profileSaved`: the connection profile was saved; it may go missing and be saved again.
 * - `failure`: it ended in a failure. Retry is offered, and the notification is repeated for a day.
 */
export type DeploymentTag = 'running' | 'building' | 'unfinished' | 'serverReady' | 'profileSaved' | 'failure';

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
    readsDecide: ({ context }) => readsDecide(context),
    profileNotYetCreated: ({ context }) => context.profileCreated !== true,
    dashboardWasOpened: ({ context }) => context.dashboardOpened === true,
    // Once, and never against the user's own removal.
    mayRestoreProfile: ({ context }) =>
      context.profileCreated === true && context.profileRestoredAt === undefined && context.profileRemovedAt === undefined,
    dashboardNotYetOpened: ({ context }) => context.dashboardOpened !== true,
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
        'arm.rejected': {
          target: 'failed',
          actions: [{ type: 'recordError', params: ({ event }) => ({ error: event.error }) }],
        },
        'arm.outcomeUnknown': { actions: 'recordStartOutcomeUnknown' },
        // A pending record may or may not have reached ARM: the poll tells which.
        'poll.running': {
          guard: 'readsDecide',
          target: 'deploying',
          actions: ['recordCheck', 'recordProvisioningState'],
        },
        'poll.succeeded': { guard: 'readsDecide', target: 'succeeded', actions: ['recordCheck', 'recordServer'] },
        'poll.failed': {
          guard: 'readsDecide',
          target: 'failed',
          actions: ['recordCheck', { type: 'recordError', params: ({ event }) => ({ error: event.error }) }],
        },
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
      tags: ['running', 'building', 'unfinished'],
      entry: [{ type: 'enterStatus', params: { status: 'deploying', state: 'deploying' } }],
      on: {
        'poll.running': [
          {
            guard: 'runsPastDeadline',
            target: 'failed',
            actions: ['recordCheck', { type: 'recordError', params: { error: TIMED_OUT_ERROR } }],
          },
          { actions: ['recordCheck', 'recordProvisioningState'] },
        ],
        'poll.succeeded': { target: 'succeeded', actions: ['recordCheck', 'recordServer'] },
        'poll.failed': {
          target: 'failed',
          actions: ['recordCheck', { type: 'recordError', params: ({ event }) => ({ error: event.error }) }],
        },
        'poll.notFound': {
          target: 'failed',
          actions: ['recordCheck', { type: 'recordError', params: { error: VANISHED_ERROR } }],
        },
        'poll.unavailable': { actions: 'recordUnchecked' },
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
        creatingProfile: {
          tags: ['unfinished'],
          entry: 'saveProfile',
          on: {
            'profile.saved': [
              // Saved again after it went missing: back where it was, nothing announced twice.
              { guard: and(['profileNotYetCreated', 'dashboardWasOpened']), target: 'dashboardOpened', actions: 'recordProfileSaved' },
              { guard: 'profileNotYetCreated', target: 'profileCreated', actions: 'recordProfileSaved' },
            ],
            'profile.saveFailed': { actions: 'recordEffectError' },
            'session.resumed': {
              guard: 'profileNotYetCreated',
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
              // The dashboard opens by itself only for the user who is watching this deployment now.
              if (context.inActiveSession && !context.dashboardOpened) enqueue('openDashboard');
              else enqueue('notifyReady');
            }),
          ],
          on: {
            'dashboard.opened': {
              guard: 'dashboardNotYetOpened',
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
      tags: ['failure'],
      entry: [
        { type: 'enterStatus', params: { status: 'failed', state: 'failed' } },
        'markTerminal',
        { type: 'discardStagedSecret', params: ({ context }) => ({ passwordSecretId: context.passwordSecretId }) },
        'forgetStagedSecret',
        'notifyFailed',
      ],
      on: {
        'user.retry': { actions: ['recordRetry', 'openRetryForm'] },
        'user.dismiss': 'dismissed',
        'session.resumed': {
          guard: 'failedRecentlyAndUnanswered',
          actions: ['leaveActiveSession', 'notifyFailed'],
        },
      },
    },
    dismissed: { type: 'final' },
  },
});

export type DeploymentMachine = typeof deploymentMachine;
