import { beforeEach, describe, expect, it } from 'vitest';
import { CreateServerPanels } from '../../../src/createServer/createServerPanels';
import { deploymentContext, FakeCatalog, FakeRegistrar, FakeServerActions, FakeLog, FakePanel, FakeTracker, FakeWindow, PASSWORD, settle, SUBSCRIPTION, validRequest } from './fakes';
import { DEFAULT_SERVER_OPTIONS } from '../../../machines/flexDeployment/serverOptions';

let tracker: FakeTracker;
let window: FakeWindow;
let log: FakeLog;
let panels: CreateServerPanels;

beforeEach(() => {
  tracker = new FakeTracker();
  window = new FakeWindow();
  log = new FakeLog();
  panels = new CreateServerPanels({ tracker, catalog: new FakeCatalog(), log, window, serverActions: new FakeServerActions(), registrar: new FakeRegistrar() });
  tracker.put({ value: 'deploying', context: deploymentContext() });
});

describe('the create panels', () => {
  it('warns after a panel closed while its deployment runs, and Show Progress reopens it', async () => {
    window.answer = 'showProgress';
    panels.showProgress('staging-1');
    window.panels[0].dispose();
    await settle();
    expect(window.closeWarnings).toBe(1);
    expect(window.panels).toHaveLength(2);
    window.panels[1].send({ type: 'ready' });
    await settle();
    expect(window.panels[1].ofType('progress.update')[0].stagingId).toBe('staging-1');
  });

  it('cancels from the close warning through the one confirmed cancel, and reopens nothing', async () => {
    window.answer = 'cancelDeployment';
    panels.showProgress('staging-1');
    window.panels[0].dispose();
    await settle();
    expect(window.cancels).toEqual(['staging-1']);
    expect(window.panels).toHaveLength(1);
  });

  it("sends the progress panel's Cancel for its own deployment only", async () => {
    panels.showProgress('staging-1');
    window.panels[0].send({ type: 'progress.cancel', stagingId: 'staging-2' });
    window.panels[0].send({ type: 'progress.cancel', stagingId: 'staging-1' });
    await settle();
    expect(window.cancels).toEqual(['staging-1']);
  });

  it('lets the panel go on Continue in Background', async () => {
    panels.showProgress('staging-1');
    window.panels[0].dispose();
    await settle();
    expect(window.closeWarnings).toBe(1);
    expect(window.panels).toHaveLength(1);
  });

  it('does not warn once the deployment has finished, nor for a form that created nothing', async () => {
    panels.showProgress('staging-1');
    tracker.put({ value: { succeeded: 'dashboardOpened' }, context: deploymentContext({ status: 'succeeded' }) });
    window.panels[0].dispose();
    panels.openForm();
    window.panels[1].dispose();
    await settle();
    expect(window.closeWarnings).toBe(0);
  });

  it('reveals the open panel of a deployment instead of opening another', () => {
    panels.showProgress('staging-1');
    panels.showProgress('staging-1');
    expect(window.panels).toHaveLength(1);
    expect(window.panels[0].revealed).toBe(1);
  });

  it('refuses Show Progress for something that is not a tracked stagingId', () => {
    panels.showProgress({ stagingId: 'staging-1' });
    panels.showProgress('nope');
    expect(window.panels).toHaveLength(0);
    expect(window.warnings).toHaveLength(2);
  });

  it('brings a progress panel back on its deployment after a reload', async () => {
    const restored = new FakePanel();
    await panels.restore(restored, { stagingId: 'staging-1' });
    restored.send({ type: 'ready' });
    await settle();
    expect(restored.ofType('progress.update')).not.toHaveLength(0);
  });

  it('waits for activation to read the stored deployments before it restores a progress panel', async () => {
    const rehydrated = tracker.delayRehydration();
    const stored = deploymentContext({ stagingId: 'staging-2', serverName: 'pg-read-late' });
    const restored = new FakePanel();
    const restoring = panels.restore(restored, { stagingId: 'staging-2' });
    tracker.put({ value: 'deploying', context: stored });
    rehydrated();
    await restoring;
    restored.send({ type: 'ready' });
    await settle();
    expect(restored.ofType('progress.update')[0]?.stagingId).toBe('staging-2');
    expect(restored.ofType('form.init')).toHaveLength(0);
  });

  it('restores anything else as an empty form', async () => {
    const restored = new FakePanel();
    await panels.restore(restored, { stagingId: 42, adminPassword: PASSWORD });
    restored.send({ type: 'ready' });
    await settle();
    expect(restored.ofType('form.init')[0].prefill).toBeUndefined();
  });

  it('prefills a retry from the record, and strips a password from any prefill', async () => {
    // Each form is closed before the next opens: an open one would be refilled instead.
    const opens = [
      () => panels.openRetryForm(deploymentContext({ status: 'failed' })),
      () => panels.openForm({ serverName: 'pg-x', adminPassword: PASSWORD }),
      () => panels.openForm('garbage'),
    ];
    for (const open of opens) {
      open();
      const form = window.panels.at(-1)!;
      form.send({ type: 'ready' });
      await settle();
      form.dispose();
    }
    const prefills = window.panels.map((p) => p.ofType('form.init')[0].prefill);
    expect(prefills[0]).toMatchObject({ serverName: 'pg-dev-1', adminLogin: 'ada', tier: 'Burstable' });
    expect(prefills[1]).toEqual({ serverName: 'pg-x', networkAccess: 'Public', ...DEFAULT_SERVER_OPTIONS });
    expect(prefills[2]).toBeUndefined();
    expect(JSON.stringify(window.panels.map((p) => p.posted))).not.toContain(PASSWORD);
  });

  it('a Retry after the vCore quota ran out asks the form for a size smaller than the failed one; any other failure does not', async () => {
    const failures = [
      { code: 'QuotaExceeded', message: "…exceeding approved vCore quota… in location 'eastus'…" },
      { code: 'ServerNameAlreadyExists', message: 'Specified server name is already used by another server.' },
    ];
    for (const armError of failures) {
      panels.openRetryForm(deploymentContext({ status: 'failed', armError }));
      const form = window.panels.at(-1)!;
      form.send({ type: 'ready' });
      await settle();
      form.dispose();
    }
    const [quota, nameTaken] = window.panels.map((p) => p.ofType('form.init')[0].prefill);
    expect(quota).toMatchObject({ serverName: 'pg-dev-1', tier: 'Burstable', skuName: 'Standard_B1ms', quotaExceeded: { location: 'eastus', skuName: 'Standard_B1ms' } });
    expect(nameTaken).toMatchObject({ serverName: 'pg-dev-1', skuName: 'Standard_B1ms' });
    expect(nameTaken).not.toHaveProperty('quotaExceeded');
    expect(quota).not.toHaveProperty('skuNotAvailable');
    expect(nameTaken).not.toHaveProperty('skuNotAvailable');
    // Either retry names its server, and only ARM's refusal of the name says it already exists.
    expect(quota).toMatchObject({ retriedName: { serverName: 'pg-dev-1', resourceGroup: 'rg-dev', alreadyExists: false } });
    expect(nameTaken).toMatchObject({ retriedName: { serverName: 'pg-dev-1', resourceGroup: 'rg-dev', alreadyExists: true } });
  });

  it('a Retry after SkuNotAvailable asks the form to look for the locations that offer the refused size, tier and version', async () => {
    const request = { ...deploymentContext().request!, tier: 'GeneralPurpose' as const, skuName: 'Standard_D4ads_v5', version: '17' };
    panels.openRetryForm(deploymentContext({ status: 'failed', location: 'eastus', request, armError: { code: 'SkuNotAvailable', message: "The requested compute size 'Standard_D4ads_v5' is currently not available in location 'eastus'…" } }));
    const form = window.panels[0];
    form.send({ type: 'ready' });
    await settle();
    const prefill = form.ofType('form.init')[0].prefill;
    expect(prefill).toMatchObject({ location: 'eastus', skuName: 'Standard_D4ads_v5', skuNotAvailable: { location: 'eastus', tier: 'GeneralPurpose', skuName: 'Standard_D4ads_v5', version: '17' } });
    expect(prefill).not.toHaveProperty('quotaExceeded');
  });

  it('Retry while a form is open: that form comes to the front, refilled from the record; no second form', async () => {
    panels.openForm();
    const form = window.panels[0];
    form.send({ type: 'ready' });
    await settle();
    panels.openRetryForm(deploymentContext({ status: 'failed', serverName: 'pg-failed', request: { ...deploymentContext().request!, serverName: 'pg-failed' } }));
    await settle();
    expect(window.panels).toHaveLength(1);
    expect(form.revealed).toBe(1);
    expect(form.ofType('form.init').map((m) => m.prefill?.serverName)).toEqual([undefined, 'pg-failed']);
  });

  it('Retry before the open form has loaded: its first fill is the retry', async () => {
    panels.openForm();
    panels.openRetryForm(deploymentContext({ status: 'failed' }));
    window.panels[0].send({ type: 'ready' });
    await settle();
    expect(window.panels).toHaveLength(1);
    expect(window.panels[0].ofType('form.init').map((m) => m.prefill?.serverName)).toEqual(['pg-dev-1']);
  });

  it('Retry fills a form brought back after a reload, not a second one', async () => {
    const restored = new FakePanel();
    await panels.restore(restored, undefined);
    restored.send({ type: 'ready' });
    await settle();
    panels.openRetryForm(deploymentContext({ status: 'failed' }));
    await settle();
    expect(window.panels).toHaveLength(0);
    expect(restored.revealed).toBe(1);
    expect(restored.ofType('form.init').at(-1)?.prefill?.serverName).toBe('pg-dev-1');
  });

  it('the Create command brings the open form to the front and keeps what the user typed', async () => {
    panels.openForm();
    window.panels[0].send({ type: 'ready' });
    await settle();
    panels.openForm();
    await settle();
    expect(window.panels).toHaveLength(1);
    expect(window.panels[0].revealed).toBe(1);
    expect(window.panels[0].ofType('form.init')).toHaveLength(1);
  });

  it('a form that has created its server is its progress now: Retry opens a new form', async () => {
    panels.openForm();
    const first = window.panels[0];
    first.send({ type: 'ready' });
    await settle();
    first.send({ type: 'form.subscriptionSelected', subscriptionId: SUBSCRIPTION.subscriptionId });
    first.send({ type: 'form.locationSelected', subscriptionId: SUBSCRIPTION.subscriptionId, location: 'eastus' });
    await settle();
    first.send({ type: 'form.submit', request: { ...validRequest() } });
    await settle();
    expect(tracker.created).toHaveLength(1);
    panels.openRetryForm(deploymentContext({ status: 'failed' }));
    expect(window.panels).toHaveLength(2);
    expect(first.revealed).toBe(0);
  });

  it('leaves panels open and silent when the extension stops', async () => {
    panels.showProgress('staging-1');
    panels.dispose();
    window.panels[0].dispose();
    await settle();
    expect(window.closeWarnings).toBe(0);
  });
});
