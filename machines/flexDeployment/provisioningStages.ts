import * as l10n from '../l10n';
import type { DeploymentOperationView } from './catalog';
import type { DeploymentStatus } from './stagedFlexProfile';

/**
 * The progress view's stepper, derived from the deployment's phase and ARM's deployment operations.
 * Pure: the webview renders it, the tests pin it down.
 */

export type ProvisioningStageId = 'queued' | 'server' | 'firewall' | 'entraAdmin' | 'ready';
export type StageStatus = 'done' | 'current' | 'waiting' | 'failed' | 'canceled';

export interface ProvisioningStage {
  id: ProvisioningStageId;
  label: string;
  status: StageStatus;
  /**
   * Epoch ms when the stage finished, or stopped (failed, canceled), when ARM or the record tells:
   * its operations' latest timestamp, else, for the stage the deployment stopped at, its end.
   */
  finishedAt?: number;
}

export interface StageInput {
  phase: DeploymentStatus;
  /** When ARM accepted the deployment (the record's audit), if known. */
  acceptedAt?: number;
  terminalAt?: number;
  usesEntra: boolean;
  /** Whether the request asked for firewall rules; undefined when the record does not say. */
  hasFirewallRules?: boolean;
  operations: readonly DeploymentOperationView[];
}

const SERVER_TYPE = 'microsoft.dbforpostgresql/flexibleservers';
/** Queued and Ready have no operation of their own: Ready is done only when the deployment succeeds. */
const RESOURCE_TYPES: Partial<Record<ProvisioningStageId, string>> = {
  server: SERVER_TYPE,
  firewall: `${SERVER_TYPE}/firewallrules`,
  entraAdmin: `${SERVER_TYPE}/administrators`,
};

/** ARM's provisioning states of an operation that ended without doing its work. */
const ENDED_UNDONE = new Set(['failed', 'canceled']);

const LABELS: Record<ProvisioningStageId, string> = {
  queued: l10n.t('Queued'),
  server: l10n.t('Creating server'),
  firewall: l10n.t('Firewall rules'),
  entraAdmin: l10n.t('Microsoft Entra administrator'),
  ready: l10n.t('Ready'),
};

export function provisioningStages(input: StageInput): ProvisioningStage[] {
  const ids: ProvisioningStageId[] = ['queued', 'server'];
  if (input.hasFirewallRules ?? operationsOf(input, 'firewall').length > 0) ids.push('firewall');
  if (input.usesEntra) ids.push('entraAdmin');
  ids.push('ready');

  const stages = ids.map((id) => ({ id, ...finished(id, input) }));
  const firstOpen = stages.findIndex((s) => !s.done);
  const ended = input.phase === 'failed' || input.phase === 'canceled';
  // Where it stopped: the stage whose operation ended undone, else the first one not done.
  const stoppedAt = ended ? Math.max(stages.findIndex((s) => s.failed), firstOpen) : -1;
  return stages.map((s, i): ProvisioningStage => {
    let status: StageStatus = 'waiting';
    let finishedAt: number | undefined;
    if (s.done || input.phase === 'succeeded') {
      status = 'done';
      // Success ends every stage: Ready (never done by itself) at the deployment's end.
      finishedAt = s.id === 'ready' ? input.terminalAt : s.finishedAt;
    } else if (i === stoppedAt) {
      status = input.phase === 'canceled' ? 'canceled' : 'failed';
      finishedAt = s.stoppedAt ?? input.terminalAt;
    } else if (!ended && i === firstOpen) {
      status = 'current';
    }
    return { id: s.id, label: LABELS[s.id], status, finishedAt };
  });
}

interface StageProgress {
  done: boolean;
  failed: boolean;
  /** The latest time its operations carry, once all succeeded. */
  finishedAt?: number;
  /** The latest time its operations that ended undone carry. */
  stoppedAt?: number;
}

function finished(id: ProvisioningStageId, input: StageInput): StageProgress {
  if (id === 'queued') {
    // A failure with no trace of ARM accepting the deployment was a rejection at the start.
    const accepted = input.acceptedAt !== undefined || input.operations.length > 0;
    const done = input.phase === 'deploying' || input.phase === 'cancelling' || accepted;
    return { done, failed: false, finishedAt: input.acceptedAt };
  }
  const ops = operationsOf(input, id);
  const undone = ops.filter((op) => ENDED_UNDONE.has(op.provisioningState.toLowerCase()));
  const done = ops.length > 0 && ops.every((op) => op.provisioningState.toLowerCase() === 'succeeded');
  return { done, failed: undone.length > 0, finishedAt: done ? latestTime(ops) : undefined, stoppedAt: latestTime(undone) };
}

/** The latest readable timestamp of these operations, if any carries one. */
function latestTime(ops: readonly DeploymentOperationView[]): number | undefined {
  const times = ops.map((op) => (op.timestamp ? Date.parse(op.timestamp) : NaN)).filter((t) => !Number.isNaN(t));
  return times.length > 0 ? Math.max(...times) : undefined;
}

function operationsOf(input: StageInput, id: ProvisioningStageId): DeploymentOperationView[] {
  const type = RESOURCE_TYPES[id];
  return input.operations.filter((op) => op.resourceType.toLowerCase() === type);
}
