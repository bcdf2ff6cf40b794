import type { CreateServerRequest } from '../../machines/flexDeployment/createServerRequest';
import type { DeploymentRecord } from '../../src/services/flexDeployment/deploymentRecord';
import { stagedContext } from '../../src/services/flexDeployment/stageDeployment';
import { createRequest } from './trackerFakes';

export interface SettledAs {
  /** When it was staged. */
  at: number;
  durationMs: number;
  failed?: boolean;
  request?: Partial<CreateServerRequest>;
}

/** A deployment that ended `durationMs` after it was staged: succeeded with its profile saved, or failed. */
export function settledRecord(stagingId: string, { at, durationMs, failed = false, request = {} }: SettledAs): DeploymentRecord {
  const context = stagedContext(createRequest({ serverName: `server-${stagingId}`, ...request }), { stagingId, deploymentName: `pgflex-server-${stagingId}-${at}` }, at);
  const terminalAt = at + durationMs;
  return {
    ...context,
    schemaVersion: 2,
    state: failed ? 'failed' : 'succeeded.profileCreated',
    status: failed ? 'failed' : 'succeeded',
    terminalAt,
    inActiveSession: false,
    profileCreated: !failed,
    error: failed ? 'Operation results in exceeding approved quota.' : undefined,
    audit: [...context.audit, { at: at + 1000, event: 'arm.accepted', to: 'deploying' }, { at: terminalAt, event: failed ? 'poll.failed' : 'poll.succeeded', to: failed ? 'failed' : 'succeeded' }],
  };
}
