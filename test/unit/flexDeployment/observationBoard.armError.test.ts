import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ObservationBoard } from '../../../src/services/flexDeployment/observationBoard';
import { tempDir } from '../../support/trackerFakes';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe('the shared board of ARM answers', () => {
  it("hands the owner ARM's failure whole, the denying policy included", async () => {
    const board = new ObservationBoard(dir.path, () => undefined);
    const error = {
      code: 'RequestDisallowedByPolicy',
      message: 'disallowed by policy',
      chain: [{ code: 'DeploymentFailed', message: 'failed', target: 'pgflex-pg-1' }],
      policyViolation: { assignment: 'No public servers', definition: 'Deny public network access' },
    };
    await board.post({ cycleId: 'c1', observations: new Map([['stg-1', { observation: { kind: 'failed', error }, at: 5 }]]) });
    const read = await board.read();
    expect(read?.observations.get('stg-1')).toStrictEqual({ observation: { kind: 'failed', error }, at: 5 });
  });
});
