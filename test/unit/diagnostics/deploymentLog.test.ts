import { describe, expect, it } from 'vitest';
import { deploymentLog } from '../../../src/diagnostics/deploymentLog';
import { stagedContext } from '../../../src/services/flexDeployment/stageDeployment';
import { createRequest } from '../../support/trackerFakes';

const AT = Date.UTC(2026, 11, 3, 12, 0, 0);

function levelledLog() {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`[${level}] ${message}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('the deployment log', () => {
  it("tells each moment at its level, naming the deployment and its server, and never the staged password", () => {
    const log = levelledLog();
    const tell = deploymentLog(log);
    const request = createRequest();
    const d = stagedContext(request, { stagingId: 'id', deploymentName: 'pgflex-demo-1', passwordSecretId: 'pgsql.flexProvisioning.stagedPassword.id' }, AT);
    tell.staged(d);
    tell.accepted({ ...d, status: 'deploying', provisioningState: 'Accepted' });
    tell.observed(d, { kind: 'running', provisioningState: 'Running', durationMs: 75_000 });
    tell.observed(d, { kind: 'unavailable', reason: 'Azure throttled the read (429)' });
    tell.ended({ ...d, status: 'failed', terminalAt: AT + 250_000, armError: { code: 'QuotaExceeded', message: 'Quota exceeded.' } });
    tell.ended({ ...d, status: 'succeeded', terminalAt: AT + 240_000, serverResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgflex-demo' });
    tell.profileSaved({ ...d, profileId: 'flex-id' });
    tell.signInNeeded(2);
    expect(log.lines).toEqual([
      "[info] Deployment pgflex-demo-1 ('pgflex-demo') staged in resource group rg-pgflex (canadacentral); starting it in Azure.",
      "[info] Deployment pgflex-demo-1 ('pgflex-demo') accepted by Azure (Accepted).",
      "[debug] Deployment pgflex-demo-1 ('pgflex-demo'): running (Running, 1m 15s by Azure's clock)",
      "[debug] Deployment pgflex-demo-1 ('pgflex-demo'): not checked: Azure throttled the read (429)",
      "[error] Deployment pgflex-demo-1 ('pgflex-demo') failed after 4m 10s: QuotaExceeded: Quota exceeded.",
      "[info] Deployment pgflex-demo-1 ('pgflex-demo') succeeded after 4m 0s: /subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgflex-demo.",
      "[info] Deployment pgflex-demo-1 ('pgflex-demo'): connection profile flex-id saved.",
      '[warn] Azure could not be read for 2 deployment(s): no usable Azure sign-in. Asking the user to sign in; tracking resumes after it.',
    ]);
    expect(log.lines.join('\n')).not.toContain(request.adminPassword);
  });

  it('tells a canceled deployment as an outcome, not an error, with where what Azure created stays', () => {
    const log = levelledLog();
    const d = stagedContext(createRequest(), { stagingId: 'id', deploymentName: 'pgflex-demo-1' }, AT);
    deploymentLog(log).observed(d, { kind: 'canceled' });
    deploymentLog(log).ended({ ...d, status: 'canceled', terminalAt: AT + 190_000 });
    expect(log.lines).toEqual([
      "[debug] Deployment pgflex-demo-1 ('pgflex-demo'): canceled",
      "[info] Deployment pgflex-demo-1 ('pgflex-demo') canceled after 3m 10s; what Azure had created stays in resource group rg-pgflex.",
    ]);
  });

  it('tells a temporary failure as a warning with when the next attempt goes, and that attempt once it is sent', () => {
    const log = levelledLog();
    const d = stagedContext(createRequest(), { stagingId: 'id', deploymentName: 'pgflex-demo-1' }, AT);
    const transientRetry = { failedAttempts: 1, error: { code: 'InternalServerError', message: 'An unexpected error occured.' }, retryAt: AT + 40_000 };
    deploymentLog(log).retryScheduled({ ...d, status: 'retryingTransient', transientRetry });
    deploymentLog(log).resubmitted({ ...d, status: 'pending', transientRetry: { ...transientRetry, resubmittedAt: AT + 41_000 } });
    expect(log.lines).toEqual([
      "[warn] Deployment pgflex-demo-1 ('pgflex-demo'): attempt 1 failed with a temporary error (InternalServerError: An unexpected error occured.); attempt 2 of 3 is sent at 2026-12-03T12:00:40.000Z.",
      "[info] Deployment pgflex-demo-1 ('pgflex-demo'): attempt 2 of 3 sent to Azure.",
    ]);
  });
});
