import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_STATES, stateHasTag, type DeploymentStateName } from '../../../machines/flexDeployment/deploymentStates';
import { FAILURE_NOTIFICATION_WINDOW_MS } from '../../../machines/flexDeployment/stagedFlexProfile';
import { planActivation } from '../../../src/services/flexDeployment/activationPlan';
import { toRecord, type DeploymentRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { T0, modelInput } from '../../support/deploymentModel';

const DAY = 24 * 60 * 60 * 1000;
const NOW = T0 + 90 * DAY;

interface Stored {
  state: DeploymentStateName;
  /** How long before activation it ended (or, with no terminal time, was created). */
  age: number;
  hasTerminalAt: boolean;
  retried: boolean;
}

function stored(id: string, { state, age, hasTerminalAt, retried }: Stored): DeploymentRecord {
  const endedAt = NOW - age;
  return toRecord(state, {
    ...modelInput(),
    stagingId: id,
    // Without a terminal time (a schema-1 record, say) the record's age runs from its creation.
    createdAt: hasTerminalAt ? endedAt - DAY : endedAt,
    terminalAt: hasTerminalAt ? endedAt : undefined,
    retryRequestedAt: retried ? endedAt + 1000 : undefined,
  });
}

// Ages on and around each boundary: the notification day and the retention window.
const ages = (retentionDays: number) =>
  fc.oneof(
    fc.constantFrom(0, FAILURE_NOTIFICATION_WINDOW_MS - 1, FAILURE_NOTIFICATION_WINDOW_MS, FAILURE_NOTIFICATION_WINDOW_MS + 1),
    fc.constantFrom(-1, 0, 1).map((d) => Math.max(0, retentionDays) * DAY + d).filter((age) => age >= 0),
    fc.integer({ min: 0, max: 60 * DAY }),
  );

const storedRecord = (retentionDays: number): fc.Arbitrary<Stored> =>
  fc.record({ state: fc.constantFrom(...DEPLOYMENT_STATES), age: ages(retentionDays), hasTerminalAt: fc.boolean(), retried: fc.boolean() });

const activation = fc.integer({ min: -2, max: 3 }).chain((retentionDays) =>
  fc.record({ retentionDays: fc.constant(retentionDays), records: fc.array(storedRecord(retentionDays), { maxLength: 8 }) }),
);

describe('what activation does with each stored record (spec §4, §8, §10)', () => {
  it('resumes the unfinished whatever their age, purges the terminal past retention, notifies recent unretried failures', () => {
    fc.assert(
      fc.property(activation, ({ retentionDays, records }) => {
        const ids = records.map((_, i) => `d${i}`);
        const plan = planActivation(records.map((r, i) => stored(ids[i], r)), NOW, retentionDays);
        const pastRetention = (r: Stored) => r.age > Math.max(0, retentionDays) * DAY;
        const expected = { purge: [] as string[], resume: [] as string[], notify: [] as string[] };
        records.forEach((r, i) => {
          if (stateHasTag(r.state, 'unfinished')) expected.resume.push(ids[i]);
          else if (pastRetention(r)) expected.purge.push(ids[i]);
          else if (stateHasTag(r.state, 'failure') && !r.retried && r.age < FAILURE_NOTIFICATION_WINDOW_MS) expected.notify.push(ids[i]);
        });
        expect(plan).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a record terminal exactly as long as the retention window is kept; a millisecond more and it is purged', () => {
    const at = (age: number) => stored('old', { state: 'succeeded.dashboardOpened', age, hasTerminalAt: true, retried: false });
    expect(planActivation([at(30 * DAY)], NOW, 30).purge).toEqual([]);
    expect(planActivation([at(30 * DAY + 1)], NOW, 30).purge).toEqual(['old']);
  });

  it('a failure is notified again until it is 24 hours old, not at 24 hours, and not once Retry was pressed', () => {
    const failed = (age: number, retried = false) => stored('f', { state: 'failed', age, hasTerminalAt: true, retried });
    expect(planActivation([failed(FAILURE_NOTIFICATION_WINDOW_MS - 1)], NOW, 30).notify).toEqual(['f']);
    expect(planActivation([failed(FAILURE_NOTIFICATION_WINDOW_MS)], NOW, 30).notify).toEqual([]);
    expect(planActivation([failed(0, true)], NOW, 30).notify).toEqual([]);
  });

  it('a canceled or succeeded deployment is never notified as a failure, and a deploying one is resumed, not purged, after months', () => {
    const plan = planActivation(
      [
        stored('canceled', { state: 'canceled', age: 0, hasTerminalAt: true, retried: false }),
        stored('ok', { state: 'succeeded.profileCreated', age: 0, hasTerminalAt: true, retried: false }),
        stored('running', { state: 'deploying', age: 80 * DAY, hasTerminalAt: false, retried: false }),
      ],
      NOW,
      30,
    );
    expect(plan).toEqual({ purge: [], resume: ['running'], notify: [] });
  });

  it('a retention of zero days (or less) purges every terminal record older than now', () => {
    const plan = planActivation([stored('f', { state: 'failed', age: 1, hasTerminalAt: true, retried: false })], NOW, -3);
    expect(plan).toEqual({ purge: ['f'], resume: [], notify: [] });
  });
});
