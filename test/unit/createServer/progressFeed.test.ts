import { beforeEach, describe, expect, it } from 'vitest';
import { ProgressFeed } from '../../../src/createServer/progressFeed';
import { deploymentContext, FakeCatalog, FakeLog, FakePanel, FakeTracker, settle } from './fakes';

const MIN = 60_000;
let tracker: FakeTracker;
let catalog: FakeCatalog;
let panel: FakePanel;

beforeEach(() => {
  tracker = new FakeTracker();
  catalog = new FakeCatalog();
  panel = new FakePanel();
  tracker.put({ value: 'deploying', context: deploymentContext() });
});

function feed(): ProgressFeed {
  return new ProgressFeed('staging-1', panel, { tracker, catalog, log: new FakeLog() });
}

function tick(at: number): void {
  tracker.put({ value: 'deploying', context: deploymentContext({ lastCheckedAt: at }) });
}

describe('the progress feed', () => {
  it('reads deployment operations once per tracker update while the panel is visible', async () => {
    feed();
    await settle();
    tick(2);
    await settle();
    tick(3);
    await settle();
    expect(catalog.count('listDeploymentOperations')).toBe(3);
  });

  it('never reads operations while the panel is hidden, and reads once when it shows again', async () => {
    panel.visible = false;
    feed();
    tick(2);
    tick(3);
    await settle();
    expect(catalog.count('listDeploymentOperations')).toBe(0);
    // The mirror still follows the tracker, without ARM reads.
    expect(panel.ofType('progress.update').map((m) => m.deployment.context.lastCheckedAt)).toEqual([undefined, 2, 3]);
    panel.setVisible(true);
    await settle();
    expect(catalog.count('listDeploymentOperations')).toBe(1);
  });

  it('coalesces updates that arrive while a read is under way', async () => {
    feed();
    tick(2);
    tick(3);
    tick(4);
    await settle();
    expect(catalog.count('listDeploymentOperations')).toBe(2);
  });

  it('reads once more after the end, then stops', async () => {
    const f = feed();
    await settle();
    tracker.put({ value: 'failed', context: deploymentContext({ status: 'failed', terminalAt: 5 }) });
    await settle();
    tracker.put({ value: 'failed', context: deploymentContext({ status: 'failed', terminalAt: 5, lastCheckedAt: 6 }) });
    await settle();
    expect(catalog.count('listDeploymentOperations')).toBe(2);
    f.dispose();
    tick(7);
    await settle();
    expect(catalog.count('listDeploymentOperations')).toBe(2);
  });

  it('sends the estimate from other successful deployments, none without history', async () => {
    feed();
    await settle();
    expect(panel.ofType('progress.update')[0].estimate).toBeUndefined();
    tracker.put({ value: { succeeded: 'dashboardOpened' }, context: deploymentContext({ stagingId: 'old', status: 'succeeded', createdAt: 0, terminalAt: 5 * MIN }) });
    tick(2);
    await settle();
    expect(panel.ofType('progress.update').at(-1)?.estimate).toMatchObject({ medianMs: 5 * MIN, sampleSize: 1, scope: 'sameRegionAndTier' });
  });
});
