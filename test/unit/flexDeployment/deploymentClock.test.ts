import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { acceptedAt, durationOf, elapsedAt, runsPastDeadline, startGraceOver, startOf, START_GRACE_MS, timingAfter } from '../../../machines/flexDeployment/deploymentClock';
import type { DeploymentEvent } from '../../../machines/flexDeployment/deploymentEvents';
import { deploymentMachine } from '../../../machines/flexDeployment/deploymentMachine';
import { DEPLOYMENT_TIMEOUT_MS } from '../../../machines/flexDeployment/stagedFlexProfile';
import { modelInput } from '../../support/deploymentModel';

const T0 = Date.UTC(2026, 10, 22, 12);
const HOUR = 3_600_000;
const time = fc.integer({ min: T0 - 100 * HOUR, max: T0 + 100 * HOUR });

/** A deployment seen at the given times, in order, as the machine folds its sightings in. */
function seen(createdAt: number, sightings: { at: number; armDurationMs?: number }[]) {
  let timing: { createdAt: number; startedAt?: number; armStartedAt?: number } = { createdAt };
  for (const s of sightings) timing = { ...timing, ...timingAfter(timing, s.at, s.armDurationMs) };
  return timing;
}

describe('deployment clock', () => {
  it('a start is never later than any moment the deployment was seen at, whatever the clock did', () => {
    fc.assert(
      fc.property(time, fc.array(time, { maxLength: 8 }), (createdAt, times) => {
        const timing = seen(createdAt, times.map((at) => ({ at })));
        for (const at of times) expect(startOf(timing)).toBeLessThanOrEqual(at);
        expect(startOf(timing)).toBeLessThanOrEqual(createdAt);
      }),
    );
  });

  it('durations are never negative, even when the clock was set back past the start', () => {
    fc.assert(
      fc.property(time, fc.option(time, { nil: undefined }), time, (createdAt, terminalAt, now) => {
        expect(durationOf({ createdAt, terminalAt }, now)).toBeGreaterThanOrEqual(0);
        expect(elapsedAt({ createdAt }, now)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('once ARM reports how long it has run, that is the running time, whatever the local start says', () => {
    fc.assert(
      fc.property(time, fc.array(time, { maxLength: 4 }), time, fc.integer({ min: 0, max: 5 * HOUR }), (createdAt, earlier, at, armDurationMs) => {
        const timing = seen(createdAt, [...earlier.map((t) => ({ at: t })), { at, armDurationMs }]);
        expect(elapsedAt(timing, at)).toBe(armDurationMs);
        expect(runsPastDeadline(timing, at)).toBe(armDurationMs >= DEPLOYMENT_TIMEOUT_MS);
      }),
    );
  });

  it('a sighting without a usable running time from ARM keeps what ARM said before', () => {
    const timing = seen(T0, [{ at: T0 + HOUR, armDurationMs: HOUR / 2 }]);
    for (const armDurationMs of [undefined, Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      expect(timingAfter(timing, T0 + 2 * HOUR, armDurationMs).armStartedAt).toBe(T0 + HOUR / 2);
    }
    // Just started, by ARM's word: that is a running time too.
    expect(timingAfter(timing, T0 + 2 * HOUR, 0).armStartedAt).toBe(T0 + 2 * HOUR);
  });

  it('a staged deployment not found in Azure is given the grace period from its start, then no longer', () => {
    const timing = seen(T0, []);
    expect(startGraceOver(timing, T0 + START_GRACE_MS - 1)).toBe(false);
    expect(startGraceOver(timing, T0 + START_GRACE_MS)).toBe(true);
    // Staged with the clock a day ahead, then set right: the grace counts from the first sighting.
    const skewed = seen(T0 + 24 * HOUR, [{ at: T0 }]);
    expect(startGraceOver(skewed, T0 + START_GRACE_MS - 1)).toBe(false);
    expect(startGraceOver(skewed, T0 + START_GRACE_MS)).toBe(true);
  });

  it('ARM accepted the deployment when it first entered deploying, by the audit trail; not yet while pending', () => {
    const actor = createActor(deploymentMachine, { input: modelInput() });
    actor.start();
    const acceptance = () => acceptedAt(actor.getSnapshot().context);
    expect(acceptance()).toBeUndefined();
    for (const event of [
      { type: 'arm.accepted', at: T0 + 1000 },
      { type: 'user.cancel', at: T0 + HOUR },
      // Refused: back in deploying, which is not when ARM accepted it.
      { type: 'arm.cancelRefused', at: T0 + HOUR + 1000, error: { code: 'DeploymentCannotBeCancelled', message: 'not running' } },
    ] satisfies DeploymentEvent[]) actor.send(event);
    actor.stop();
    expect(acceptance()).toBe(T0 + 1000);
  });
});
