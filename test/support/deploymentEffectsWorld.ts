import { createDeploymentEffects } from '../../src/deployments/deploymentEffects';
import { ConnectionStore } from '../../src/connections/connectionStore';
import type { ConnectOutcome } from '../../src/connections/connectFlow';
import { createDeploymentDetails } from '../../src/deployments/deploymentDetails';
import type { ProviderRegistrar, SubscriptionRef } from '../../src/azure/providerRegistration';
import { InMemoryProfileSettings, InMemorySecrets, RecordingCommands, ScriptedNotifier } from './connectionFakes';
import { FakeDeploymentTracker } from './fakeDeploymentTracker';
import { RecordingOutput } from './recordingOutput';
import { recordingPortal } from './recordingPortal';

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Records the subscriptions it registered; `failure` makes the next registrations throw. */
export class RecordingRegistrar implements ProviderRegistrar {
  readonly registered: SubscriptionRef[] = [];
  failure: Error | undefined;
  async register(subscription: SubscriptionRef): Promise<void> {
    if (this.failure) throw this.failure;
    this.registered.push({ tenantId: subscription.tenantId, subscriptionId: subscription.subscriptionId });
  }
}

/** The deployment effects over in-memory fakes, and what each fake recorded. */
export function deploymentEffectsWorld(outcome: ConnectOutcome = { connected: true }) {
  const secrets = new InMemorySecrets();
  const store = new ConnectionStore(new InMemoryProfileSettings(), secrets);
  const notifier = new ScriptedNotifier();
  const commands = new RecordingCommands();
  const details = new RecordingOutput();
  const tracker = new FakeDeploymentTracker();
  const registrar = new RecordingRegistrar();
  const connects: string[] = [];
  const errors: string[] = [];
  const { portal, opened } = recordingPortal();
  const linksOpened: string[] = [];
  const effects = createDeploymentEffects({
    store,
    secrets,
    connect: async (id) => {
      connects.push(id);
      return outcome;
    },
    commands,
    notifier,
    details: createDeploymentDetails(details, async () => [], () => 0),
    portal,
    registrar,
    openExternal: async (url) => void linksOpened.push(url),
    tracker,
    log: (message) => void errors.push(message),
  });
  return { effects, store, notifier, commands, details, tracker, registrar, connects, errors, opened, linksOpened };
}
