import { describe, expect, it } from 'vitest';
import { bindDeploymentStatusBar, type StatusBarLike } from '../../../src/deployments/deploymentStatusBar';
import { deploymentContext } from '../../support/connectionFakes';
import { FakeDeploymentTracker } from '../../support/fakeDeploymentTracker';

class FakeStatusBar implements StatusBarLike {
  text = '';
  tooltip: unknown;
  command: unknown;
  visible = false;
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
}

describe('the deployment status bar item', () => {
  it('shows while anything deploys, counts the servers and opens the Deployments view', () => {
    const tracker = new FakeDeploymentTracker([deploymentContext({ stagingId: 'a', status: 'failed' })]);
    const bar = new FakeStatusBar();
    const subscription = bindDeploymentStatusBar(bar, tracker.deployments$, () => false);
    expect(bar.visible).toBe(false);
    expect(bar.command).toBe('pgsql.flexProvisioning.showDeployments');

    tracker.set([deploymentContext({ stagingId: 'a', status: 'deploying' }), deploymentContext({ stagingId: 'b', status: 'pending' }), deploymentContext({ stagingId: 'c', status: 'failed' })]);
    expect([bar.visible, bar.text]).toEqual([true, '$(sync~spin) Provisioning 2 servers…']);

    tracker.set([deploymentContext({ stagingId: 'a', status: 'deploying' })]);
    expect(bar.text).toBe('$(sync~spin) Provisioning 1 server…');

    tracker.set([deploymentContext({ stagingId: 'a', status: 'succeeded' })]);
    expect(bar.visible).toBe(false);
    subscription.unsubscribe();
  });

  it('holds its icon still for a user who asked for reduced motion, read at each change', () => {
    const tracker = new FakeDeploymentTracker([deploymentContext({ stagingId: 'a', status: 'deploying' })]);
    const bar = new FakeStatusBar();
    let reduce = true;
    const subscription = bindDeploymentStatusBar(bar, tracker.deployments$, () => reduce);
    expect(bar.text).toBe('$(sync) Provisioning 1 server…');

    reduce = false;
    tracker.set([deploymentContext({ stagingId: 'a', status: 'deploying' }), deploymentContext({ stagingId: 'b', status: 'deploying' })]);
    expect(bar.text).toBe('$(sync~spin) Provisioning 2 servers…');
    subscription.unsubscribe();
  });
});
