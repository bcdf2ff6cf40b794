import * as l10n from '../../machines/l10n';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeploymentOperationView } from '../../machines/flexDeployment/catalog';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { ProvisioningProgress, TAKING_LONGER_MESSAGE } from '../../webview-ui/createServer/ProvisioningProgress';
import { FakeHost, fromHost } from './support/fakeHost';
import { context, deploying, SERVER, T0 } from './support/deployments';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

const MIN = 60_000;

const estimate = { medianMs: 6 * MIN, p90Ms: 8 * MIN, sampleSize: 4, scope: 'sameRegionAndTier' as const };

function stages(): string[] {
  return screen.getAllByRole('listitem').map((li) => `${li.querySelector('.stage-label')?.textContent}:${li.dataset.status}`);
}

function show(view: DeploymentView, operations: DeploymentOperationView[] = [], now = T0 + 2 * MIN, est: typeof estimate | null = estimate, onRetry = () => {}) {
  render(<ProvisioningProgress deployment={view} operations={operations} estimate={est ?? undefined} now={now} onRetry={onRetry} onCancel={() => {}} onNextStep={() => {}} />);
}

afterEach(cleanup);

describe('the progress view', () => {
  it('walks the stages from ARM operations, with a spinner on the current one and times on finished ones', () => {
    show(deploying(), [
      { resourceType: SERVER, resourceName: 'pg-dev-1', provisioningState: 'Succeeded', timestamp: '2026-01-01T10:04:00Z' },
      { resourceType: `${SERVER}/firewallRules`, resourceName: 'AllowAzure', provisioningState: 'Running' },
    ]);
    expect(stages()).toEqual([
      'Queued:done', 'Creating server:done', 'Firewall rules:current', 'Microsoft Entra administrator:waiting', 'Ready:waiting',
    ]);
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);
    expect(screen.getAllByRole('listitem')[1].querySelector('time')?.getAttribute('datetime')).toBe('2026-01-01T10:04:00.000Z');
    expect(screen.getAllByRole('listitem')[2].querySelector('time')).toBeNull();
  });

  it('has a firewall stage for custom ranges alone, and none for a server without public access', () => {
    const withRequest = (request: Partial<NonNullable<DeploymentContext['request']>>) => deploying({ request: { ...context().request!, ...request } });
    const ranges = [{ name: 'office', startIpAddress: '198.51.100.0', endIpAddress: '198.51.100.255' }];
    show(withRequest({ firewall: { allowAzureServices: false, ranges } }));
    expect(stages()).toContain('Firewall rules:waiting');
    cleanup();
    show(withRequest({ networkAccess: 'None', firewall: { allowAzureServices: false, ranges: [] } }));
    expect(stages()).toEqual(['Queued:done', 'Creating server:current', 'Microsoft Entra administrator:waiting', 'Ready:waiting']);
  });

  it('shows elapsed time and the ETA from history', () => {
    show(deploying());
    expect(screen.getByText(/Elapsed 2:00/)).toBeTruthy();
    expect(screen.getByText(/About 4:00 remaining \(typical for 4 earlier deployments like this one\)/)).toBeTruthy();
    expect(screen.queryByText(TAKING_LONGER_MESSAGE)).toBeNull();
  });

  it('shows no ETA without history', () => {
    show(deploying(), [], T0 + 2 * MIN, null);
    expect(screen.getByText(/Elapsed 2:00/)).toBeTruthy();
    expect(screen.queryByText(/remaining/)).toBeNull();
  });

  it('says it takes longer than usual past the 90th percentile', () => {
    show(deploying(), [], T0 + 9 * MIN);
    expect(screen.getByRole('status').textContent).toBe(TAKING_LONGER_MESSAGE);
  });

  it('says since when Azure could not be checked, and that it goes on', () => {
    render(<ProvisioningProgress deployment={deploying({ unchecked: { since: T0 + 3 * MIN, reason: 'signed out of Azure' } })} operations={[]} now={T0 + 5 * MIN} onRetry={() => {}} onCancel={() => {}} onNextStep={() => {}} />);
    const note = screen.getByText(/Azure could not be checked since/);
    expect(note.textContent).toContain(l10n.formatTime(T0 + 3 * MIN));
    expect(note.textContent).toContain('(signed out of Azure)');
    expect(note.textContent).toContain('checked again as soon as Azure can be read');
  });

  it('says it takes longer than usual after ten minutes without history', () => {
    show(deploying(), [], T0 + 10 * MIN + 1_000, null);
    expect(screen.getByText(TAKING_LONGER_MESSAGE)).toBeTruthy();
  });

  it("shows ARM's error and a Retry on failure", () => {
    const onRetry = vi.fn();
    const view: DeploymentView = {
      value: 'failed',
      context: context({
        status: 'failed',
        terminalAt: T0 + 3 * MIN,
        armError: { code: 'RegionIsOfferRestricted', message: 'Subscriptions are restricted from provisioning in this region.' },
      }),
    };
    show(view, [{ resourceType: SERVER, resourceName: 'pg-dev-1', provisioningState: 'Failed', timestamp: '2026-01-01T10:05:30Z' }], T0 + 20 * MIN, estimate, onRetry);
    expect(screen.getByRole('alert').textContent).toContain('Subscriptions are restricted from provisioning in this region. (RegionIsOfferRestricted)');
    // A code without guidance: ARM's words alone, no advice and no link.
    expect(screen.getByRole('alert').querySelector('.guidance')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(stages()[1]).toBe('Creating server:failed');
    // When it failed, in words too: the stage's icon is hidden from screen readers.
    const failedAt = screen.getAllByRole('listitem')[1].querySelector('time');
    expect(failedAt?.getAttribute('datetime')).toBe('2026-01-01T10:05:30.000Z');
    expect(failedAt?.textContent).toBe(`failed at ${l10n.formatTime('2026-01-01T10:05:30Z')}`);
    expect(screen.queryByText(TAKING_LONGER_MESSAGE)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("says what to do under ARM's own words, with the page to go to", () => {
    const failed = (armError: DeploymentContext['armError']): DeploymentView => ({
      value: 'failed',
      context: context({ status: 'failed', terminalAt: T0 + 3 * MIN, location: 'swedencentral', armError }),
    });
    show(failed({ code: 'QuotaExceeded', message: "Operation could not be completed as it results in exceeding approved vCore quota in location 'swedencentral'." }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("exceeding approved vCore quota in location 'swedencentral'. (QuotaExceeded)");
    expect(alert.querySelector('.guidance')?.textContent).toBe(
      "The subscription's vCore quota for PostgreSQL flexible servers in swedencentral is used up. Request more quota, or Retry with a smaller compute size or in another region. Request More Quota",
    );
    expect(screen.getByRole('link', { name: 'Request More Quota' }).getAttribute('href')).toBe(
      'https://learn.microsoft.com/azure/postgresql/flexible-server/how-to-request-quota-increase',
    );
    cleanup();

    show(failed({ code: 'InternalServerError', message: "An unexpected error occured while processing the request. Tracking ID: 'abc'" }));
    expect(screen.getByRole('alert').querySelector('.guidance')?.textContent).toBe("This is a temporary problem on Azure's side. Retry.");
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows the finished server with every stage done and the total time', () => {
    show({ value: { succeeded: 'dashboardOpened' }, context: context({ status: 'succeeded', terminalAt: T0 + 7 * MIN }) }, [], T0 + 30 * MIN);
    expect(stages().every((s) => s.endsWith(':done'))).toBe(true);
    expect(screen.getByText('Server pg-dev-1 is ready.')).toBeTruthy();
    expect(screen.getByText(/Elapsed 7:00/)).toBeTruthy();
  });
});

describe('cancelling from the progress view', () => {
  it('offers Cancel Deployment only while ARM deploys', () => {
    show(deploying());
    expect(screen.getByRole('button', { name: 'Cancel Deployment' })).toBeTruthy();
    cleanup();
    show({ value: 'pending', context: context({ status: 'pending', audit: [] }) });
    expect(screen.queryByRole('button', { name: 'Cancel Deployment' })).toBeNull();
  });

  it('shows a deployment waiting to be tried again as still running and cancelable, saying why and when the next attempt is', () => {
    const transientRetry = { failedAttempts: 1, error: { code: 'InternalServerError', message: 'An unexpected error occured.' }, retryAt: T0 + 2 * MIN + 45_000 };
    show({ value: 'retryingTransient', context: context({ status: 'retryingTransient', transientRetry }) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Provisioning pg-dev-1');
    expect(screen.getByText('Azure reported a temporary error (InternalServerError); trying again in 45 s, attempt 2 of 3.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel Deployment' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
    show(deploying({ transientRetry: { ...transientRetry, resubmittedAt: T0 + MIN } }));
    expect(screen.getByText('Azure reported a temporary error (InternalServerError) on the last attempt; this is attempt 2 of 3.')).toBeTruthy();
  });

  it('shows cancelling as still running, and says when the cancel got no answer', () => {
    const cancelling = (cancellation: DeploymentContext['cancellation']): DeploymentView => ({ value: 'cancelling', context: context({ status: 'cancelling', cancellation }) });
    show(cancelling({ requestedAt: T0 + MIN }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Cancelling pg-dev-1');
    expect(screen.getByText(/Cancelling: Azure stops the deployment/)).toBeTruthy();
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Cancel Deployment' })).toBeNull();
    cleanup();
    show(cancelling({ requestedAt: T0 + MIN, unanswered: { at: T0 + MIN, reason: 'HTTP 503' } }));
    expect(screen.getByText(/Azure did not answer the cancel \(HTTP 503\)/)).toBeTruthy();
  });

  it('shows a canceled deployment as canceled, not failed: where it stopped, what stays, and Retry', () => {
    const onRetry = vi.fn();
    const view: DeploymentView = { value: 'canceled', context: context({ status: 'canceled', terminalAt: T0 + 3 * MIN }) };
    show(view, [{ resourceType: SERVER, resourceName: 'pg-dev-1', provisioningState: 'Succeeded' }, { resourceType: `${SERVER}/firewallRules`, resourceName: 'AllowAzure', provisioningState: 'Canceled' }], T0 + 20 * MIN, estimate, onRetry);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Provisioning pg-dev-1 canceled');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/stay in resource group rg-dev/)).toBeTruthy();
    expect(stages().slice(0, 3)).toEqual(['Queued:done', 'Creating server:done', 'Firewall rules:canceled']);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('sends Cancel for its deployment to the host, which confirms', () => {
    const host = new FakeHost();
    render(<CreateServerApp host={host} />);
    fromHost({ type: 'progress.update', stagingId: 'staging-1', deployment: deploying(), operations: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel Deployment' }));
    expect(host.ofType('progress.cancel')).toEqual([{ type: 'progress.cancel', stagingId: 'staging-1' }]);
  });
});

describe('the create panel in progress', () => {
  it('keeps only the stagingId in webview state and sends Retry for its deployment', () => {
    const host = new FakeHost();
    render(<CreateServerApp host={host} />);
    fromHost({ type: 'progress.update', stagingId: 'staging-1', deployment: { value: 'failed', context: context({ status: 'failed' }) }, operations: [] });
    expect(host.states).toEqual([{ stagingId: 'staging-1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(host.ofType('progress.retry')).toEqual([{ type: 'progress.retry', stagingId: 'staging-1' }]);
  });
});
