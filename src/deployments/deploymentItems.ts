import * as l10n from '../../machines/l10n';
import { durationOf } from '../../machines/flexDeployment/deploymentClock';
import { stateHasTag } from '../../machines/flexDeployment/deploymentStates';
import type { DeploymentStatus } from '../../machines/flexDeployment/stagedFlexProfile';
import type { DeploymentView } from '../../machines/webview/deploymentView';
import { transientRetryNotice } from '../../machines/webview/transientRetryNotice';
import { formatElapsed } from './formatElapsed';
import type { ServerCheck } from '../reconcile/serverCheck';
import { checkOfDeployment, serverStateShown, type ServerStateShown } from '../reconcile/serverStateShown';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One row of the Deployments view, computed without VS Code so it can be tested. */
export interface DeploymentItem {
  stagingId: string;
  label: string;
  description: string;
  tooltip: string;
  status: DeploymentStatus;
  /** A codicon id; `sync~spin` while ARM works. */
  icon: 'clock' | 'sync~spin' | 'pass' | 'error' | 'circle-slash' | ServerStateShown['icon'];
  /**
   * `deployment.{status}`, and `.retried` after a retry: the menus show Cancel for deploying, Retry
   * for failed or canceled ones not retried yet, Dismiss for finished ones. A succeeded one whose
   * server Azure last said is gone or stopped gets `.serverGone` / `.serverStopped`.
   */
  contextValue: string;
}

const STATUS_LABEL: Record<DeploymentStatus, string> = {
  pending: l10n.t('Starting'),
  deploying: l10n.t('Deploying'),
  retryingTransient: l10n.t('Retrying'),
  cancelling: l10n.t('Cancelling'),
  succeeded: l10n.t('Succeeded'),
  failed: l10n.t('Failed'),
  canceled: l10n.t('Canceled'),
};
const STATUS_ICON: Record<DeploymentStatus, DeploymentItem['icon']> = {
  pending: 'clock',
  deploying: 'sync~spin',
  // Waiting for the next attempt's time.
  retryingTransient: 'clock',
  cancelling: 'sync~spin',
  succeeded: 'pass',
  failed: 'error',
  canceled: 'circle-slash',
};

/** A codicon id (`sync~spin`) held still (`sync`) for a user who asked for reduced motion. */
export function stillIf(reduceMotion: boolean, icon: string): string {
  return reduceMotion ? icon.replace(/~spin$/, '') : icon;
}

/** Azure may still be building the server: shown first, with its elapsed time moving. */
export function isActive(view: DeploymentView): boolean {
  return stateHasTag(view.value, 'running');
}

/** Azure built the deployment's server: it can be checked, started, opened in the portal. */
export function builtServer(view: DeploymentView): boolean {
  return stateHasTag(view.value, 'serverReady');
}

/** Finished deployments older than the retention window are left out even before the tracker purges them. */
export function shownDeployments(views: readonly DeploymentView[], now: number, retentionDays: number): DeploymentView[] {
  return views.filter((v) => isActive(v) || now - (v.context.terminalAt ?? v.context.createdAt) <= Math.max(0, retentionDays) * DAY_MS);
}

/**
 * Active deployments first, then history newest first. `servers`: what Azure last said about
 * servers (the reconciler's view state), shown on deployments that built theirs.
 */
export function deploymentItems(views: readonly DeploymentView[], now: number, retentionDays: number, servers: ReadonlyMap<string, ServerCheck> = new Map()): DeploymentItem[] {
  return shownDeployments(views, now, retentionDays)
    .map((v) => ({ d: v.context, active: isActive(v), failure: stateHasTag(v.value, 'failure'), built: builtServer(v) }))
    .sort((a, b) => Number(b.active) - Number(a.active) || b.d.createdAt - a.d.createdAt)
    .map(({ d, active, failure, built }) => {
      const retried = d.retryRequestedAt !== undefined;
      const duration = formatElapsed(durationOf(d, now));
      const unchecked = active ? d.unchecked : undefined;
      const retryNotice = transientRetryNotice(d, now);
      const server = built ? serverStateShown(d, checkOfDeployment(servers, d)) : undefined;
      const description = active
        ? [`${STATUS_LABEL[d.status]} · ${duration}`, retryNotice, unchecked && l10n.t('not checked since {0}', l10n.formatTime(unchecked.since))].filter(Boolean).join(' · ')
        : [server?.description, l10n.t('{0} after {1}', STATUS_LABEL[d.status], duration), retried && l10n.t('retried')].filter(Boolean).join(' · ');
      const tooltip = [
        `${d.serverName} — ${STATUS_LABEL[d.status]}${d.provisioningState && active ? ` (${d.provisioningState})` : ''}`,
        l10n.t('Resource group: {0} · {1}', d.resourceGroupName, d.location),
        l10n.t('Subscription: {0}', d.subscriptionId),
        l10n.t('Started: {0}', l10n.formatDateTime(d.createdAt)),
        ...(retryNotice ? [retryNotice] : []),
        ...(unchecked ? [uncheckedText(unchecked)] : []),
        ...(failure ? [l10n.t('Error: {0}', d.armError?.message ?? d.error ?? l10n.t('unknown'))] : []),
        ...(d.cancellation?.refused ? [l10n.t('Azure did not cancel it: {0}', d.cancellation.refused.message)] : []),
        ...(d.effectError ? [l10n.t('Follow-up problem: {0}', d.effectError)] : []),
        ...(server ? [server.tooltip] : []),
      ].join('\n');
      return {
        stagingId: d.stagingId,
        label: d.serverName,
        description,
        tooltip,
        status: d.status,
        icon: server?.icon ?? STATUS_ICON[d.status],
        contextValue: `deployment.${d.status}${retried ? '.retried' : ''}${server?.context ?? ''}`,
      };
    });
}

/** Why the state shown may be old, and what happens next. */
export function uncheckedText(unchecked: { since: number; reason: string }): string {
  return l10n.t(
    'Azure could not be checked since {0} ({1}). It is checked again as soon as Azure can be read; until then the deployment keeps its last known state.',
    l10n.formatDateTime(unchecked.since),
    unchecked.reason,
  );
}

/** The status bar's words: "Provisioning 2 servers…". */
export function provisioningText(activeCount: number): string {
  return activeCount === 1 ? l10n.t('Provisioning 1 server…') : l10n.t('Provisioning {0} servers…', activeCount);
}
