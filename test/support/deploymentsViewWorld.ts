import { firstValueFrom } from 'rxjs';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { deploymentCommandHandlers } from '../../src/deployments/deploymentCommands';
import { createDeploymentDetails } from '../../src/deployments/deploymentDetails';
import { deploymentItems } from '../../src/deployments/deploymentItems';
import { checkShownServers } from '../../src/deployments/deploymentServers';
import { RecordingCommands } from './connectionFakes';
import { FakeDeploymentTracker } from './fakeDeploymentTracker';
import { FakeLeftoverResources } from './fakeLeftoverResources';
import { reconcileWorld } from './reconcileWorld';
import { recordingPortal } from './recordingPortal';
import { RecordingOutput } from './recordingOutput';

/** The Deployments view's commands and rows over these deployments, with the reconcile world's Azure; `now` is the view's clock. */
export function deploymentsViewWorld(contexts: DeploymentContext[], now: number) {
  const world = reconcileWorld();
  const tracker = new FakeDeploymentTracker(contexts);
  const handlers = deploymentCommandHandlers({
    tracker,
    notifier: world.notifier,
    commands: new RecordingCommands(),
    details: createDeploymentDetails(new RecordingOutput(), async () => [], () => now),
    portal: recordingPortal().portal,
    leftovers: { leftovers: new FakeLeftoverResources(), log: () => undefined },
    servers: world.servers,
    checkShownServers: async () => checkShownServers(tracker.subject.value, world.checks, now, 30),
  });
  const items = async () => deploymentItems(tracker.subject.value, now, 30, await firstValueFrom(world.checks.known$));
  return { ...world, tracker, items, run: (name: string, arg?: unknown) => handlers[name](arg) };
}
