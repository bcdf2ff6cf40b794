import { beforeEach, describe, expect, it } from 'vitest';
import { ProviderRegistrationError } from '../../../src/azure/providerRegistration';
import { armRestError, NOT_REGISTERED_MESSAGE, notRegisteredError } from '../../support/armRestError';
import { chooseSubscriptionAndLocation, FakeCatalog, FakeLog, FakePanel, FakeRegistrar, FakeTracker, FakeWindow, openCreatePanel, settle, SUBSCRIPTION, validRequest } from './fakes';

let catalog: FakeCatalog;
let log: FakeLog;
let panel: FakePanel;
let window: FakeWindow;
let registrar: FakeRegistrar;
let tracker: FakeTracker;

const unregistered = { subscriptionId: SUBSCRIPTION.subscriptionId, namespace: 'Microsoft.DBforPostgreSQL' };
const register = async (subscriptionId = SUBSCRIPTION.subscriptionId) => {
  panel.send({ type: 'form.registerProvider', subscriptionId });
  await settle();
};

beforeEach(async () => {
  catalog = new FakeCatalog();
  log = new FakeLog();
  panel = new FakePanel();
  window = new FakeWindow();
  registrar = new FakeRegistrar(catalog);
  catalog.providerRefusal = notRegisteredError();
  tracker = new FakeTracker();
  await openCreatePanel({ tracker, catalog, log, panel, window, registrar });
  await chooseSubscriptionAndLocation(panel);
});

describe('the create form on a subscription not registered for Microsoft.DBforPostgreSQL', () => {
  it("says so with ARM's words and offers to register the subscription the read was for", () => {
    const [failed] = panel.ofType('catalog.failed');
    expect(failed.unregisteredProvider).toEqual(unregistered);
    expect(failed.message).toBe(`Could not read what eastus offers: ${NOT_REGISTERED_MESSAGE} Register it to go on.`);
    expect(panel.ofType('catalog.capabilities')).toEqual([]);
  });

  it('registers with a progress notification, then tells the form, whose next read gets the capabilities', async () => {
    await register();
    expect(registrar.registered).toEqual([{ tenantId: SUBSCRIPTION.tenantId, subscriptionId: SUBSCRIPTION.subscriptionId }]);
    expect(window.progress).toEqual(['Registering Microsoft.DBforPostgreSQL for subscription Dev…']);
    expect(panel.ofType('catalog.providerRegistered')).toEqual([{ type: 'catalog.providerRegistered', subscriptionId: SUBSCRIPTION.subscriptionId }]);
    await chooseSubscriptionAndLocation(panel);
    expect(panel.ofType('catalog.capabilities')).toHaveLength(1);
  });

  it('a name check refused for the same reason makes the same offer', async () => {
    panel.send({ type: 'form.serverNameChanged', subscriptionId: SUBSCRIPTION.subscriptionId, serverName: 'pg-dev-1' });
    await settle();
    const failures = panel.ofType('catalog.failed');
    expect(failures).toHaveLength(2);
    expect(failures[1]).toMatchObject({ message: expect.stringMatching(/^Could not check the server name: The subscription is not registered/), unregisteredProvider: unregistered });
  });

  it('Create refused by its preflight for the same reason: the form is back, with the same offer, and nothing was staged', async () => {
    catalog.providerRefusal = undefined;
    await chooseSubscriptionAndLocation(panel);
    tracker.createError = notRegisteredError();
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    expect(panel.ofType('form.rejected')).toEqual([{ type: 'form.rejected', errors: {}, message: NOT_REGISTERED_MESSAGE }]);
    expect(panel.ofType('catalog.failed').at(-1)).toEqual({ type: 'catalog.failed', message: `Create did not start: ${NOT_REGISTERED_MESSAGE} Register it to go on.`, unregisteredProvider: unregistered });
    expect(tracker.created).toEqual([]);
  });

  it('without the permission: the next step is said, and the offer is withdrawn', async () => {
    registrar.failure = new ProviderRegistrationError('Your Azure account may not register Microsoft.DBforPostgreSQL… Ask an Owner or Contributor…', 'notPermitted');
    await register();
    const failed = panel.ofType('catalog.failed').at(-1);
    expect(failed).toEqual({ type: 'catalog.failed', message: 'Your Azure account may not register Microsoft.DBforPostgreSQL… Ask an Owner or Contributor…' });
    registrar.failure = undefined;
    await register();
    expect(registrar.registered).toEqual([]);
    expect(log.lines.at(-1)).toMatch(/^warn Rejected a provider registration/);
  });

  it('still registering at the bound: said, and offered again', async () => {
    registrar.failure = new ProviderRegistrationError('Azure is still registering Microsoft.DBforPostgreSQL…', 'stillRegistering');
    await register();
    expect(panel.ofType('catalog.failed').at(-1)).toEqual({ type: 'catalog.failed', message: 'Azure is still registering Microsoft.DBforPostgreSQL…', unregisteredProvider: unregistered });
    registrar.failure = undefined;
    await register();
    expect(registrar.registered).toHaveLength(1);
  });
});

describe('what the form cannot have registered', () => {
  it('a subscription whose reads were refused for another reason gets no offer, and a request for it registers nothing', async () => {
    catalog.providerRefusal = armRestError(409, 'Conflict', 'Busy.');
    await chooseSubscriptionAndLocation(panel);
    const failed = panel.ofType('catalog.failed').at(-1);
    expect(failed).toEqual({ type: 'catalog.failed', message: 'Could not read what eastus offers: Busy.' });
    // The offer made for the first read is still there; another subscription never had one.
    await register('00000000-0000-0000-0000-000000000002');
    expect(registrar.registered).toEqual([]);
  });

  it('a message with more than the subscription is rejected unread', async () => {
    panel.send({ type: 'form.registerProvider', subscriptionId: SUBSCRIPTION.subscriptionId, namespace: 'Microsoft.Compute' });
    await settle();
    expect(registrar.registered).toEqual([]);
    expect(log.lines.some((l) => l.startsWith('warn Rejected a malformed webview message'))).toBe(true);
  });
});
