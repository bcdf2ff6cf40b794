import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { deploymentMachine } from '../../../machines/flexDeployment/deploymentMachine';
import { stateNameOf, stateValueOf } from '../../../machines/flexDeployment/deploymentStates';
import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import { toContext, toRecord, type DeploymentRecord } from './deploymentRecord';
import type { CancelAnswer, DeploymentCanceller } from './deploymentCanceller';
import type { DeploymentEffects } from './deploymentEffectsPort';
import { deploymentRefOf } from './deploymentRef';
import { resubmitDeployment } from './resubmitDeployment';
import type { SecretStore } from './secretStore';
import type { ServerProvisioner } from './serverProvisioner';
import type { Clock } from './trackerDependencies';
import { errorMessage } from '../../../machines/errorMessage';

type ProvidedMachine = ReturnType<typeof provideEffects>;
type DeploymentActor = Actor<ProvidedMachine>;

interface Owned {
  actor: DeploymentActor;
  inFlight: number;
}

export interface OwnedDeploymentsEvents {
  /** The deployment's record changed (a transition or a context update). */
  changed(record: DeploymentRecord): void;
  /** The same, with the context before it: not told for an actor's first snapshot (started or rebuilt). */
  moved(before: DeploymentContext, after: DeploymentContext): void;
  /** Nothing is owed any more: persist, then release. */
  settled(stagingId: string): void;
  /** An actor went into XState's error status; the record is kept as it was. */
  failed(stagingId: string, error: unknown): void;
  /** No effect is in flight any more, over all owned deployments. */
  effectsDone(): void;
}

/** The ports the owned actors' effects run through. */
export interface OwnedDeploymentsPorts {
  effects: DeploymentEffects;
  canceller: DeploymentCanceller;
  /** Sends an attempt again after a temporary failure. */
  provisioner: Pick<ServerProvisioner, 'startDeployment'>;
  secrets: SecretStore;
  clock: Clock;
}

/**
 * The live actors of the deployments this window owns. Each is the machine with the host's
 * effects provided; effect completions come back to it as events.
 */
export class OwnedDeployments {
  private readonly owned = new Map<string, Owned>();
  private readonly machine: ProvidedMachine;

  constructor(
    ports: OwnedDeploymentsPorts,
    private readonly events: OwnedDeploymentsEvents,
    private readonly log: (message: string) => void,
  ) {
    this.machine = provideEffects(ports, (id, work) => this.track(id, work), log);
  }

  has(stagingId: string): boolean {
    return this.owned.has(stagingId);
  }

  ids(): string[] {
    return [...this.owned.keys()];
  }

  record(stagingId: string): DeploymentRecord | undefined {
    const owned = this.owned.get(stagingId);
    if (!owned) return undefined;
    const snapshot = owned.actor.getSnapshot();
    return toRecord(stateNameOf(snapshot.value), snapshot.context);
  }

  /** Starts a new deployment's actor in `pending`. */
  start(context: DeploymentContext): void {
    this.run(context.stagingId, createActor(this.machine, { input: context }));
  }

  /** Rebuilds the actor from a stored record: state and context, nothing re-run. */
  hydrate(record: DeploymentRecord): void {
    // `input` is ignored when a snapshot is given; the types ask for it all the same.
    this.run(record.stagingId, createActor(this.machine, { snapshot: restoredSnapshot(this.machine, record), input: toContext(record) }));
  }

  /** A deployment that has reached a final state (dismissed) takes no more events. */
  send(stagingId: string, event: DeploymentEvent): void {
    const actor = this.owned.get(stagingId)?.actor;
    if (actor?.getSnapshot().status === 'active') actor.send(event);
  }

  stop(stagingId: string): void {
    this.owned.get(stagingId)?.actor.stop();
    this.owned.delete(stagingId);
  }

  stopAll(): void {
    for (const id of this.ids()) this.stop(id);
  }

  /** Effects started and not yet answered, over all owned deployments. */
  inFlight(): number {
    let count = 0;
    for (const owned of this.owned.values()) count += owned.inFlight;
    return count;
  }

  /** Nothing is owed and no effect is waiting for its answer: the actor can stop and its lease go. */
  isSettled(stagingId: string): boolean {
    const owned = this.owned.get(stagingId);
    if (!owned) return true;
    return owned.inFlight === 0 && !owned.actor.getSnapshot().hasTag('unfinished');
  }

  private run(stagingId: string, actor: DeploymentActor): void {
    this.owned.set(stagingId, { actor, inFlight: 0 });
    let before: DeploymentContext | undefined;
    actor.subscribe({
      next: (snapshot) => {
        this.events.changed(toRecord(stateNameOf(snapshot.value), snapshot.context));
        if (before) this.events.moved(before, snapshot.context);
        before = snapshot.context;
        if (this.isSettled(stagingId)) this.events.settled(stagingId);
      },
      error: (error) => {
        this.log(`Deployment ${stagingId} stopped on an internal error: ${String(error)}`);
        this.owned.delete(stagingId);
        this.events.failed(stagingId, error);
      },
    });
    actor.start();
  }

  /** Counts an effect in flight, so the actor is not stopped while it still owes an answer. */
  private track(stagingId: string, work: () => Promise<DeploymentEvent | undefined>): void {
    const owned = this.owned.get(stagingId);
    if (owned) owned.inFlight++;
    void work()
      .then(
        (event) => this.answered(stagingId, owned, event),
        (error: unknown) => {
          this.log(`An effect of deployment ${stagingId} failed: ${String(error)}`);
          // Answered all the same, with nothing to tell.
          this.answered(stagingId, owned, undefined);
        },
      )
      .finally(() => {
        if (this.inFlight() === 0) this.events.effectsDone();
      });
  }

  /** Its event goes to the actor that asked (not to one rebuilt since); with none to send, it may have been the last thing owed. */
  private answered(stagingId: string, owned: Owned | undefined, event: DeploymentEvent | undefined): void {
    if (owned) owned.inFlight--;
    if (event && this.owned.get(stagingId) === owned) this.send(stagingId, event);
    else if (this.isSettled(stagingId)) this.events.settled(stagingId);
  }
}

function provideEffects(
  { effects, canceller, provisioner, secrets, clock }: OwnedDeploymentsPorts,
  track: (stagingId: string, work: () => Promise<DeploymentEvent | undefined>) => void,
  log: (message: string) => void,
) {
  const fireAndForget = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      log(`${what} failed: ${String(error)}`);
    }
  };
  return deploymentMachine.provide({
    actions: {
      saveProfile: ({ context }) =>
        track(context.stagingId, () =>
          effects.saveProfile(context).then(
            ({ profileId }): DeploymentEvent => ({ type: 'profile.saved', at: clock.now(), profileId }),
            (error: unknown): DeploymentEvent => ({ type: 'profile.saveFailed', at: clock.now(), message: errorMessage(error) }),
          ),
        ),
      openDashboard: ({ context }) =>
        track(context.stagingId, () =>
          effects.openDashboard(context).then(
            (): DeploymentEvent => ({ type: 'dashboard.opened', at: clock.now() }),
            (error: unknown): DeploymentEvent => ({ type: 'dashboard.failed', at: clock.now(), message: errorMessage(error) }),
          ),
        ),
      notifyReady: ({ context }) => fireAndForget('The ready notification', () => effects.notifyReady(context)),
      notifyFailed: ({ context }) => fireAndForget('The failure notification', () => effects.notifyFailed(context)),
      notifyCanceled: ({ context }) => fireAndForget('The canceled notification', () => effects.notifyCanceled(context)),
      requestCancel: ({ context }) =>
        track(context.stagingId, async () => {
          const answer = await canceller.cancel(deploymentRefOf(context)).catch(
            (error: unknown): CancelAnswer => ({ kind: 'unanswered', reason: errorMessage(error) }),
          );
          return cancelEvent(answer, clock.now());
        }),
      openRetryForm: ({ context }) => fireAndForget('Opening the retry form', () => effects.openRetryForm(context)),
      // ARM's answer to the PUT comes back as the first start's does.
      resubmitDeployment: ({ context }) => track(context.stagingId, () => resubmitDeployment({ provisioner, secrets, clock, log }, context)),
      discardStagedSecret: ({ context }, { passwordSecretId }) => {
        if (!passwordSecretId) return;
        track(context.stagingId, async () => {
          await secrets.delete(passwordSecretId);
          return undefined;
        });
      },
    },
  });
}

function cancelEvent(answer: CancelAnswer, at: number): DeploymentEvent {
  switch (answer.kind) {
    case 'accepted':
      return { type: 'arm.cancelAccepted', at };
    case 'refused':
      return { type: 'arm.cancelRefused', at, error: answer.error };
    case 'unanswered':
      return { type: 'arm.cancelUnanswered', at, reason: answer.reason };
  }
}

/**
 * The actor's snapshot as a stored record rebuilds it: its state and context. The record keeps no
 * more of XState's persisted snapshot because the machine has nothing more to keep (no invoked or
 * spawned actors, no history, no timers: docs/decisions/records-hold-state-and-context.md).
 */
export function restoredSnapshot(machine: typeof deploymentMachine, record: DeploymentRecord): SnapshotFrom<typeof deploymentMachine> {
  return machine.resolveState({ value: stateValueOf(record.state), context: toContext(record) });
}
