import { describe, expect, it } from 'vitest';
import { failureGuidance } from '../../../machines/flexDeployment/failureGuidance';
import { ArmStartError, PreflightError, StartOutcomeUnknownError } from '../../../src/services/flexDeployment/serverProvisioner';
import { createRequest, readUntilEnded, RESOURCE_GROUP, startDeployment, SUBSCRIPTION_ID, useAzureSandbox } from './azureSandboxHarness';

const h = useAzureSandbox();

describe('FlexServerProvisioner + ArmDeploymentReader against the sandbox', () => {
  it('success: ARM accepts the PUT, the reader sees it run and end with the server id', async () => {
    const request = createRequest('pg-success');
    await h.services.provisioner.preflight(request);
    h.sandbox.control.resetRequests();
    const ref = await startDeployment(h.services, request);
    // Returned after the PUT alone: no status poll, no GET.
    expect(h.sandbox.requests.counts()).toEqual({ 'deployments.put': 1 });
    const first = await h.services.reader.read([ref]);
    expect(first.observations.get(ref.stagingId)?.kind).toBe('running');
    const { observation } = await readUntilEnded(h.services, ref);
    expect(observation).toMatchObject({
      kind: 'succeeded',
      serverResourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-success`,
    });
    // Nobody else polled: the provisioner held no SDK poller open.
    expect(h.sandbox.requests.count('deployments.status')).toBe(0);
    expect(h.sandbox.requests.count('deployments.result')).toBe(0);
  });

  it('the password never comes back from ARM; operations give per-resource progress', async () => {
    const ref = await startDeployment(h.services, createRequest('pg-secret'));
    const { observation } = await readUntilEnded(h.services, ref);
    expect(observation.kind).toBe('succeeded');
    const operations = await h.services.catalog.listDeploymentOperations(ref);
    expect(JSON.stringify(operations)).not.toContain('S3cret!pass');
    expect(operations.map((o) => o.resourceType)).toEqual(expect.arrayContaining(['Microsoft.DBforPostgreSQL/flexibleServers', 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules']));
    expect(operations.every((o) => o.provisioningState === 'Succeeded')).toBe(true);
  });

  it('failure: ARM’s error verbatim, innermost message first, chain kept', async () => {
    h.sandbox.control.scriptOutcome('pg-fail', { outcome: 'fail', error: { code: 'RegionIsOfferRestricted', message: 'Subscriptions are restricted from provisioning in this region.' } });
    const ref = await startDeployment(h.services, createRequest('pg-fail'));
    const { observation } = await readUntilEnded(h.services, ref);
    expect(observation.kind).toBe('failed');
    if (observation.kind !== 'failed') return;
    expect(observation.error.code).toBe('RegionIsOfferRestricted');
    expect(observation.error.message).toBe('Subscriptions are restricted from provisioning in this region.');
    expect(observation.error.chain?.map((e) => e.code)).toEqual(['DeploymentFailed', 'ResourceDeploymentFailure', 'RegionIsOfferRestricted']);
    // View Details shows the failed operation as ARM reports it: operation, status code, the provider's error.
    const server = (await h.services.catalog.listDeploymentOperations(ref)).find((o) => o.resourceType === 'Microsoft.DBforPostgreSQL/flexibleServers');
    expect(server).toMatchObject({
      resourceName: 'pg-fail',
      provisioningOperation: 'Create',
      provisioningState: 'Failed',
      error: { code: 'RegionIsOfferRestricted', message: 'Subscriptions are restricted from provisioning in this region.' },
    });
    expect(server?.statusCode).toBeTruthy();
  });

  it('a known failure (quota) keeps the provider’s code', async () => {
    h.sandbox.control.scriptOutcome('pg-quota', { outcome: 'fail', error: 'QuotaExceeded' });
    const ref = await startDeployment(h.services, createRequest('pg-quota'));
    const { observation } = await readUntilEnded(h.services, ref);
    expect(observation).toMatchObject({ kind: 'failed', error: { code: 'QuotaExceeded' } });
  });

  it('a policy denial: the reader keeps the policy ARM names, and the guidance names it', async () => {
    h.sandbox.control.scriptOutcome('pg-denied', { outcome: 'fail', error: 'RequestDisallowedByPolicy' });
    const request = createRequest('pg-denied');
    const ref = await startDeployment(h.services, request);
    const { observation } = await readUntilEnded(h.services, ref);
    if (observation.kind !== 'failed') throw new Error(`expected a failure, got ${observation.kind}`);
    expect(observation.error.policyViolation).toEqual({
      assignment: 'No public PostgreSQL servers',
      definition: 'Public network access should be disabled for PostgreSQL flexible servers',
    });
    expect(failureGuidance({ armError: observation.error, location: request.location })?.advice).toMatch(
      /^An Azure Policy assignment \('No public PostgreSQL servers', policy 'Public network access should be disabled for PostgreSQL flexible servers'\) denies this server\./,
    );
  });

  it('a new resource group is created before the deployment', async () => {
    const request = createRequest('pg-newrg', { resourceGroup: { name: 'rg-fresh', isNew: true, location: 'westus2' } });
    const ref = await startDeployment(h.services, request);
    expect(h.sandbox.requests.count('resourceGroups.createOrUpdate')).toBe(1);
    const groups = await h.services.catalog.listResourceGroups(SUBSCRIPTION_ID);
    expect(groups).toContainEqual({ name: 'rg-fresh', location: 'westus2' });
    expect((await readUntilEnded(h.services, ref)).observation.kind).toBe('succeeded');
  });

  it('ARM’s refusal of the PUT → ArmStartError with ARM’s error, innermost first', async () => {
    // The provider's preflight refuses a reserved login (the host's validation would stop it first).
    const request = createRequest('pg-refused', { adminLogin: 'admin' });
    const error = await h.services.provisioner.startDeployment(request, 'pgflex-pg-refused-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmStartError);
    expect((error as ArmStartError).error.code).toBe('BlockedUserName');
    expect((error as ArmStartError).error.chain?.[0]?.code).toBe('InvalidTemplateDeployment');
  });

  it('a PUT whose answer was lost and re-sent by the SDK (ARM: DeploymentActive) counts as accepted', async () => {
    h.sandbox.control.addFault({ kind: 'status', status: 500, count: 1, routes: ['deployments.put'], afterApply: true });
    const ref = await startDeployment(h.services, createRequest('pg-lost-answer'));
    expect(h.sandbox.requests.count('deployments.put')).toBe(2);
    expect((await readUntilEnded(h.services, ref)).observation.kind).toBe('succeeded');
  });

  it('a PUT that gets no answer at all is an unknown outcome, not a refusal', async () => {
    h.sandbox.control.addFault({ kind: 'status', status: 503, count: 10, routes: ['deployments.put'] });
    const error = await startDeployment(h.services, createRequest('pg-no-answer')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartOutcomeUnknownError);
    expect(error).not.toBeInstanceOf(ArmStartError);
    expect((error as StartOutcomeUnknownError).reason).toMatch(/503/);
  });

  it.each(['PGADMIN-Passw0rd!', 'S3cret-Admin!'])('a password holding the login (%s) → ArmStartError(PasswordNotComplex), the password in no error', async (password) => {
    const request = createRequest('pg-loginpass', { adminPassword: password, confirmPassword: password });
    const error = await h.services.provisioner.startDeployment(request, 'pgflex-pg-loginpass-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmStartError);
    expect((error as ArmStartError).error).toMatchObject({
      code: 'PasswordNotComplex',
      message: 'Your password cannot contain all or part of the login name. Part of a login name is defined as three or more consecutive alphanumeric characters.',
      chain: [{ code: 'InvalidTemplateDeployment' }, { code: 'PreflightValidationCheckFailed' }, { code: 'PasswordNotComplex', target: 'pg-loginpass' }],
    });
    expect(JSON.stringify(error)).not.toContain(password);
  });

  it('a resource group that does not exist → ArmStartError(ResourceGroupNotFound)', async () => {
    const request = createRequest('pg-norg', { resourceGroup: { name: 'rg-missing', isNew: false } });
    const error = await h.services.provisioner.startDeployment(request, 'pgflex-pg-norg-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmStartError);
    expect((error as ArmStartError).error.code).toBe('ResourceGroupNotFound');
  });
});

describe('preflight against the sandbox', () => {
  it('a taken name → PreflightError on serverName with ARM’s message', async () => {
    const ref = await startDeployment(h.services, createRequest('pg-taken'));
    await readUntilEnded(h.services, ref);
    const error = await h.services.provisioner.preflight(createRequest('pg-taken')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).field).toBe('serverName');
    expect((error as PreflightError).message).toBe("The server name 'pg-taken' is not available: Specified server name is already used.");
  });

  it.each([
    [{ version: '10' }, 'version'],
    [{ tier: 'GeneralPurpose' as const, skuName: 'Standard_B2s' }, 'skuName'],
    [{ storageSizeGB: 33 }, 'storageSizeGB'],
  ])('%o is not offered → PreflightError on %s', async (change, field) => {
    const error = await h.services.provisioner.preflight(createRequest('pg-preflight', change)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as PreflightError).field).toBe(field);
  });
});
