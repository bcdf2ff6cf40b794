import { describe, expect, it } from 'vitest';
import { createRequest, readUntilEnded, startDeployment, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

describe('ArmDeploymentCanceller against the sandbox (the SDK’s deployments.cancel)', () => {
  it('a running deployment: accepted, then the reader sees it Canceled, as its own outcome', async () => {
    h.sandbox.control.scriptOutcome('pg-cancel', { outcome: 'hang' });
    const ref = await startDeployment(h.services, createRequest('pg-cancel'));
    expect(await h.services.canceller.cancel(ref)).toEqual({ kind: 'accepted' });
    expect((await readUntilEnded(h.services, ref)).observation).toEqual({ kind: 'canceled' });
  });

  it('one that is not running any more: ARM’s 409 refusal, verbatim', async () => {
    const ref = await startDeployment(h.services, createRequest('pg-done'));
    await readUntilEnded(h.services, ref);
    expect(await h.services.canceller.cancel(ref)).toMatchObject({ kind: 'refused', error: { code: 'DeploymentCannotBeCancelled' } });
  });

  it('no answer (503 after the SDK’s retries): unanswered, not a refusal', async () => {
    h.sandbox.control.scriptOutcome('pg-busy', { outcome: 'hang' });
    const ref = await startDeployment(h.services, createRequest('pg-busy'));
    h.sandbox.control.addFault({ kind: 'status', status: 503, count: 10, routes: ['deployments.cancel'] });
    expect(await h.services.canceller.cancel(ref)).toMatchObject({ kind: 'unanswered', reason: expect.stringContaining('503') });
  }, 30_000);
});
