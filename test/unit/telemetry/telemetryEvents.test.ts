import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import type { DeploymentContext } from '../../../machines/flexDeployment/stagedFlexProfile';
import { stagedContext } from '../../../src/services/flexDeployment/stageDeployment';
import { makeDeploymentName } from '../../../src/azure/flexProvisioning/deploymentName';
import { deploymentTelemetry } from '../../../src/telemetry/deploymentTelemetry';
import { logTelemetrySender } from '../../../src/telemetry/logTelemetrySender';
import { endedEvent, retryScheduledEvent, stagedEvent } from '../../../src/telemetry/telemetryEvents';
import { createRequest } from '../../support/trackerFakes';

const STAGED_AT = Date.UTC(2026, 11, 3, 12, 0, 0);

function recordingLogger() {
  const sent: { name: string; data: Record<string, unknown> }[] = [];
  return { sent, logUsage: (name: string, data?: Record<string, unknown>) => void sent.push({ name, data: data ?? {} }) };
}

/** Each moment of one deployment's life, as the telemetry listener sends them. */
function sendAll(request: CreateServerRequest, ended: Partial<DeploymentContext>) {
  const logger = recordingLogger();
  const telemetry = deploymentTelemetry(logger, () => STAGED_AT + 4_000);
  const staged = stagedContext(request, { stagingId: 'c0ffee00-0000-4000-8000-000000000001', deploymentName: makeDeploymentName(request.serverName, STAGED_AT), passwordSecretId: 'pgsql.flexProvisioning.stagedPassword.c0ffee00' }, STAGED_AT);
  telemetry.staged(staged);
  telemetry.accepted({ ...staged, status: 'deploying' });
  // The first attempt failed for a temporary reason: sent again 30 s after the telemetry's clock.
  const retried = { ...staged, status: 'deploying' as const, transientRetry: { failedAttempts: 1, error: { code: 'InternalServerError', message: `'${request.serverName}' hit an internal error` }, retryAt: STAGED_AT + 34_000 } };
  telemetry.retryScheduled(retried);
  telemetry.ended({ ...retried, ...ended });
  telemetry.signInNeeded(2);
  return logger.sent;
}

describe('telemetry events', () => {
  it('staged, accepted, a retry, ended and sign-in needed carry exactly their declared properties', () => {
    const sent = sendAll(createRequest(), {
      status: 'failed',
      terminalAt: STAGED_AT + 250_000,
      armError: { code: 'QuotaExceeded', message: 'Quota exceeded in canadacentral.' },
    });
    expect(sent).toEqual([
      {
        name: 'deployment/staged',
        data: { deploymentId: 'c0ffee00-0000-4000-8000-000000000001', tier: 'Burstable', postgresVersion: '17', authenticationMode: 'PostgreSQLOnly', resourceGroup: 'existing', storageSizeGB: 32 },
      },
      { name: 'deployment/accepted', data: { deploymentId: 'c0ffee00-0000-4000-8000-000000000001', secondsSinceStaged: 4 } },
      { name: 'deployment/retryScheduled', data: { deploymentId: 'c0ffee00-0000-4000-8000-000000000001', errorCode: 'InternalServerError', failedAttempts: 1, secondsUntilRetry: 30 } },
      { name: 'deployment/ended', data: { deploymentId: 'c0ffee00-0000-4000-8000-000000000001', status: 'failed', errorCode: 'QuotaExceeded', durationSeconds: 250, transientRetries: 1 } },
      { name: 'polling/signInNeeded', data: { deploymentsWaiting: 2 } },
    ]);
  });

  it('a success has no error code; its duration is never negative, whatever the clock did', () => {
    const d = stagedContext(createRequest(), { stagingId: 'id', deploymentName: 'n' }, STAGED_AT);
    expect(endedEvent({ ...d, status: 'succeeded', terminalAt: STAGED_AT - 60_000 }).properties).toEqual({ deploymentId: 'id', status: 'succeeded', errorCode: '' });
    expect(endedEvent({ ...d, status: 'succeeded', terminalAt: STAGED_AT - 60_000 }).measurements).toEqual({ durationSeconds: 0, transientRetries: 0 });
  });

  it('a cancel ends with its own status, not a failure, and no error code', () => {
    const d = stagedContext(createRequest(), { stagingId: 'id', deploymentName: 'n' }, STAGED_AT);
    expect(endedEvent({ ...d, status: 'canceled', terminalAt: STAGED_AT + 90_000 })).toMatchObject({
      properties: { deploymentId: 'id', status: 'canceled', errorCode: '' },
      measurements: { durationSeconds: 90, transientRetries: 0 },
    });
  });

  it("a retry's error code passes only as an identifier, and its wait is never negative", () => {
    const d = stagedContext(createRequest(), { stagingId: 'id', deploymentName: 'n' }, STAGED_AT);
    const retry = (code: string, retryAt: number) => ({ ...d, transientRetry: { failedAttempts: 2, error: { code, message: 'm' }, retryAt } });
    expect(retryScheduledEvent(retry("Server 'pgflex-demo' busy", STAGED_AT + 60_000), STAGED_AT)).toEqual({
      name: 'deployment/retryScheduled',
      properties: { deploymentId: 'id', errorCode: 'Unrecognized' },
      measurements: { failedAttempts: 2, secondsUntilRetry: 60 },
    });
    expect(retryScheduledEvent(retry('TooManyRequests', STAGED_AT - 5_000), STAGED_AT).measurements.secondsUntilRetry).toBe(0);
  });

  it('free text never passes for an error code or a version', () => {
    const d = stagedContext(createRequest({ version: 'my server pgflex-demo' }), { stagingId: 'id', deploymentName: 'n' }, STAGED_AT);
    expect(stagedEvent(d).properties.postgresVersion).toBe('unknown');
    expect(endedEvent({ ...d, status: 'failed', armError: { code: "Deployment 'pgflex-demo' failed", message: 'm' } }).properties.errorCode).toBe('Unrecognized');
  });

  it('no event carries a name, an id of the account or a secret from the create request (property)', () => {
    // Distinct prefixes keep a short generated value from matching a legitimate property by chance.
    const word = (prefix: string) => fc.stringMatching(/^[a-z0-9]{4,12}$/).map((s) => `${prefix}${s}`);
    const secret = fc.string({ minLength: 8, maxLength: 40, unit: 'grapheme' }).map((s) => `Pw!${s}`);
    const request = fc.record({
      serverName: word('srv-'),
      resourceGroup: fc.record({ name: word('rg-'), isNew: fc.boolean() }),
      tenantId: fc.uuid(),
      subscriptionId: fc.uuid(),
      adminLogin: word('login'),
      adminPassword: secret,
      authenticationMode: fc.constantFrom('PostgreSQLOnly' as const, 'EntraOnly' as const, 'Hybrid' as const),
      entraAdmin: fc.record({ objectId: fc.uuid(), principalName: word('user@'), principalType: fc.constantFrom('User' as const, 'Group' as const) }),
      firewall: fc.record({
        allowAzureServices: fc.boolean(),
        clientIp: fc.ipV4().map((ip) => `203.${ip}`),
        ranges: fc.array(fc.record({ name: word('rule-'), startIpAddress: fc.ipV4(), endIpAddress: fc.ipV4() }), { minLength: 1, maxLength: 3 }),
      }),
      groupId: word('group-'),
    });
    const outcome = fc.constantFrom<Partial<DeploymentContext>>(
      { status: 'succeeded', terminalAt: STAGED_AT + 200_000 },
      { status: 'failed', terminalAt: STAGED_AT + 90_000 },
    );
    fc.assert(
      fc.property(request, outcome, (fields, end) => {
        const r = createRequest({ ...fields, confirmPassword: fields.adminPassword });
        const serverId = `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroup.name}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${r.serverName}`;
        const failure = end.status === 'failed'
          ? { armError: { code: 'ResourceDeploymentFailure', message: `'${r.serverName}' in '${r.resourceGroup.name}' failed for ${r.adminLogin}`, chain: [{ code: 'DeploymentFailed', message: 'x', target: serverId }] }, error: `'${r.serverName}' failed` }
          : { serverResourceId: serverId };
        const sent = JSON.stringify(sendAll(r, { ...end, ...failure }));
        const secrets = [r.serverName, r.resourceGroup.name, r.tenantId, r.subscriptionId, r.adminLogin!, r.adminPassword!, r.entraAdmin!.objectId, r.entraAdmin!.principalName, r.firewall.clientIp!, ...r.firewall.ranges.map((range) => range.name), r.groupId!, makeDeploymentName(r.serverName, STAGED_AT)];
        return secrets.every((value) => !sent.includes(value) && !sent.includes(JSON.stringify(value).slice(1, -1)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the log sender', () => {
  it('writes one line per event, and errors by name only', () => {
    const lines: string[] = [];
    const sender = logTelemetrySender((line) => lines.push(line));
    sender.sendEventData('pgflex.pgflex/deployment/accepted', { deploymentId: 'id', secondsSinceStaged: 3 });
    sender.sendErrorData(Object.assign(new Error("Could not connect to 'pgflex-demo'"), { name: 'ConnectionFailure' }));
    expect(lines).toEqual(['telemetry: pgflex.pgflex/deployment/accepted {"deploymentId":"id","secondsSinceStaged":3}', 'telemetry: error ConnectionFailure']);
  });
});
