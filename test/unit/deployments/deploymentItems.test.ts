import * as l10n from '../../../machines/l10n';
import { describe, expect, it } from 'vitest';
import { deploymentItems, provisioningText } from '../../../src/deployments/deploymentItems';
import { formatElapsed } from '../../../src/deployments/formatElapsed';
import { deploymentContext } from '../../support/connectionFakes';
import { FakeDeploymentTracker } from '../../support/fakeDeploymentTracker';
import { DEPLOYMENT_COMMANDS } from '../../../src/commandIds';
import { treeItemCommands } from '../../support/contributedMenus';

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

describe('deploymentItems', () => {
  const tracker = new FakeDeploymentTracker([
    deploymentContext({ stagingId: 'old-ok', serverName: 'old', status: 'succeeded', createdAt: T0 - 40 * DAY, terminalAt: T0 - 40 * DAY + 60_000 }),
    deploymentContext({ stagingId: 'ok', serverName: 'fine', status: 'succeeded', createdAt: T0 - 2 * DAY, terminalAt: T0 - 2 * DAY + 371_000 }),
    deploymentContext({ stagingId: 'bad', serverName: 'broken', status: 'failed', createdAt: T0 - DAY, terminalAt: T0 - DAY + 60_000, armError: { code: 'QuotaExceeded', message: 'Quota exceeded for Burstable in westeurope.' } }),
    deploymentContext({ stagingId: 'run', serverName: 'busy', status: 'deploying', createdAt: T0 - 75_000, provisioningState: 'Running' }),
  ]);
  const items = deploymentItems(tracker.subject.value, T0, 30);

  it('lists active deployments first, then history newest first, within the retention window', () => {
    expect(items.map((i) => i.stagingId)).toEqual(['run', 'bad', 'ok']);
  });

  it('shows live elapsed time and a status icon per state', () => {
    expect(items.map((i) => [i.icon, i.description, i.contextValue])).toEqual([
      ['sync~spin', 'Deploying · 1m 15s', 'deployment.deploying'],
      ['error', 'Failed after 1m 0s', 'deployment.failed'],
      ['pass', 'Succeeded after 6m 11s', 'deployment.succeeded'],
    ]);
    expect(items[1].tooltip).toContain('Error: Quota exceeded for Burstable in westeurope.');
  });

  it('marks a retried deployment as such, and its menus no longer offer Retry', () => {
    const retried = deploymentContext({ stagingId: 'again', status: 'failed', createdAt: T0 - 120_000, terminalAt: T0 - 60_000, retryRequestedAt: T0 - 30_000 });
    const [item] = deploymentItems([{ value: 'failed', context: retried }], T0, 30);
    expect([item.description, item.contextValue]).toEqual(['Failed after 1m 0s · retried', 'deployment.failed.retried']);
    expect(treeItemCommands(item.contextValue)).toEqual([DEPLOYMENT_COMMANDS.showProgressOf, DEPLOYMENT_COMMANDS.viewDetails, DEPLOYMENT_COMMANDS.dismiss, DEPLOYMENT_COMMANDS.openInPortal]);
    expect(treeItemCommands(items[1].contextValue)).toContain(DEPLOYMENT_COMMANDS.retry);
  });

  it('says when Azure could not be checked since, and never shows a negative duration after the clock was set back', () => {
    const [item] = deploymentItems(
      [
        {
          value: 'deploying',
          context: deploymentContext({ stagingId: 'blind', status: 'deploying', createdAt: T0 + 3_600_000, unchecked: { since: T0 - 60_000, reason: 'signed out of Azure' } }),
        },
      ],
      T0,
      30,
    );
    expect(item.description).toBe(`Deploying · 0s · not checked since ${l10n.formatTime(T0 - 60_000)}`);
    expect(item.tooltip).toContain('(signed out of Azure). It is checked again as soon as Azure can be read');
  });

  it('says a deployment waits to be tried again after a temporary error, and when; Cancel is offered on it', () => {
    const transientRetry = { failedAttempts: 1, error: { code: 'InternalServerError', message: 'An unexpected error occured.' }, retryAt: T0 + 45_000 };
    const context = deploymentContext({ stagingId: 'again', status: 'retryingTransient', createdAt: T0 - 75_000, transientRetry });
    const [item] = deploymentItems([{ value: 'retryingTransient', context }], T0, 30);
    const notice = 'Azure reported a temporary error (InternalServerError); trying again in 45 s, attempt 2 of 3.';
    expect([item.icon, item.description, item.contextValue]).toEqual(['clock', `Retrying · 1m 15s · ${notice}`, 'deployment.retryingTransient']);
    expect(item.tooltip).toContain(notice);
    expect(treeItemCommands(item.contextValue)).toContain(DEPLOYMENT_COMMANDS.cancel);
    const [sent] = deploymentItems([{ value: 'deploying', context: { ...context, status: 'deploying', transientRetry: { ...transientRetry, resubmittedAt: T0 } } }], T0 + 5_000, 30);
    expect(sent.description).toBe('Deploying · 5s · Azure reported a temporary error (InternalServerError) on the last attempt; this is attempt 2 of 3.');
  });

  it('keeps less history when the retention is shorter', () => {
    expect(deploymentItems(tracker.subject.value, T0, 1).map((i) => i.stagingId)).toEqual(['run', 'bad']);
  });
});

describe('formatting', () => {
  it('formats elapsed time with its two largest units', () => {
    expect([formatElapsed(0), formatElapsed(59_999), formatElapsed(75_000), formatElapsed(3_780_000)]).toEqual(['0s', '59s', '1m 15s', '1h 3m']);
  });

  it('says how many servers are provisioning', () => {
    expect([provisioningText(1), provisioningText(2)]).toEqual(['Provisioning 1 server…', 'Provisioning 2 servers…']);
  });
});
