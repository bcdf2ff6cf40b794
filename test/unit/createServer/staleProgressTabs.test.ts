import { beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../../machines/webview/deploymentView';
import { CreateServerPanels } from '../../../src/createServer/createServerPanels';
import type { CreatePanelTracker } from '../../../src/createServer/ports';
import { ProgressFeed } from '../../../src/createServer/progressFeed';
import { toRecord } from '../../../src/services/flexDeployment/deploymentRecord';
import { TrackedRecords } from '../../../src/services/flexDeployment/trackedRecords';
import {
  chooseSubscriptionAndLocation,
  deploymentContext,
  FakeCatalog,
  FakeLog,
  FakePanel,
  FakeRegistrar,
  FakeServerActions,
  FakeTracker,
  FakeWindow,
  openProgressPanel,
  settle,
  validRequest,
} from './fakes';

let tracker: FakeTracker;
let log: FakeLog;
let panel: FakePanel;

beforeEach(() => {
  tracker = new FakeTracker();
  log = new FakeLog();
  panel = new FakePanel();
});

const view = (value: DeploymentView['value'], overrides: Partial<DeploymentContext> = {}): DeploymentView => ({
  value,
  context: deploymentContext({ status: typeof value === 'string' ? (value as DeploymentContext['status']) : 'succeeded', ...overrides }),
});

async function update(next: DeploymentView): Promise<void> {
  tracker.put(next);
  await settle();
}

describe("a progress tab's title", () => {
  it('follows the deployment through every outcome', async () => {
    await openProgressPanel({ tracker, log, panel }, view('deploying'));
    const titles = [panel.title];
    for (const next of [
      view('cancelling', { cancellation: { requestedAt: 2_000 } }),
      view('deploying'),
      view({ succeeded: 'creatingProfile' }),
      view({ succeeded: 'dashboardOpened' }),
    ]) {
      await update(next);
      titles.push(panel.title);
    }
    expect(titles).toEqual(['Provisioning pg-dev-1', 'Cancelling pg-dev-1', 'Provisioning pg-dev-1', 'pg-dev-1 is ready', 'pg-dev-1 is ready']);
  });

  it('says a failure or a cancel, and that it was retried', async () => {
    await openProgressPanel({ tracker, log, panel }, view('failed'));
    expect(panel.title).toBe('Provisioning pg-dev-1 failed');
    await update(view('failed', { retryRequestedAt: 3_000 }));
    expect(panel.title).toBe('Provisioning pg-dev-1 failed (retried)');
    await update(view('canceled'));
    expect(panel.title).toBe('Provisioning pg-dev-1 canceled');
    await update(view('canceled', { retryRequestedAt: 3_000 }));
    expect(panel.title).toBe('Provisioning pg-dev-1 canceled (retried)');
  });

  it('opens from Show Progress already titled as the deployment stands', () => {
    const window = new FakeWindow();
    const panels = new CreateServerPanels({ tracker, catalog: new FakeCatalog(), log, window, serverActions: new FakeServerActions(), registrar: new FakeRegistrar() });
    tracker.put(view('failed'));
    panels.showProgress('staging-1');
    expect(window.panels[0].title).toBe('Provisioning pg-dev-1 failed');
  });
});

describe('a progress tab whose deployment the tracker let go', () => {
  const other = view('deploying', { stagingId: 'staging-2', serverName: 'pg-other' });

  it('says so when its record is dismissed, and keeps the other deployments out of it', async () => {
    tracker.put(other);
    await openProgressPanel({ tracker, log, panel }, view('failed'));
    const updates = panel.ofType('progress.update').length;
    // A dismissal removes one record; the tracker's stream of it falls silent.
    tracker.views.next([other]);
    await settle();
    expect(panel.ofType('progress.unknown')).toEqual([{ type: 'progress.unknown', stagingId: 'staging-1' }]);
    expect(panel.title).toBe('pg-dev-1: no longer tracked');
    await update({ ...other, context: { ...other.context, lastCheckedAt: 9_000 } });
    expect(panel.ofType('progress.update')).toHaveLength(updates);
    expect(panel.ofType('progress.unknown')).toHaveLength(1);
  });

  it('says so when every record is cleared', async () => {
    await openProgressPanel({ tracker, log, panel }, view({ succeeded: 'profileCreated' }));
    tracker.views.next([]);
    await settle();
    expect(panel.ofType('progress.unknown')).toHaveLength(1);
    expect(panel.title).toBe('pg-dev-1: no longer tracked');
  });

  it('refuses its Retry and Cancel once it is gone', async () => {
    const window = new FakeWindow();
    await openProgressPanel({ tracker, log, panel, window }, view('failed'));
    tracker.views.next([]);
    panel.send({ type: 'progress.retry', stagingId: 'staging-1' });
    await settle();
    expect(tracker.retried).toEqual([]);
    expect(log.lines.filter((l) => l.includes('Rejected a retry for staging-1'))).toHaveLength(1);

    const running = new FakePanel();
    await openProgressPanel({ tracker, log, panel: running, window }, view('deploying'));
    tracker.views.next([]);
    running.send({ type: 'progress.cancel', stagingId: 'staging-1' });
    await settle();
    expect(window.cancels).toEqual([]);
    expect(log.lines.filter((l) => l.includes('Rejected a cancel for staging-1'))).toHaveLength(1);
  });

  it('does not come back to life when shown again, and tells a reloaded webview the same', async () => {
    await openProgressPanel({ tracker, log, panel }, view('failed'));
    tracker.views.next([]);
    await settle();
    panel.setVisible(false);
    panel.setVisible(true);
    const before = panel.posted.length;
    panel.send({ type: 'ready' });
    await settle();
    expect(panel.posted.slice(before).map((m) => m.type)).toEqual(['progress.update', 'progress.unknown']);
    expect(panel.title).toBe('pg-dev-1: no longer tracked');
  });

  it('stays gone when an operations read that started before ends after', async () => {
    const catalog = new FakeCatalog();
    let answer: (ops: []) => void = () => undefined;
    catalog.listDeploymentOperations = () => new Promise((resolve) => (answer = resolve));
    tracker.put(view('deploying'));
    new ProgressFeed('staging-1', panel, { tracker, catalog, log });
    await settle();
    tracker.views.next([]);
    await settle();
    const before = panel.posted.length;
    answer([]);
    await settle();
    expect(panel.posted.slice(before)).toEqual([]);
    expect(panel.title).toBe('pg-dev-1: no longer tracked');
  });

  it('is live again if the record comes back (another window wrote it again)', async () => {
    await openProgressPanel({ tracker, log, panel }, view('deploying'));
    tracker.views.next([]);
    await settle();
    await update(view('deploying', { lastCheckedAt: 5_000 }));
    expect(panel.ofType('progress.update').at(-1)?.deployment.context.lastCheckedAt).toBe(5_000);
    expect(panel.title).toBe('Provisioning pg-dev-1');
    // And it can go again, said again.
    tracker.views.next([]);
    await settle();
    expect(panel.ofType('progress.unknown')).toHaveLength(2);
  });

  it('is not taken for gone before the tracker has published it', async () => {
    const late = view('deploying');
    // The record is known to getDeployment but not yet in the published list, as in the tracker's first tick.
    tracker.getDeployment = (id) => (id === 'staging-1' ? late : undefined);
    await openProgressPanel({ tracker, log, panel }, late);
    tracker.views.next([other]);
    await settle();
    expect(panel.ofType('progress.unknown')).toEqual([]);
  });
});

describe("a progress tab over the tracker's own records", () => {
  function trackerOver(records: TrackedRecords): CreatePanelTracker {
    return {
      create: () => Promise.reject(new Error('not in this test')),
      retry: () => Promise.reject(new Error('not in this test')),
      whenRehydrated: () => Promise.resolve(),
      deployments$: records.deployments$,
      deployment$: (id) => records.view$(id),
      getDeployment: (id) => records.view(id),
    };
  }

  it.each([
    // The dismissed state is final: the tracker deletes the record. Clear All drops every one.
    ['dismissed', (records: TrackedRecords) => records.delete('staging-1')],
    ['cleared', (records: TrackedRecords) => records.clear()],
  ])('learns its deployment was %s, though the stream of that one deployment only falls silent', async (_how, letGo) => {
    const records = new TrackedRecords();
    records.set(toRecord('failed', deploymentContext({ status: 'failed' })));
    records.set(toRecord('deploying', deploymentContext({ stagingId: 'staging-2' })));
    // Made before the records are published, as a panel opened in the tick that staged them.
    new ProgressFeed('staging-1', panel, { tracker: trackerOver(records), catalog: new FakeCatalog(), log });
    const stream: string[] = [];
    records.view$('staging-1').subscribe({ next: () => stream.push('next'), complete: () => stream.push('complete') });
    await settle();
    expect(panel.ofType('progress.update')).not.toHaveLength(0);
    expect(panel.ofType('progress.unknown')).toEqual([]);
    stream.length = 0;

    letGo(records);
    await settle();
    expect(stream).toEqual([]);
    expect(panel.ofType('progress.unknown')).toEqual([{ type: 'progress.unknown', stagingId: 'staging-1' }]);
    expect(panel.title).toBe('pg-dev-1: no longer tracked');
  });
});

describe('a tab restored after a reload', () => {
  it('is titled as its deployment stands', async () => {
    const panels = new CreateServerPanels({ tracker, catalog: new FakeCatalog(), log, window: new FakeWindow(), serverActions: new FakeServerActions(), registrar: new FakeRegistrar() });
    tracker.put(view('failed'));
    await panels.restore(panel, { stagingId: 'staging-1' });
    expect(panel.title).toBe('Provisioning pg-dev-1 failed');
  });

  it('says its deployment is no longer tracked, dismissed or cleared meanwhile, and never turns into an empty form', async () => {
    const panels = new CreateServerPanels({ tracker, catalog: new FakeCatalog(), log, window: new FakeWindow(), serverActions: new FakeServerActions(), registrar: new FakeRegistrar() });
    await panels.restore(panel, { stagingId: 'staging-gone' });
    panel.send({ type: 'ready' });
    await settle();
    expect(panel.title).toBe('Deployment no longer tracked');
    expect(panel.ofType('progress.unknown')).toEqual([{ type: 'progress.unknown', stagingId: 'staging-gone' }]);
    expect(panel.ofType('form.init')).toEqual([]);
  });
});

describe('a stale button', () => {
  it('does not cancel a deployment that has ended since the panel showed Cancel', async () => {
    const window = new FakeWindow();
    await openProgressPanel({ tracker, log, panel, window }, view('deploying'));
    await update(view('failed'));
    panel.send({ type: 'progress.cancel', stagingId: 'staging-1' });
    await settle();
    expect(window.cancels).toEqual([]);
    expect(log.lines.filter((l) => l.includes('Rejected a cancel for staging-1'))).toHaveLength(1);
  });
});

describe('a retried deployment in its old tab', () => {
  it('no longer retries: the form it reopened is where the new attempt goes', async () => {
    await openProgressPanel({ tracker, log, panel }, view('failed', { retryRequestedAt: 3_000 }));
    panel.send({ type: 'progress.retry', stagingId: 'staging-1' });
    await settle();
    expect(tracker.retried).toEqual([]);
    expect(log.lines.filter((l) => l.includes('Rejected a retry for staging-1'))).toHaveLength(1);
  });
});

describe('Show Progress of a deployment that has a tab', () => {
  it('reveals the form tab that created it instead of opening a second one', async () => {
    const window = new FakeWindow();
    const panels = new CreateServerPanels({ tracker, catalog: new FakeCatalog(), log, window, serverActions: new FakeServerActions(), registrar: new FakeRegistrar() });
    panels.openForm();
    const form = window.panels[0];
    form.send({ type: 'ready' });
    await settle();
    await chooseSubscriptionAndLocation(form);
    form.send({ type: 'form.submit', request: validRequest() });
    await settle();
    panels.showProgress('staging-1');
    panels.showProgress('staging-1');
    expect(window.panels).toHaveLength(1);
    expect(form.revealed).toBe(2);
  });
});
