import { describe, expect, it } from 'vitest';
import { isTransientError } from '../../../machines/flexDeployment/transientErrors';
import { resubmitDeployment } from '../../../src/services/flexDeployment/resubmitDeployment';
import { stagedContext } from '../../../src/services/flexDeployment/stageDeployment';
import { stagedPasswordKey } from '../../../src/services/flexDeployment/storageKeys';
import { MemorySecrets } from '../../support/trackerFakes';
import { createRequest, readUntilEnded, startDeployment, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

/** A deployment that failed with a temporary error, as the tracker holds it: its request kept, its password staged. */
async function failedTemporarily(serverName: string) {
  h.sandbox.control.scriptOutcome(serverName, { outcome: 'fail', error: 'InternalServerError', times: 1 });
  const request = createRequest(serverName);
  const ref = await startDeployment(h.services, request);
  const { observation } = await readUntilEnded(h.services, ref);
  if (observation.kind !== 'failed') throw new Error(`expected a failure, got ${observation.kind}`);
  const secrets = new MemorySecrets();
  const passwordSecretId = stagedPasswordKey(ref.stagingId);
  await secrets.store(passwordSecretId, request.adminPassword!);
  const deployment = stagedContext(request, { stagingId: ref.stagingId, deploymentName: ref.deploymentName, passwordSecretId }, ref.createdAt);
  const ports = { provisioner: h.services.provisioner, secrets, clock: { now: Date.now }, log: () => undefined };
  return { ref, error: observation.error, resend: () => resubmitDeployment(ports, deployment) };
}

describe('an attempt sent again after a temporary failure, against the sandbox', () => {
  it('is the same deployment PUT again, with its staged password: ARM accepts it, runs it and it succeeds', async () => {
    const { ref, error, resend } = await failedTemporarily('pg-resent');
    expect(isTransientError(error)).toBe(true);
    expect(await resend()).toMatchObject({ type: 'arm.accepted' });
    const { observation } = await readUntilEnded(h.services, ref);
    expect(observation).toMatchObject({ kind: 'succeeded', serverResourceId: expect.stringMatching(/flexibleServers\/pg-resent$/) });
    expect(h.sandbox.requests.count('deployments.put')).toBe(2);
  });

  it('sent twice (a crash lost the record of the first), is accepted both times: ARM answers the second DeploymentActive', async () => {
    const { resend } = await failedTemporarily('pg-resent-twice');
    h.sandbox.control.scriptOutcome('pg-resent-twice', { outcome: 'hang' });
    expect(await resend()).toMatchObject({ type: 'arm.accepted' });
    expect(await resend()).toMatchObject({ type: 'arm.accepted' });
    expect(h.sandbox.requests.count('deployments.put')).toBe(3);
  });
});
