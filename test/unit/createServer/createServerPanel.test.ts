import { beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_IN_PASSWORD_MESSAGE } from '../../../machines/flexDeployment/loginInPassword';
import { CreateServerPanel } from '../../../src/createServer/createServerPanel';
import { CreateRequestInvalidError } from '../../../src/services/flexDeployment/flexDeploymentTracker';
import { PreflightError } from '../../../src/services/flexDeployment/serverProvisioner';
import {
  CLIENT_IP,
  FakeCatalog,
  FakeLog,
  FakePanel,
  FakeRegistrar,
  FakeServerActions,
  FakeTracker,
  FakeWindow,
  PASSWORD,
  PRINCIPAL,
  SUBSCRIPTION,
  chooseSubscriptionAndLocation,
  openCreatePanel,
  settle,
  validRequest,
} from './fakes';

let tracker: FakeTracker;
let catalog: FakeCatalog;
let log: FakeLog;
let panel: FakePanel;

const openForm = () => openCreatePanel({ tracker, catalog, log, panel });

async function openFilledForm(): Promise<void> {
  await openForm();
  await chooseSubscriptionAndLocation(panel);
}

beforeEach(() => {
  tracker = new FakeTracker();
  catalog = new FakeCatalog();
  log = new FakeLog();
  panel = new FakePanel();
});

describe('the create panel host', () => {
  it('sends nothing before the webview says it is ready, then the subscriptions and client IP', async () => {
    new CreateServerPanel(panel, { tracker, catalog, log, window: new FakeWindow(), serverActions: new FakeServerActions(), registrar: new FakeRegistrar() }, { kind: 'form' }, { onDidDispose: () => {} });
    await settle();
    expect(panel.posted).toHaveLength(0);
    panel.send({ type: 'ready' });
    await settle();
    expect(panel.posted).toEqual([
      { type: 'form.init' },
      { type: 'catalog.subscriptions', subscriptions: [SUBSCRIPTION] },
      { type: 'catalog.clientIp', clientIp: CLIENT_IP },
    ]);
  });

  it('starts the form before Azure answers, and a slow client IP detection does not hold up the subscriptions', async () => {
    let answerSubscriptions = () => {};
    let answerClientIp = () => {};
    catalog.subscriptionsAnswered = new Promise<void>((resolve) => (answerSubscriptions = resolve));
    catalog.clientIpAnswered = new Promise<void>((resolve) => (answerClientIp = resolve));
    new CreateServerPanel(panel, { tracker, catalog, log, window: new FakeWindow(), serverActions: new FakeServerActions(), registrar: new FakeRegistrar() }, { kind: 'form' }, { onDidDispose: () => {} });
    panel.send({ type: 'ready' });
    await settle();
    expect(panel.posted).toEqual([{ type: 'form.init' }]);
    answerSubscriptions();
    await settle();
    expect(panel.posted.map((m) => m.type)).toEqual(['form.init', 'catalog.subscriptions']);
    answerClientIp();
    await settle();
    expect(panel.posted.map((m) => m.type)).toEqual(['form.init', 'catalog.subscriptions', 'catalog.clientIp']);
  });

  it.each([
    ['a string', 'ready'],
    ['null', null],
    ['an unknown type', { type: 'shell.exec', command: 'rm -rf /' }],
    ['an extra key', { type: 'ready', evil: true }],
    ['a wrong field type', { type: 'form.locationSelected', subscriptionId: 42, location: 'eastus' }],
    ['an oversized id', { type: 'form.subscriptionSelected', subscriptionId: 'x'.repeat(10_000) }],
    ['a request that is not an object', { type: 'form.submit', request: 'DROP TABLE' }],
    ['a prototype-polluting payload', JSON.parse('{"type":"ready","__proto__":{"polluted":true}}')],
  ])('rejects and logs %s, and acts on nothing', async (_label, raw) => {
    await openForm();
    const before = panel.posted.length;
    panel.send(raw);
    await settle();
    expect(panel.posted.length).toBe(before);
    expect(log.lines.filter((l) => l.startsWith('warn Rejected a malformed webview message'))).toHaveLength(1);
    expect(catalog.calls).toEqual(['listSubscriptions']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects and logs another view's message", async () => {
    await openForm();
    panel.send({ type: 'dashboard.refresh' });
    await settle();
    expect(log.lines.filter((l) => l.includes("Rejected a 'dashboard.refresh' message"))).toHaveLength(1);
  });

  it('refuses a subscription it did not offer, without asking Azure', async () => {
    await openForm();
    panel.send({ type: 'form.subscriptionSelected', subscriptionId: 'someone-elses' });
    await settle();
    expect(catalog.count('listResourceGroups')).toBe(0);
    expect(log.lines.some((l) => l.includes('did not offer'))).toBe(true);
  });

  it('answers a known subscription with its groups, locations and the signed-in principal', async () => {
    await openForm();
    panel.send({ type: 'form.subscriptionSelected', subscriptionId: SUBSCRIPTION.subscriptionId });
    await settle();
    expect(panel.ofType('catalog.subscriptionChoices')[0]).toMatchObject({ entraAdmin: PRINCIPAL, locations: [{ name: 'eastus' }] });
  });

  it("sends the location's list prices after its capabilities, and says when they cannot be read", async () => {
    catalog.prices = [];
    await openFilledForm();
    expect(panel.ofType('catalog.prices')).toEqual([{ type: 'catalog.prices', location: 'eastus', prices: [] }]);

    catalog.prices = new Error('prices.azure.com did not answer');
    panel.send({ type: 'form.locationSelected', subscriptionId: SUBSCRIPTION.subscriptionId, location: 'eastus' });
    await settle();
    expect(panel.ofType('catalog.pricesUnavailable')).toEqual([{ type: 'catalog.pricesUnavailable', location: 'eastus', message: 'prices.azure.com did not answer' }]);
    expect(log.lines).toContain('warn Reading the prices of eastus failed: prices.azure.com did not answer');
  });

  it('checks name availability only for names that follow the rules', async () => {
    await openForm();
    panel.send({ type: 'form.serverNameChanged', subscriptionId: SUBSCRIPTION.subscriptionId, serverName: 'Bad_Name' });
    panel.send({ type: 'form.serverNameChanged', subscriptionId: SUBSCRIPTION.subscriptionId, serverName: 'taken' });
    await settle();
    // After the taken name come the names checked to suggest in its place (nameSuggestions.test.ts); never the bad one.
    const checked = catalog.calls.filter((c) => c.startsWith('checkNameAvailability'));
    expect(checked[0]).toBe('checkNameAvailability:taken');
    expect(checked.every((c) => c.startsWith('checkNameAvailability:taken'))).toBe(true);
    expect(panel.ofType('form.serverNameAvailability')).toEqual([
      expect.objectContaining({ serverName: 'Bad_Name', available: false, message: 'Server name can contain only lowercase letters, numbers and hyphens.' }),
      expect.objectContaining({ serverName: 'taken', available: false, message: 'Already exists.' }),
    ]);
  });

  it('validates the request again and names every broken rule, without creating anything', async () => {
    await openForm();
    panel.send({ type: 'form.submit', request: { ...validRequest(), serverName: '-x', adminLogin: 'admin', confirmPassword: 'other' } });
    await settle();
    expect(tracker.created).toHaveLength(0);
    expect(panel.ofType('form.rejected')[0].errors).toMatchObject({
      serverName: ['Server name must be 3 to 63 characters long.', 'Server name cannot start or end with a hyphen.'],
      adminLogin: [expect.stringContaining('reserved name')],
      confirmPassword: ['Passwords do not match.'],
    });
  });

  it.each(['-a', 'a-'])('names both rules %j breaks, the length and the hyphen', async (serverName) => {
    await openForm();
    panel.send({ type: 'form.submit', request: validRequest({ serverName }) });
    await settle();
    expect(tracker.created).toHaveLength(0);
    expect(panel.ofType('form.rejected')).toEqual([
      { type: 'form.rejected', errors: { serverName: ['Server name must be 3 to 63 characters long.', 'Server name cannot start or end with a hyphen.'] } },
    ]);
  });

  it('refuses a password that contains the admin login, in any case, and never logs it', async () => {
    await openForm();
    const password = 'x-ADA-Passw0rd!';
    panel.send({ type: 'form.submit', request: validRequest({ adminPassword: password, confirmPassword: password }) });
    await settle();
    expect(tracker.created).toHaveLength(0);
    expect(panel.ofType('form.rejected')).toEqual([{ type: 'form.rejected', errors: { adminPassword: [LOGIN_IN_PASSWORD_MESSAGE] } }]);
    expect(log.lines.join('\n')).not.toContain(password);
  });

  it('refuses unknown fields at any depth, names them on the form and in the log, never their values', async () => {
    await openForm();
    const request = validRequest();
    panel.send({
      type: 'form.submit',
      request: { ...request, sku: PASSWORD, resourceGroup: { ...request.resourceGroup, tags: { owner: PASSWORD } }, firewall: { ...request.firewall, allowAll: true } },
    });
    await settle();
    expect(tracker.created).toHaveLength(0);
    expect(panel.ofType('form.rejected')).toEqual([
      {
        type: 'form.rejected',
        errors: {
          sku: ["The create request has no field 'sku'."],
          'resourceGroup.tags': ["The create request has no field 'resourceGroup.tags'."],
          'firewall.allowAll': ["The create request has no field 'firewall.allowAll'."],
        },
      },
    ]);
    expect(log.lines.filter((l) => l.startsWith('warn Rejected a create request'))).toEqual(['warn Rejected a create request: resourceGroup.tags, firewall.allowAll, sku']);
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('logs at most a bounded list of unknown fields, however many a page sends', async () => {
    await openForm();
    const junk = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`${'x'.repeat(5_000)}${i}`, i]));
    panel.send({ type: 'form.submit', request: { ...validRequest(), ...junk } });
    await settle();
    expect(tracker.created).toHaveLength(0);
    const [line] = log.lines.filter((l) => l.startsWith('warn Rejected a create request'));
    expect(line).toMatch(/ and 480 more$/);
    expect(line.length).toBeLessThan(3_000);
  });

  it('does not trust the tenant, the client IP or the Entra administrator from the webview', async () => {
    await openFilledForm();
    panel.send({ type: 'form.submit', request: { ...validRequest(), tenantId: 'other-tenant' } });
    await settle();
    panel.send({ type: 'form.submit', request: { ...validRequest(), firewall: { allowAzureServices: false, clientIp: '198.51.100.1' } } });
    await settle();
    expect(tracker.created).toHaveLength(0);
    expect(panel.ofType('form.rejected').map((m) => Object.keys(m.errors))).toEqual([['subscriptionId'], ['firewall.clientIp']]);

    // An administrator no search of this panel found: refused, not swapped for another.
    const intruder = { objectId: 'attacker', principalName: 'mallory@evil.example', principalType: 'User' as const };
    panel.send({ type: 'form.submit', request: { ...validRequest(), authenticationMode: 'Hybrid', entraAdmin: intruder } });
    await settle();
    expect(tracker.created).toHaveLength(0);
    expect(panel.ofType('form.rejected').at(-1)?.errors).toEqual({ entraAdmin: ['Choose the Microsoft Entra administrator from the search results, or yourself.'] });
    // The signed-in user named with a made-up name is deployed under the name the host read.
    panel.send({ type: 'form.submit', request: { ...validRequest(), authenticationMode: 'Hybrid', entraAdmin: { ...PRINCIPAL, principalName: 'renamed@evil.example' } } });
    await settle();
    expect(tracker.created).toHaveLength(1);
    expect(tracker.created[0].entraAdmin).toEqual(PRINCIPAL);
  });

  it('hands the password to the tracker only, and never posts or logs it', async () => {
    await openFilledForm();
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    expect(tracker.created[0].adminPassword).toBe(PASSWORD);
    // Once from the tracker, once more with the deployment operations (the panel is visible).
    expect(panel.ofType('progress.update')).toHaveLength(2);
    expect(panel.title).toBe('Provisioning pg-dev-1');

    // Malformed and invalid messages carrying the password are logged without it.
    panel.send({ type: 'form.submit', request: validRequest(), adminPassword: PASSWORD });
    panel.send({ type: 'form.submit', request: { ...validRequest(), adminLogin: 'root' } });
    await settle();
    expect(JSON.stringify(panel.posted)).not.toContain(PASSWORD);
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('accepts one create per panel', async () => {
    await openFilledForm();
    panel.send({ type: 'form.submit', request: validRequest() });
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    expect(tracker.created).toHaveLength(1);
  });

  it('shows a preflight error on its field', async () => {
    tracker.createError = new PreflightError('serverName', "The name 'pg-dev-1' is already taken.");
    await openFilledForm();
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    expect(panel.ofType('form.rejected')).toEqual([{ type: 'form.rejected', errors: { serverName: ["The name 'pg-dev-1' is already taken."] } }]);
  });

  it("shows Azure's refusal of the request as a whole above the form, and logs no word of it", async () => {
    tracker.createError = new PreflightError(undefined, "Azure's validation refused this server: An Azure Policy assignment ('No public PostgreSQL servers') denies this server.");
    await openFilledForm();
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    expect(panel.ofType('form.rejected')).toEqual([
      { type: 'form.rejected', errors: {}, message: "Azure's validation refused this server: An Azure Policy assignment ('No public PostgreSQL servers') denies this server." },
    ]);
    expect(log.lines.join('\n')).toContain("Rejected a create request: Azure's validation refused it");
    expect(log.lines.join('\n')).not.toContain('No public PostgreSQL servers');
  });

  it("shows the tracker's own validation errors on their fields", async () => {
    tracker.createError = new CreateRequestInvalidError({ storageSizeGB: ['Choose a storage size.'] });
    await openFilledForm();
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    expect(panel.ofType('form.rejected')).toEqual([{ type: 'form.rejected', errors: { storageSizeGB: ['Choose a storage size.'] } }]);
  });

  it('retries only its own failed deployment', async () => {
    await openFilledForm();
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    panel.send({ type: 'progress.retry', stagingId: 'staging-1' });
    const view = tracker.getDeployment('staging-1');
    tracker.put({ value: 'failed', context: { ...view!.context, status: 'failed' } });
    panel.send({ type: 'progress.retry', stagingId: 'staging-99' });
    panel.send({ type: 'progress.retry', stagingId: 'staging-1' });
    await settle();
    expect(tracker.retried).toEqual(['staging-1']);
    expect(log.lines.filter((l) => l.includes('Rejected a retry'))).toHaveLength(2);
  });

  it('retries its canceled deployment as it does a failed one', async () => {
    await openFilledForm();
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    const view = tracker.getDeployment('staging-1');
    tracker.put({ value: 'canceled', context: { ...view!.context, status: 'canceled' } });
    panel.send({ type: 'progress.retry', stagingId: 'staging-1' });
    await settle();
    expect(tracker.retried).toEqual(['staging-1']);
  });

  it('tells the user when Retry is refused (another window works on the deployment)', async () => {
    const window = new FakeWindow();
    await openCreatePanel({ tracker, catalog, log, panel, window });
    await chooseSubscriptionAndLocation(panel);
    panel.send({ type: 'form.submit', request: validRequest() });
    await settle();
    const view = tracker.getDeployment('staging-1')!;
    tracker.put({ value: 'failed', context: { ...view.context, status: 'failed' } });
    tracker.retryRefusal = new Error('Another VS Code window is working on this deployment. Try again in a moment.');
    panel.send({ type: 'progress.retry', stagingId: 'staging-1' });
    await settle();
    expect(window.warnings).toEqual(['Retry did not start: Another VS Code window is working on this deployment. Try again in a moment.']);
  });
});
