import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createRequest as baseRequest } from '../../support/trackerFakes';
import type { CreateServerRequest } from '../../../machines/flexDeployment/createServerRequest';
import { startSandbox, SANDBOX_SUBSCRIPTIONS, SANDBOX_TENANT_ID, SEEDED_RESOURCE_GROUPS, type Sandbox } from '../../../sandbox';
import type { ArmEnvironment } from '../../../src/azure/armEnvironment';
import { composeAzureServices, type AzureServices } from '../../../src/azure/azureServices';
import { DEFAULT_WAIT } from '../../../src/azure/providerRegistration';
import { makeDeploymentName } from '../../../src/azure/flexProvisioning/deploymentName';
import { SandboxAccount } from '../../../src/azure/sandboxAccount';
import { armSubscriptionSource } from '../../../src/azure/subscriptionSource';
import type { DeploymentObservation } from '../../../src/services/flexDeployment/deploymentReader';
import type { DeploymentRef } from '../../../src/services/flexDeployment/deploymentRef';

/** The production wiring (composeAzureServices) against an in-process sandbox, as the extension builds it in sandbox mode. */
export interface AzureSandboxHarness {
  sandbox: Sandbox;
  account: SandboxAccount;
  services: AzureServices;
  stop(): Promise<void>;
}

export const SUBSCRIPTION_ID = SANDBOX_SUBSCRIPTIONS[0].subscriptionId;
export const RESOURCE_GROUP = SEEDED_RESOURCE_GROUPS[0].name;

export async function startAzureSandboxHarness(speed = 200): Promise<AzureSandboxHarness> {
  const sandbox = await startSandbox({ port: 0, speed, postgres: 'none' });
  const environment: ArmEnvironment = { kind: 'sandbox', endpoint: sandbox.url, ca: sandbox.ca };
  const account = new SandboxAccount();
  // Sandbox time runs fast: a registration is over in a fraction of a second, so it is read often.
  const registrationWait = { ...DEFAULT_WAIT, pollMs: 20, timeoutMs: 10_000 };
  const services = composeAzureServices(environment, account, (clients) => armSubscriptionSource(clients, SANDBOX_TENANT_ID), async () => undefined, registrationWait);
  return { sandbox, account, services, stop: () => sandbox.stop() };
}

/** One sandbox per test file, reset (and signed in) before each test. */
export function useAzureSandbox(): AzureSandboxHarness {
  const harness = {} as AzureSandboxHarness;
  beforeAll(async () => {
    Object.assign(harness, await startAzureSandboxHarness());
  });
  afterAll(async () => {
    await harness.stop();
  });
  beforeEach(() => {
    harness.sandbox.control.reset();
    harness.account.signInElsewhere();
  });
  return harness;
}

export function createRequest(serverName: string, overrides: Partial<CreateServerRequest> = {}): CreateServerRequest {
  return baseRequest({
    tenantId: SANDBOX_TENANT_ID,
    subscriptionId: SUBSCRIPTION_ID,
    resourceGroup: { name: RESOURCE_GROUP, isNew: false },
    serverName,
    location: 'eastus',
    adminPassword: 'S3cret!pass',
    confirmPassword: 'S3cret!pass',
    firewall: { allowAzureServices: true, clientIp: '127.0.0.1', ranges: [] },
    ...overrides,
  });
}

/** Starts a deployment through the provisioner and returns the tracker's ref for it. */
export async function startDeployment(services: AzureServices, request: CreateServerRequest, at = Date.now()): Promise<DeploymentRef> {
  const deploymentName = makeDeploymentName(request.serverName, at);
  await services.provisioner.startDeployment(request, deploymentName);
  return {
    stagingId: `staging-${request.serverName}`,
    tenantId: request.tenantId,
    subscriptionId: request.subscriptionId,
    resourceGroupName: request.resourceGroup.name,
    deploymentName,
    createdAt: at,
    serverName: request.serverName,
  };
}

/** Reads in cycles (as the tracker does) until the observation is terminal; returns it and the cycle count. */
export async function readUntilEnded(services: AzureServices, ref: DeploymentRef, cycleMs = 100, maxCycles = 300): Promise<{ observation: DeploymentObservation; cycles: number }> {
  for (let cycle = 1; cycle <= maxCycles; cycle++) {
    const batch = await services.reader.read([ref]);
    const observation = batch.observations.get(ref.stagingId);
    if (observation && observation.kind !== 'running' && observation.kind !== 'unavailable') return { observation, cycles: cycle };
    await new Promise((resolve) => setTimeout(resolve, cycleMs));
  }
  throw new Error(`deployment ${ref.deploymentName} did not end within ${maxCycles} cycles`);
}
