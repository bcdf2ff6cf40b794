import { describe, expect, it } from 'vitest';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { DEPLOYMENT_STATES, isFinalState } from '../../../machines/flexDeployment/deploymentStates';
import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import { toRecord, type DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { OwnedDeployments } from '../../../src/services/flexDeployment/ownedDeployments';
import { T0, modelInput } from '../../support/deploymentModel';
import { FakeClock, FakeProvisioner, MemorySecrets, RecordingEffects, ScriptedCanceller, ScriptedReader } from '../../support/trackerFakes';

const SERVER_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgflex-demo';
const ACCEPTED: DeploymentEvent = { type: 'arm.accepted', at: T0 + 1000 };
const SUCCEEDED: DeploymentEvent = { type: 'poll.succeeded', at: T0 + 60_000, serverResourceId: SERVER_ID };
const QUOTA = { code: 'QuotaExceeded', message: 'Quota exceeded.' };
const REJECTED: DeploymentEvent = { type: 'arm.rejected', at: T0 + 1000, error: QUOTA };
const REJECTED_BY_READ: DeploymentEvent = { type: 'poll.failed', at: T0 + 60_000, error: QUOTA };

/** A promise the test resolves: an effect that takes its time. */
function gate() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Lets every settled promise's callbacks run (effects answering, their events sent). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The owned deployments of one window, with what they tell it recorded. */
function ownedDeployments() {
  const secrets = new MemorySecrets();
  const reader = new ScriptedReader();
  const effects = new RecordingEffects(secrets);
  const canceller = new ScriptedCanceller(reader);
  const records = new Map<string, DeploymentRecord>();
  const told: string[] = [];
  const logs: string[] = [];
  const owned = new OwnedDeployments(
    { effects, canceller, provisioner: new FakeProvisioner(reader), secrets, clock: new FakeClock(T0 + 120_000) },
    {
      changed: (record) => void records.set(record.stagingId, record),
      moved: () => undefined,
      settled: (id) => void told.push(`settled ${id}`),
      failed: (id, error) => void told.push(`failed ${id}: ${String(error)}`),
      effectsDone: () => void told.push('effectsDone'),
    },
    (message) => void logs.push(message),
  );
  /** Each deployment's profile save waits for its own gate. */
  const saveGates = new Map<string, ReturnType<typeof gate>>();
  const save = effects.saveProfile.bind(effects);
  effects.saveProfile = async (d) => {
    await saveGates.get(d.stagingId)?.promise;
    return save(d);
  };
  const start = (stagingId: string, context: Partial<DeploymentContext> = {}) => owned.start({ ...modelInput(), stagingId, ...context });
  return { owned, effects, canceller, secrets, records, told, logs, saveGates, start, state: (id: string) => records.get(id)?.state };
}

describe('the deployments a window owns', () => {
  it('counts an effect in flight until it answers, and is settled only once nothing is owed and no answer awaited', async () => {
    const { owned, effects, told, start, state } = ownedDeployments();
    const dashboard = gate();
    effects.gate = dashboard.promise;
    start('a');
    owned.send('a', ACCEPTED);
    expect(told).toEqual([]); // deploying: ARM still owes its word
    effects.saveProfile = async (d) => ({ profileId: `flex-${d.stagingId}` });
    owned.send('a', SUCCEEDED);
    await settle();
    expect(state('a')).toBe('succeeded.profileCreated');
    expect(owned.inFlight()).toBe(1); // the dashboard is opening
    expect(owned.isSettled('a')).toBe(false);
    expect(told).toEqual([]);
    dashboard.open();
    await settle();
    expect(state('a')).toBe('succeeded.dashboardOpened');
    expect(owned.inFlight()).toBe(0);
    expect(owned.isSettled('a')).toBe(true);
    expect(told).toContain('settled a');
  });

  it('tells that no effect is in flight only when none is, over all its deployments', async () => {
    const { owned, told, saveGates, start, state } = ownedDeployments();
    for (const id of ['a', 'b']) {
      saveGates.set(id, gate());
      start(id);
      owned.send(id, ACCEPTED);
      owned.send(id, SUCCEEDED);
    }
    expect(owned.inFlight()).toBe(2);
    saveGates.get('a')!.open();
    await settle();
    expect(state('a')).toBe('succeeded.dashboardOpened');
    expect(told).not.toContain('effectsDone');
    saveGates.get('b')!.open();
    await settle();
    expect(told.filter((t) => t === 'effectsDone')).toHaveLength(1);
  });

  it('an effect that answers nothing leaves the deployment unsettled while another answer is awaited', async () => {
    const { owned, told, start, state, canceller } = ownedDeployments();
    const cancelAnswer = gate();
    canceller.gate = cancelAnswer.promise;
    start('a');
    owned.send('a', ACCEPTED);
    owned.send('a', { type: 'user.cancel', at: T0 + 2000 }); // ARM is asked to cancel…
    owned.send('a', REJECTED_BY_READ); // …and a read says it failed first: the staged password goes
    await settle();
    expect(state('a')).toBe('failed');
    expect(told).toEqual([]); // ARM's answer to the cancel is still awaited
    cancelAnswer.open();
    await settle();
    expect(told).toEqual(['settled a', 'effectsDone']);
  });

  it('an answer for a deployment stopped meanwhile is dropped, and the deployment told settled so its lease can go', async () => {
    const { owned, told, saveGates, start, state } = ownedDeployments();
    saveGates.set('a', gate());
    start('a');
    owned.send('a', ACCEPTED);
    owned.send('a', SUCCEEDED);
    owned.stop('a'); // another window took it over
    expect(owned.has('a')).toBe(false);
    saveGates.get('a')!.open();
    await settle();
    expect(state('a')).toBe('succeeded.creatingProfile'); // the other window records the save
    expect(told).toEqual(['settled a', 'effectsDone']);
  });

  it('stopAll stops every deployment: none is owned and none takes another event', () => {
    const { owned, start, state } = ownedDeployments();
    start('a');
    start('b');
    expect(owned.ids()).toEqual(['a', 'b']);
    owned.stopAll();
    expect(owned.ids()).toEqual([]);
    for (const id of ['a', 'b']) {
      expect(owned.has(id)).toBe(false);
      owned.send(id, ACCEPTED);
      expect(state(id)).toBe('pending');
    }
  });

  it('a failed dashboard keeps the profile and shows why; the deployment is settled', async () => {
    const { owned, effects, records, told, start, state } = ownedDeployments();
    effects.failNext('dashboard');
    start('a');
    owned.send('a', ACCEPTED);
    owned.send('a', SUCCEEDED);
    await settle();
    expect(state('a')).toBe('succeeded.profileCreated');
    expect(records.get('a')?.effectError).toBe('no pg_hba.conf entry for host');
    expect(told).toContain('settled a');
  });

  it('an effect that fails outside the machine is logged with its deployment and error, and no longer counted', async () => {
    const { owned, secrets, told, logs, start, state } = ownedDeployments();
    secrets.delete = async () => {
      throw new Error('the keychain is locked');
    };
    start('a');
    owned.send('a', REJECTED); // failed: the staged password is discarded
    await settle();
    expect(state('a')).toBe('failed');
    expect(logs).toContain('An effect of deployment a failed: Error: the keychain is locked');
    expect(owned.inFlight()).toBe(0);
    expect(told).toEqual(['settled a', 'effectsDone']); // nothing more is owed: its lease can go
  });

  it('an actor that stops on an internal error is logged, no longer owned, and reported failed', () => {
    const { owned, effects, told, logs, start } = ownedDeployments();
    effects.saveProfile = () => {
      throw new Error('saveProfile is not a function of this build');
    };
    start('a');
    owned.send('a', ACCEPTED);
    owned.send('a', SUCCEEDED);
    expect(logs).toContain('Deployment a stopped on an internal error: Error: saveProfile is not a function of this build');
    expect(owned.has('a')).toBe(false);
    expect(told).toEqual(['failed a: Error: saveProfile is not a function of this build']);
  });

  describe('a notification or form that fails is logged by name, and the deployment goes on', () => {
    it('the ready notification (a profile saved after a restart)', async () => {
      const { owned, effects, logs, start, state } = ownedDeployments();
      effects.notifyReady = () => {
        throw new Error('no window to show it in');
      };
      start('a', { inActiveSession: false });
      owned.send('a', ACCEPTED);
      owned.send('a', SUCCEEDED);
      await settle();
      expect(state('a')).toBe('succeeded.profileCreated');
      expect(logs).toEqual(['The ready notification failed: Error: no window to show it in']);
    });

    it.each([
      { name: 'failure', effect: 'notifyFailed', events: [REJECTED], ends: 'failed' },
      { name: 'canceled', effect: 'notifyCanceled', events: [ACCEPTED, { type: 'poll.canceled', at: T0 + 60_000 }], ends: 'canceled' },
    ] as const)('the $name notification', ({ name, effect, events, ends }) => {
      const { owned, effects, logs, start, state } = ownedDeployments();
      effects[effect] = () => {
        throw new Error('no window to show it in');
      };
      start('a');
      for (const event of events) owned.send('a', event);
      expect(state('a')).toBe(ends);
      expect(logs).toEqual([`The ${name} notification failed: Error: no window to show it in`]);
    });

    it('the retry form', () => {
      const { owned, effects, records, logs, start } = ownedDeployments();
      effects.openRetryForm = () => {
        throw new Error('the webview could not be created');
      };
      start('a');
      owned.send('a', REJECTED);
      owned.send('a', { type: 'user.retry', at: T0 + 5000 });
      expect(records.get('a')?.retryRequestedAt).toBe(T0 + 5000);
      expect(logs).toEqual(['Opening the retry form failed: Error: the webview could not be created']);
    });
  });
});

describe('resuming stored deployments', () => {
  it('a record in any state the machine has is rebuilt and resumed without error, and its effects run through the window', async () => {
    for (const state of DEPLOYMENT_STATES) {
      const { owned, told, logs, records } = ownedDeployments();
      owned.hydrate(toRecord(state, { ...modelInput(), stagingId: state, inActiveSession: true, profileCreated: false }));
      owned.send(state, { type: 'session.resumed', at: T0 + 10 * 60_000 });
      await settle();
      expect(logs, state).toEqual([]);
      expect(told.filter((t) => t.startsWith('failed')), state).toEqual([]);
      expect(records.get(state)?.inActiveSession, state).toBe(isFinalState(state)); // a dismissed one takes no event
    }
  });
});
