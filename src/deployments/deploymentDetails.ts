import * as l10n from '../../machines/l10n';
import type { DeploymentOperationView } from '../../machines/flexDeployment/catalog';
import { failureGuidance } from '../../machines/flexDeployment/failureGuidance';
import { transientRetryNotice } from '../../machines/webview/transientRetryNotice';
import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';
import { errorMessage } from '../../machines/errorMessage';

/**
 * The output channel's surface. View Details appends a section each time and never clears the
 * channel: an earlier look at the same or another deployment stays there to compare with.
 */
export interface DetailsOutput {
  appendLine(line: string): void;
  show(preserveFocus: boolean): void;
}

/** ARM's per-resource operations of a deployment, read when the details are asked for. */
export type OperationsReader = (deployment: Readonly<DeploymentContext>) => Promise<DeploymentOperationView[]>;

export type OperationsRead = { ok: true; operations: readonly DeploymentOperationView[] } | { ok: false; reason: string };

/** View Details, for the command and the failure notification alike. */
export interface DeploymentDetails {
  show(deployment: Readonly<DeploymentContext>): Promise<void>;
}

export function createDeploymentDetails(output: DetailsOutput, readOperations: OperationsReader, now: () => number): DeploymentDetails {
  return {
    show: async (deployment) => {
      let operations: OperationsRead;
      try {
        operations = { ok: true, operations: await readOperations(deployment) };
      } catch (error) {
        operations = { ok: false, reason: errorMessage(error) };
      }
      // Written in one go, after the read, so two requests' sections never interleave.
      for (const line of formatDeploymentDetails(deployment, operations, now())) {
        output.appendLine(line);
      }
      output.show(false);
    },
  };
}

/** The full ARM error chain, the operations and the audit trail, as lines; never anything secret. */
export function formatDeploymentDetails(d: Readonly<DeploymentContext>, operations: OperationsRead, at: number): string[] {
  const lines = [
    `──── ${new Date(at).toISOString()} ────`,
    l10n.t("Deployment of '{0}' ({1})", d.serverName, d.status),
    field(l10n.t('Deployment'), d.deploymentName),
    field(l10n.t('Resource group'), d.resourceGroupName),
    field(l10n.t('Subscription'), d.subscriptionId),
    field(l10n.t('Tenant'), d.tenantId),
    field(l10n.t('Location'), d.location),
    field(l10n.t('Started'), new Date(d.createdAt).toISOString()),
  ];
  if (d.terminalAt !== undefined) {
    lines.push(field(l10n.t('Ended'), new Date(d.terminalAt).toISOString()));
  }
  if (d.serverResourceId) {
    lines.push(field(l10n.t('Server'), d.serverResourceId));
  }
  const retryNotice = transientRetryNotice(d, at);
  if (retryNotice && d.transientRetry) {
    const { failedAttempts, error } = d.transientRetry;
    lines.push('', l10n.t('Tried again after a temporary error:'), `  ${retryNotice}`, `  ${l10n.t('Attempt {0}: {1}: {2}', failedAttempts, error.code, error.message)}`);
  }
  if (d.error || d.armError) {
    lines.push('', l10n.t('Error:'));
    const chain = d.armError?.chain?.length ? d.armError.chain : d.armError ? [d.armError] : [];
    chain.forEach((e, depth) => {
      const target = 'target' in e && e.target ? ` ${l10n.t('(target: {0})', e.target)}` : '';
      lines.push(`${'  '.repeat(depth + 1)}${e.code}: ${e.message}${target}`);
    });
    if (chain.length === 0 && d.error) {
      lines.push(`  ${d.error}`);
    }
  }
  const guidance = failureGuidance(d);
  if (guidance) {
    lines.push('', l10n.t('What to do:'), `  ${guidance.advice}`, ...(guidance.link ? [`  ${guidance.link.label}: ${guidance.link.url}`] : []));
  }
  if (d.effectError) {
    lines.push('', l10n.t('Last follow-up error: {0}', d.effectError));
  }
  lines.push('', l10n.t('Operations, as Azure reports them:'), ...formatOperations(operations));
  lines.push('', l10n.t('Audit trail:'));
  for (const entry of d.audit) {
    lines.push(`  ${new Date(entry.at).toISOString()}  ${entry.event} → ${entry.to}`);
  }
  lines.push('');
  return lines;
}

function formatOperations(read: OperationsRead): string[] {
  if (!read.ok) {
    return [`  ${l10n.t('Could not be read: {0}', read.reason)}`];
  }
  if (read.operations.length === 0) {
    return [`  ${l10n.t('None reported (yet).')}`];
  }
  return read.operations.flatMap((op) => {
    const facts = [op.statusCode, op.duration, op.timestamp && l10n.t('at {0}', op.timestamp)].filter(Boolean).join(', ');
    const line = `  ${op.provisioningOperation ? `${op.provisioningOperation} ` : ''}${op.resourceType} '${op.resourceName}': ${op.provisioningState}${facts ? ` (${facts})` : ''}`;
    return op.error ? [line, `    ${op.error.code}: ${op.error.message}`] : [line];
  });
}

/** A labelled line of the report, values aligned as long as labels are (17 columns in English). */
function field(label: string, value: string): string {
  return `  ${`${label}:`.padEnd(17)}${value}`;
}
