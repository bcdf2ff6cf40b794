import { describe, expect, it } from 'vitest';
import { ArmStartError, PreflightError } from '../../../src/services/flexDeployment/serverProvisioner';
import { createRequest, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

/** How often each ARM route was called since the last reset. */
const calls = (route: string) => h.sandbox.control.requestCounts()[route] ?? 0;

describe("ARM's validation of the deployment, before anything is staged", () => {
  it('a request Azure accepts is validated once and passes; nothing is deployed by it', async () => {
    await h.services.provisioner.preflight(createRequest('pg-valid'));
    expect([calls('deployments.validate'), calls('deployments.put')]).toEqual([1, 0]);
  });

  it('an Azure Policy denial refuses the request as a whole, naming the policy, before any PUT', async () => {
    h.sandbox.control.setPolicy({ denyPublicServers: true });
    const error = await h.services.provisioner.preflight(createRequest('pg-denied')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).field).toBeUndefined();
    expect((error as PreflightError).message).toBe(
      "Azure's validation refused this server: An Azure Policy assignment ('No public PostgreSQL servers', policy 'Public network access should be disabled for PostgreSQL flexible servers') denies this server. Retry with settings the policy allows, or ask whoever manages the policy for an exemption.",
    );
    expect(calls('deployments.put')).toBe(0);
  });

  it('the PUT meets the same policy when validation was skipped, with the policy named in the error', async () => {
    h.sandbox.control.setPolicy({ denyPublicServers: true });
    const error = await h.services.provisioner.startDeployment(createRequest('pg-denied-put'), 'pgflex-pg-denied-put-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmStartError);
    expect((error as ArmStartError).error).toMatchObject({ code: 'RequestDisallowedByPolicy', policyViolation: { assignment: 'No public PostgreSQL servers' } });
  });

  it('a request that creates its resource group is not validated: ARM validates only in an existing group', async () => {
    h.sandbox.control.setPolicy({ denyPublicServers: true });
    await h.services.provisioner.preflight(createRequest('pg-new-group', { resourceGroup: { name: 'rg-not-yet', isNew: true, location: 'eastus' } }));
    expect(calls('deployments.validate')).toBe(0);
  });

  it.each([
    ['503 after the SDK’s retries', { kind: 'status', status: 503 }],
    ['throttled past the SDK’s retries', { kind: 'throttle', retryAfterSeconds: 0 }],
  ] as const)('no verdict (%s) does not block the create: the PUT’s preflight still guards it', async (_what, fault) => {
    h.sandbox.control.setPolicy({ denyPublicServers: true });
    h.sandbox.control.addFault({ ...fault, count: 10, routes: ['deployments.validate'] });
    await expect(h.services.provisioner.preflight(createRequest('pg-unvalidated'))).resolves.toBeUndefined();
    expect(calls('deployments.validate')).toBeGreaterThan(1);
  }, 30_000);
});
