import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { deploymentMachine } from '../../../machines/flexDeployment/deploymentMachine';
import { stateNameOf } from '../../../machines/flexDeployment/deploymentStates';
import { readRecord, toRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { restoredSnapshot } from '../../../src/services/flexDeployment/ownedDeployments';
import { edgeCoveringPaths, modelInput } from '../../support/deploymentModel';

/**
 * A record keeps the actor's state and context, not XState's whole persisted snapshot
 * (docs/decisions/records-hold-state-and-context.md). That loses nothing only while the persisted
 * snapshot holds nothing else: checked here at every step of a path over every edge of the machine.
 */
describe('a stored record rebuilds the actor it was written from', () => {
  it("after every step of every edge-covering path, the rebuilt actor's persisted snapshot is the original's", () => {
    let steps = 0;
    for (const path of edgeCoveringPaths()) {
      const actor = createActor(deploymentMachine, { input: modelInput() });
      actor.start();
      for (const event of path) {
        actor.send(event);
        const original = actor.getPersistedSnapshot();
        const { value, context } = actor.getSnapshot();
        // As the journal stores it: JSON, then validated on read.
        const reading = readRecord(JSON.parse(JSON.stringify(toRecord(stateNameOf(value), context))));
        if (reading.kind !== 'valid') throw new Error(`a record written at ${JSON.stringify(value)} did not read back: ${JSON.stringify(reading)}`);
        const rebuilt = createActor(deploymentMachine, { snapshot: restoredSnapshot(deploymentMachine, reading.record), input: modelInput() });
        expect(rebuilt.getPersistedSnapshot()).toEqual(original);
        // Nothing beyond state and context: no children, no history, so nothing a record would drop.
        expect(original).toMatchObject({ children: {}, historyValue: {} });
        steps += 1;
      }
      actor.stop();
    }
    expect(steps).toBeGreaterThan(100);
  });
});
