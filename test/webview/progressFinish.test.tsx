import * as l10n from '../../machines/l10n';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { CreateServerApp } from '../../webview-ui/createServer/CreateServerApp';
import { UNTRACKED_MESSAGE } from '../../webview-ui/createServer/ProvisioningProgress';
import { FakeHost, fromHost } from './support/fakeHost';
import { context, deploying, T0 } from './support/deployments';

vi.mock('../../webview-ui/elements', () => import('./support/vscodeElementsStub'));

afterEach(cleanup);

const STEPS = ['Connect', 'Open Dashboard', 'Copy Connection String', 'Open in Azure Portal'];

function succeeded(state: 'creatingProfile' | 'profileCreated' | 'dashboardOpened', overrides: Partial<DeploymentContext> = {}): DeploymentView {
  return { value: { succeeded: state }, context: context({ status: 'succeeded', terminalAt: T0 + 7 * 60_000, ...overrides }) };
}

function ended(value: 'failed' | 'canceled', overrides: Partial<DeploymentContext> = {}): DeploymentView {
  return { value, context: context({ status: value, terminalAt: T0 + 3 * 60_000, error: 'Quota exceeded.', ...overrides }) };
}

function panel(): FakeHost {
  const host = new FakeHost();
  render(<CreateServerApp host={host} />);
  return host;
}

function showing(deployment: DeploymentView): void {
  fromHost({ type: 'progress.update', stagingId: 'staging-1', deployment, operations: [] });
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
const button = (name: string) => screen.queryByRole<HTMLButtonElement>('button', { name });
const buttons = () => screen.queryAllByRole('button').map((b) => `${b.textContent}${(b as HTMLButtonElement).disabled ? ' (disabled)' : ''}`);

describe('the ready panel', () => {
  it('offers the next steps and sends each for its deployment', () => {
    const host = panel();
    showing(succeeded('profileCreated'));
    expect(heading()).toBe('pg-dev-1 is ready');
    expect(buttons()).toEqual(STEPS);
    for (const name of STEPS) fireEvent.click(button(name)!);
    expect(host.ofType('progress.nextStep')).toEqual(
      ['connect', 'openDashboard', 'copyConnectionString', 'openInPortal'].map((step) => ({ type: 'progress.nextStep', stagingId: 'staging-1', step })),
    );
  });

  it('is the same ready signal whether or not the dashboard opened by itself', () => {
    panel();
    showing(succeeded('dashboardOpened', { dashboardOpened: true }));
    const opened = { heading: heading(), ready: screen.getByText('Server pg-dev-1 is ready.').textContent, buttons: buttons() };
    cleanup();
    panel();
    // After a reload the dashboard does not open by itself (spec §9): the panel says the same.
    showing(succeeded('profileCreated', { inActiveSession: false }));
    expect({ heading: heading(), ready: screen.getByText('Server pg-dev-1 is ready.').textContent, buttons: buttons() }).toEqual(opened);
  });

  it('offers Connect and the dashboard only once the profile is saved, and not after the user removed it', () => {
    panel();
    showing(succeeded('creatingProfile'));
    expect(screen.getByText('Saving the connection profile…')).toBeTruthy();
    expect(buttons()).toEqual(['Connect (disabled)', 'Open Dashboard (disabled)', 'Copy Connection String', 'Open in Azure Portal']);
    showing(succeeded('profileCreated', { profileRemovedAt: T0 + 9 * 60_000 }));
    expect(buttons()).toEqual(['Connect (disabled)', 'Open Dashboard (disabled)', 'Copy Connection String', 'Open in Azure Portal']);
  });

  it('shows what was copied', () => {
    panel();
    showing(succeeded('profileCreated'));
    expect(screen.queryByText(/Copied to the clipboard/)).toBeNull();
    const copied = 'host=pg-dev-1.postgres.database.azure.com port=5432 dbname=postgres user=ada sslmode=require';
    fromHost({ type: 'progress.connectionStringCopied', stagingId: 'staging-1', connectionString: copied });
    expect(screen.getByRole('status').textContent).toBe(`Copied to the clipboard (no password in it): ${copied}`);
  });

  it('offers no next step before the server is ready, nor after a failure', () => {
    panel();
    showing(deploying());
    expect(buttons()).toEqual(['Cancel Deployment']);
    showing(ended('failed'));
    expect(buttons()).toEqual(['Retry', 'Delete Leftover Resources…']);
  });
});

describe('a panel whose deployment is no longer tracked', () => {
  it('says so, keeps what it showed, and offers no Retry', () => {
    panel();
    showing(ended('failed'));
    fromHost({ type: 'progress.unknown', stagingId: 'staging-1' });
    expect(heading()).toBe('pg-dev-1: no longer tracked');
    expect(screen.getByText(UNTRACKED_MESSAGE)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Quota exceeded.');
    expect(buttons()).toEqual([]);
    cleanup();
    panel();
    showing(ended('canceled'));
    fromHost({ type: 'progress.unknown', stagingId: 'staging-1' });
    expect(screen.getByText(/No connection profile was saved/)).toBeTruthy();
    expect(buttons()).toEqual([]);
  });

  it('offers no Cancel while it was running, nor a next step once it was ready', () => {
    panel();
    showing(deploying());
    fromHost({ type: 'progress.unknown', stagingId: 'staging-1' });
    expect(buttons()).toEqual([]);
    cleanup();
    panel();
    showing(succeeded('profileCreated'));
    fromHost({ type: 'progress.unknown', stagingId: 'staging-1' });
    expect(buttons()).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Next steps' })).toBeNull();
  });

  it('is live again when the host shows the deployment again', () => {
    panel();
    showing(ended('canceled'));
    fromHost({ type: 'progress.unknown', stagingId: 'staging-1' });
    showing(ended('canceled'));
    expect(heading()).toBe('Provisioning pg-dev-1 canceled');
    expect(screen.queryByText(UNTRACKED_MESSAGE)).toBeNull();
    expect(buttons()).toEqual(['Retry', 'Delete Leftover Resources…']);
  });

  it('restored without anything to show, says only that, and is no form', () => {
    panel();
    fromHost({ type: 'progress.unknown', stagingId: 'staging-1' });
    expect(screen.getByRole('main').textContent).toBe('This deployment is no longer tracked.');
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('a retried deployment in its old panel', () => {
  it.each(['failed', 'canceled'] as const)('is marked retried when %s, and offers Retry no more', (outcome) => {
    const host = panel();
    const retriedAt = T0 + 4 * 60_000;
    showing(ended(outcome, { retryRequestedAt: retriedAt }));
    expect(heading()).toBe(`Provisioning pg-dev-1 ${outcome} (retried)`);
    expect(screen.getByText(`Retried at ${l10n.formatTime(retriedAt)}: the create form opened again with these settings.`)).toBeTruthy();
    expect(button('Retry')).toBeNull();
    expect(host.ofType('progress.retry')).toEqual([]);
  });
});
