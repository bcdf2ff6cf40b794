import { describe, expect, it } from 'vitest';
import { ProviderRegistrationError } from '../../../src/azure/providerRegistration';
import { deploymentContext } from '../../support/connectionFakes';
import { deploymentEffectsWorld, settle } from '../../support/deploymentEffectsWorld';

const NOT_REGISTERED = "The subscription is not registered to use namespace 'Microsoft.DBforPostgreSQL'. See https://aka.ms/rps-not-found for how to register subscriptions.";
const refused = deploymentContext({ status: 'failed', armError: { code: 'MissingSubscriptionRegistration', message: NOT_REGISTERED } });

describe('the failure notification of a deployment refused for an unregistered subscription', () => {
  it('offers Register Provider before Retry, and neither the guidance page (the button does it) nor leftovers (ARM created nothing)', async () => {
    const { effects, notifier } = deploymentEffectsWorld();
    effects.notifyFailed(refused);
    await settle();
    expect(notifier.shown).toEqual([
      {
        kind: 'error',
        message: expect.stringContaining(`provisioning failed for 'contoso': ${NOT_REGISTERED} The subscription is not registered for the Microsoft.DBforPostgreSQL resource provider. Register it (Register Provider here`),
        actions: ['View Details', 'Register Provider', 'Retry', 'Open in Azure Portal', 'Dismiss'],
      },
    ]);
  });

  it("registers the deployment's subscription with a progress notification, then offers Retry, which retries", async () => {
    const { effects, notifier, registrar, tracker } = deploymentEffectsWorld();
    const before = structuredClone(refused);
    notifier.answerNext('Register Provider', 'Retry');
    effects.notifyFailed(refused);
    await settle();
    expect(registrar.registered).toEqual([{ tenantId: 'tenant-1', subscriptionId: 'sub-1' }]);
    expect(notifier.shown.slice(1)).toEqual([
      { kind: 'progress', message: "Registering Microsoft.DBforPostgreSQL for the subscription of 'contoso'…", actions: [] },
      { kind: 'info', message: "Microsoft.DBforPostgreSQL is registered for the subscription of 'contoso'. Retry the deployment?", actions: ['Retry'] },
    ]);
    expect(tracker.retried).toEqual(['stg-1']);
    expect(tracker.dismissed).toEqual([]);
    // The record itself is the tracker's: registering changed nothing in it.
    expect(refused).toEqual(before);
  });

  it('registered, but the offer of Retry closed: nothing is retried', async () => {
    const { effects, notifier, registrar, tracker } = deploymentEffectsWorld();
    notifier.answerNext('Register Provider', undefined);
    effects.notifyFailed(refused);
    await settle();
    expect(registrar.registered).toHaveLength(1);
    expect(tracker.retried).toEqual([]);
  });

  it('a registration that does not complete says why and what to do, and offers no Retry', async () => {
    const { effects, notifier, registrar, tracker, errors } = deploymentEffectsWorld();
    registrar.failure = new ProviderRegistrationError('Your Azure account may not register Microsoft.DBforPostgreSQL for this subscription (AuthorizationFailed). Ask an Owner or Contributor…', 'notPermitted');
    notifier.answerNext('Register Provider');
    effects.notifyFailed(refused);
    await settle();
    expect(notifier.shown.at(-1)).toEqual({
      kind: 'error',
      message: "Microsoft.DBforPostgreSQL is not registered for the subscription of 'contoso': Your Azure account may not register Microsoft.DBforPostgreSQL for this subscription (AuthorizationFailed). Ask an Owner or Contributor…",
      actions: [],
    });
    expect(tracker.retried).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a Retry refused after registering is shown, not lost', async () => {
    const { effects, notifier, tracker } = deploymentEffectsWorld();
    tracker.retryRefusal = new Error('Another VS Code window is working on this deployment.');
    notifier.answerNext('Register Provider', 'Retry');
    effects.notifyFailed(refused);
    await settle();
    expect(notifier.shown.at(-1)).toMatchObject({ kind: 'error', message: "Could not finish that for 'contoso': Another VS Code window is working on this deployment." });
  });
});
